import { zipSync, strToU8, type Zippable } from 'fflate'
import { workProcessObjectId } from '#app/domain/progress.server.ts'
import { statementsFor } from '#app/domain/xapi.server.ts'
import { objectStorage } from '#app/storage/object-storage.server.ts'
import { parseJsonList } from '#app/utils/json-list.ts'
import { exportReadme } from './export-readme.ts'
import type { ExportFile } from './export-files.ts'
import { readPersonalData, type PersonalData } from './personal-data.server.ts'

/**
 * The zip is built in memory: attached files (evidence, evaluation recordings) go in until
 * together they reach this many bytes; the rest are listed in the README and stay downloadable
 * one by one, so one export cannot take the server's memory.
 */
export const EXPORT_FILE_BUDGET_BYTES = 256 * 1024 * 1024

/** A column holding JSON, shown as the JSON it holds (or as written, if it is not JSON). */
function json(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

const safeName = (name: string) => name.replace(/[^\w.-]+/g, '_').slice(0, 120)

type AttachedFile = { fileKey: string | null; fileName: string | null; fileSize: number | null }

/** A stored file's bytes, or null when the storage no longer has it. */
async function readStoredFile(key: string): Promise<Uint8Array | null> {
  const object = await objectStorage().read(key)
  if (!object) return null
  const chunks: Buffer[] = []
  for await (const chunk of object.body) chunks.push(Buffer.from(chunk as Uint8Array))
  return new Uint8Array(Buffer.concat(chunks))
}

/**
 * Everything the platform holds about one person as a zip: JSON per category, a README.md,
 * the files they handed in and the files of evaluations about them. Read only: nothing is
 * written (an access-log line for the export is left to the access log, issue #22 item 4).
 */
export async function buildPersonalDataExport(
  userId: string,
  now = new Date(),
): Promise<{ zip: Uint8Array; fileName: string } | null> {
  const data = await readPersonalData(userId)
  if (!data) return null
  const entries: Zippable = {}
  const put = (path: ExportFile, value: unknown) => {
    entries[path] = strToU8(JSON.stringify(value, null, 2))
  }

  let budget = EXPORT_FILE_BUDGET_BYTES
  const filesLeftOut: Array<{ path: string; size: number }> = []
  /** Adds an attached file under the folder; its path in the zip, or null when left out. */
  const attach = async (folder: ExportFile, id: string, file: AttachedFile) => {
    if (!file.fileKey) return null
    const path = `${folder}${id}-${safeName(file.fileName ?? 'bestand')}`
    if ((file.fileSize ?? 0) > budget) {
      filesLeftOut.push({ path, size: file.fileSize ?? 0 })
      return null
    }
    const bytes = await readStoredFile(file.fileKey)
    if (!bytes) return null
    budget -= bytes.byteLength
    // Recordings and PDFs are compressed already: stored as they are.
    entries[path] = [bytes, { level: 0 }]
    return path
  }

  put('profile.json', data.user)
  put(
    'memberships.json',
    data.memberships.map((m) => ({
      ...m,
      roles: m.roles.map((r) => r.role),
      teams: m.teams.map((t) => ({ name: t.team.name, client: t.team.client?.name ?? null })),
    })),
  )
  put('work-process-statuses.json', workProcessStatuses(data))
  put(
    'learning-events.json',
    data.learningEvents.map((e) => ({
      ...e,
      workProcessCodes: parseJsonList(e.workProcessCodes),
      statement: json(e.statement),
    })),
  )
  put('xapi-statements.json', await statementsFor(data.learningEvents))
  put('enrolments.json', data.enrolments)
  put('lesson-completions.json', data.lessonCompletions)
  put(
    'quiz-attempts.json',
    data.quizAttempts.map((a) => ({ ...a, answers: json(a.answers) })),
  )
  put('reflections.json', data.reflections)
  put(
    'package-attempts.json',
    data.packageAttempts.map((a) => ({ ...a, cmi: json(a.cmi) })),
  )
  put('access-log.json', data.accessLog)
  put('privacy-requests.json', {
    erasureRequests: data.erasureRequests,
    legalHolds: data.legalHolds,
  })
  put(
    'xapi-documents.json',
    data.xapiDocuments.map(({ content, ...d }) => {
      const text = /json|text/.test(d.contentType)
      return {
        ...d,
        encoding: text ? 'utf-8' : 'base64',
        content: Buffer.from(content).toString(text ? 'utf8' : 'base64'),
      }
    }),
  )

  const evidence = []
  for (const { fileKey, ...e } of data.evidence) {
    const file = await attach('evidence-files/', e.id, { fileKey, ...e })
    evidence.push({
      ...e,
      competencies: parseJsonList(e.competencies),
      workProcesses: e.workProcesses.map((w) => w.workProcessCode),
      file: file ?? null,
      assessments: e.assessments.map(({ assessor, ...a }) => ({ ...a, assessor: assessor.name })),
    })
  }
  put('evidence.json', evidence)
  put('assessments-given.json', data.assessmentsGiven)

  put(
    'records.json',
    data.records.map(({ credential: _credential, jwt: _jwt, dataIntegrity, ...r }) => ({
      ...r,
      status: r.revocation ? 'revoked' : r.suspension ? 'suspended' : 'issued',
      files: [
        `records/${r.id}.credential.json`,
        `records/${r.id}.jwt`,
        ...(dataIntegrity ? [`records/${r.id}.data-integrity.json`] : []),
      ],
      walletOffers: data.walletOffers.filter((o) => o.recordId === r.id),
    })),
  )
  for (const r of data.records) {
    entries[`records/${r.id}.credential.json`] = strToU8(r.credential)
    entries[`records/${r.id}.jwt`] = strToU8(r.jwt)
    if (r.dataIntegrity) entries[`records/${r.id}.data-integrity.json`] = strToU8(r.dataIntegrity)
  }

  put('assignments.json', data.assignments)
  const evaluations = []
  for (const { fileKey, agentId, evaluator, ...e } of data.evaluations) {
    const aboutThem = agentId === userId
    // Only the files of evaluations about the person: an evaluator's own work is the agent's.
    const file = aboutThem ? await attach('evaluation-files/', e.id, { fileKey, ...e }) : null
    evaluations.push({
      role: aboutThem ? 'agent' : 'evaluator',
      ...e,
      agentId,
      evaluator: evaluator.name,
      file,
    })
  }
  put('evaluations.json', evaluations)
  put(
    'calibration-sessions.json',
    data.calibrationSessions.map(({ evaluators, ...c }) => ({
      ...c,
      roles: [
        ...(c.agentId === userId ? ['agent'] : []),
        ...(evaluators.length > 0 ? ['evaluator'] : []),
        ...(c.referenceEvaluatorId === userId ? ['reference'] : []),
        ...(c.createdById === userId ? ['organiser'] : []),
      ],
    })),
  )
  put(
    'coaching-sessions.json',
    data.coachingSessions.map(({ coach, ...c }) => ({
      role: c.agentId === userId ? 'agent' : 'coach',
      ...c,
      coach: coach.name,
      evaluations: c.evaluations.map((l) => l.evaluationId),
    })),
  )
  put('quality-rule-firings.json', data.ruleFirings)
  put('kpi-weeks.json', data.kpiWeeks)
  put('sso-identities.json', data.ssoIdentities)
  put('lti-users.json', data.ltiUsers)
  put('sessions.json', data.sessions)
  put('uploads.json', data.uploads)
  put(
    'invitations.json',
    data.invitations.map((i) => ({
      ...i,
      roles: parseJsonList(i.roles),
      direction: i.invitedById === userId ? 'sent' : 'received',
    })),
  )
  put('emails.json', data.emails)
  put(
    'audit-events.json',
    data.auditEvents.map((a) => ({ ...a, detail: json(a.detail) })),
  )

  entries['README.md'] = strToU8(
    exportReadme({ name: data.user.name, createdAt: now, filesLeftOut }),
  )
  const day = now.toISOString().slice(0, 10)
  return {
    zip: zipSync(entries, { level: 6, mtime: now }),
    fileName: `leerplein-gegevens-${day}.zip`,
  }
}

/** Each ladder status with its history: the steps reached, from the event log. */
function workProcessStatuses(data: PersonalData) {
  const history = new Map<string, Array<{ step: number | null; at: Date }>>()
  for (const e of data.learningEvents) {
    if (e.verb !== 'progressed' || e.objectType !== 'work-process') continue
    const list = history.get(e.objectId) ?? []
    list.push({ step: e.resultStep, at: e.timestamp })
    history.set(e.objectId, list)
  }
  return data.workProcessStatuses.map((s) => ({
    ...s,
    history: history.get(workProcessObjectId(s.dossierSlug, s.workProcessCode)) ?? [],
  }))
}
