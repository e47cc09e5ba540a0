import { randomUUID } from 'node:crypto'
import { databaseEngine, type Tx } from '#app/db.server.ts'
import {
  assessorsRequired,
  EVIDENCE_KINDS,
  isEvidenceKind,
} from '#app/assessment/assessment-rules.ts'
import { workplaceFacts, workplaceKey } from '#app/assessment/workplace-facts.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { TOP_STEP } from '#app/domain/progress-rules.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import {
  buildCredential,
  wholeSeconds,
  type AchievementLevel,
  type CredentialInput,
  DOSSIER_REF,
  type DossierRef,
} from './credential.server.ts'
import { recordUrl } from './issuer.server.ts'
import { recordStatus } from './record-status.ts'
import { validUntilFor } from './recertification.server.ts'
import { signRecordCredential } from './sign-record.server.ts'
import { allocateStatusIndex, statusEntry } from './status-list.server.ts'

type ExistingRecord = {
  id: string
  level: string
  code: string
  name: string
  issuedAt: Date
  validUntil: Date | null
  organisationId: string | null
  revocation: object | null
  suspension: object | null
}

const isCurrent = (r: ExistingRecord | undefined, now: Date) =>
  !!r && recordStatus(r, now) === 'valid'

/**
 * Issue every record the rules award a learner in a dossier and that is not held yet: work
 * processes that are competent, core tasks whose work processes all hold a current record, and
 * the qualification when every core task does. Runs inside the transaction that changed the
 * facts, so a sign-off and its records are stored together. Idempotent: what is held is not
 * issued again. A revoked or expired record is replaced only after a newer sign-off.
 */
export async function issueDueRecords(tx: Tx, userId: string, dossierSlug: string) {
  await lockLearnerRecords(tx, userId)
  const now = new Date()
  const [user, dossier, statuses, existing, facts] = await Promise.all([
    tx.user.findUnique({ where: { id: userId }, select: { name: true, email: true } }),
    loadDossier(tx, dossierSlug),
    tx.workProcessStatus.findMany({
      where: { userId, dossierSlug, step: TOP_STEP },
      select: { workProcessCode: true },
    }),
    tx.completionRecord.findMany({
      where: { userId, dossierSlug },
      orderBy: { issuedAt: 'asc' },
      select: {
        id: true,
        level: true,
        code: true,
        name: true,
        issuedAt: true,
        validUntil: true,
        organisationId: true,
        revocation: { select: { recordId: true } },
        suspension: { select: { recordId: true } },
      },
    }),
    workplaceFacts(tx, { userId, dossierSlug }),
  ])
  if (!user || !dossier) return []
  const competent = new Set(statuses.map((s) => s.workProcessCode))
  // The newest record per code.
  const latest = new Map<string, ExistingRecord>()
  for (const r of existing) latest.set(r.code, r)

  const issued: ExistingRecord[] = []
  const issue = async (
    level: AchievementLevel,
    code: string,
    organisationId: string | null,
    content: Pick<CredentialInput, 'achievement' | 'evidence'>,
    capUntil: Date | null,
  ) => {
    const id = randomUUID()
    const issuedAt = wholeSeconds(now)
    const policy = await validUntilFor(
      dossierSlug,
      level === 'qualification' ? 'kwalificatie' : code,
      issuedAt,
    )
    // A bundle never outlives the records it bundles.
    const validUntil =
      [policy, capUntil].filter((d): d is Date => !!d).sort((a, b) => +a - +b)[0] ?? null
    const place = await allocateStatusIndex(tx)
    const { credential, jwt, kid } = await signRecordCredential(
      buildCredential({
        recordId: id,
        level,
        issuedAt,
        validUntil,
        recipient: { userId, name: user.name, email: user.email },
        dossier: dossier.ref,
        ...content,
        credentialStatus: statusEntry(place.statusListId, place.statusListIndex),
      }),
      tx,
    )
    await tx.completionRecord.create({
      data: {
        id,
        userId,
        organisationId,
        level,
        dossierSlug,
        dossierVersion: dossier.ref.version,
        code,
        name: content.achievement.name,
        recipientName: user.name,
        credential: JSON.stringify(credential),
        dataIntegrity: JSON.stringify(credential),
        ...place,
        jwt,
        kid,
        issuedAt,
        validUntil,
      },
    })
    await audit(tx, {
      actorId: null,
      organisationId,
      action: 'record.issued',
      subjectType: 'record',
      subjectId: id,
      detail: { userId, level, dossierSlug, code },
    })
    const record = {
      id,
      level,
      code,
      name: content.achievement.name,
      issuedAt,
      validUntil,
      organisationId,
      revocation: null,
      suspension: null,
    }
    latest.set(code, record)
    issued.push(record)
    return record
  }

  const signedOff = await signedOffEvidence(tx, userId, dossierSlug)
  for (const coreTask of dossier.coreTasks) {
    for (const wp of coreTask.workProcesses) {
      const held = latest.get(wp.code)
      const fact = facts.get(workplaceKey(userId, dossierSlug, wp.code))
      if (!competent.has(wp.code) || isCurrent(held, now)) continue
      if (held && !(fact?.signedOffAt && fact.signedOffAt > held.issuedAt)) continue
      const proof = signedOff.get(wp.code) ?? []
      await issue(
        'work_process',
        wp.code,
        proof.at(-1)?.organisationId ?? null,
        {
          achievement: {
            code: wp.code,
            name: wp.titleNl,
            description: wp.descriptionNl,
            criteria: workProcessCriteria(wp.resultNl, proof.at(-1)?.criteria ?? []),
            competencies: wp.competencies,
          },
          evidence: proof.map((e) => ({
            name: e.title,
            genre: e.kindNl,
            narrative: `${e.kindNl}, ingeleverd op ${formatAmsterdam(e.submittedAt, 'nl')}; afgetekend door ${e.assessors} assessor${e.assessors === 1 ? '' : 'en'}.`,
          })),
        },
        null,
      )
    }
    await issueBundle(
      'core_task',
      coreTask.code,
      coreTask.titleNl,
      coreTask.descriptionNl,
      coreTask.workProcesses.map((w) => w.code),
      `Alle werkprocessen van kerntaak ${coreTask.code} zijn in de praktijk als bekwaam beoordeeld en afgetekend.`,
    )
  }
  await issueBundle(
    'qualification',
    dossier.ref.qualificationCrebo,
    dossier.ref.qualificationNl,
    dossier.summaryNl,
    dossier.coreTasks.map((c) => c.code),
    `Alle kerntaken van het kwalificatiedossier ${dossier.ref.qualificationNl} zijn afgerond. Dit bewijs bundelt de bewijzen van de kerntaken en hun werkprocessen.`,
  )
  return issued

  /** A core task or the qualification: due once every part holds a current record. */
  async function issueBundle(
    level: AchievementLevel,
    code: string,
    name: string,
    description: string,
    partCodes: string[],
    criteria: string,
  ) {
    const parts = partCodes.map((c) => latest.get(c))
    if (!parts.every((p) => isCurrent(p, now))) return
    const held = latest.get(code)
    const newestPart = Math.max(...parts.map((p) => +p!.issuedAt))
    if (isCurrent(held, now) || (held && +held.issuedAt >= newestPart)) return
    // The qualification bundles every record below it; a core task its work processes.
    const bundled =
      level === 'qualification'
        ? [...latest.values()].filter((r) => r.level !== 'qualification' && isCurrent(r, now))
        : (parts as ExistingRecord[])
    const caps = bundled.map((p) => p.validUntil).filter((d): d is Date => !!d)
    await issue(
      level,
      code,
      parts.at(-1)!.organisationId,
      {
        achievement: { code, name, description, criteria, competencies: [] },
        evidence: bundled.map((p) => ({
          id: recordUrl(p.id),
          name: `${p.code} ${p.name}`,
          genre: p.level === 'core_task' ? 'Bewijs kerntaak' : 'Bewijs werkproces',
          narrative: `Ondertekend bewijs ${p.code}, uitgegeven op ${formatAmsterdam(p.issuedAt, 'nl')}.`,
        })),
      },
      caps.length ? new Date(Math.min(...caps.map(Number))) : null,
    )
  }
}

/**
 * Two sign-offs of different work processes of one core task, committed at the same moment,
 * would each miss the other's and neither would issue the core-task record. On PostgreSQL
 * the issuing of one learner's records therefore takes a transaction-scoped lock; the second
 * transaction waits and then reads the first one's committed steps. (SQLite has one writer.)
 */
async function lockLearnerRecords(tx: Tx, userId: string) {
  if (databaseEngine !== 'postgresql') return
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`records:${userId}`}))) AS l`
}

/** The criteria as Markdown (what OB 3.0 allows in a narrative): one numbered line each. */
function workProcessCriteria(resultNl: string, criteria: Array<{ text: string; level: string }>) {
  const list = criteria.map((c, i) => `${i + 1}. ${c.text} (vereist niveau: ${c.level})`)
  return [
    'Beoordeeld in de praktijk door een assessor op de criteria van dit werkproces.',
    ...(list.length ? ['', ...list] : []),
    '',
    `Resultaat: ${resultNl}`,
  ].join('\n')
}

async function loadDossier(tx: Tx, slug: string) {
  const d = await tx.dossier.findFirst({
    where: { slug },
    orderBy: { version: 'desc' },
    select: {
      ...DOSSIER_REF,
      summaryNl: true,
      coreTasks: {
        orderBy: { position: 'asc' },
        select: {
          code: true,
          titleNl: true,
          descriptionNl: true,
          workProcesses: {
            orderBy: { position: 'asc' },
            select: {
              code: true,
              titleNl: true,
              descriptionNl: true,
              resultNl: true,
              competencies: {
                orderBy: { position: 'asc' },
                select: { competency: { select: { code: true, titleNl: true } } },
              },
            },
          },
        },
      },
    },
  })
  if (!d) return null
  const { summaryNl, coreTasks, ...ref } = d
  return {
    ref: ref satisfies DossierRef,
    summaryNl,
    coreTasks: coreTasks.map((c) => ({
      ...c,
      workProcesses: c.workProcesses.map((w) => ({
        ...w,
        competencies: w.competencies.map((x) => ({
          code: x.competency.code,
          name: x.competency.titleNl,
        })),
      })),
    })),
  }
}

/** Per work process, the learner's evidence whose sign-offs made it competent, oldest first. */
async function signedOffEvidence(tx: Tx, userId: string, dossierSlug: string) {
  const rows = await tx.evidence.findMany({
    where: { userId, dossierSlug, assessments: { some: { decision: 'signed_off' } } },
    orderBy: { submittedAt: 'asc' },
    select: {
      title: true,
      kind: true,
      organisationId: true,
      submittedAt: true,
      assessments: {
        where: { decision: 'signed_off' },
        orderBy: { createdAt: 'asc' },
        select: {
          workProcessCode: true,
          assessorId: true,
          scores: {
            orderBy: { position: 'asc' },
            select: { criterionNl: true, requiredLevel: true },
          },
        },
      },
    },
  })
  const byCode = new Map<
    string,
    Array<{
      title: string
      kindNl: string
      organisationId: string
      submittedAt: Date
      assessors: number
      criteria: Array<{ text: string; level: string }>
    }>
  >()
  for (const e of rows) {
    const kindNl = isEvidenceKind(e.kind) ? EVIDENCE_KINDS[e.kind].nl : e.kind
    const codes = [...new Set(e.assessments.map((a) => a.workProcessCode))]
    for (const code of codes) {
      const mine = e.assessments.filter((a) => a.workProcessCode === code)
      const assessors = new Set(mine.map((a) => a.assessorId)).size
      // A proeve with one of its two signatures is not (yet) what made the work process competent.
      if (assessors < assessorsRequired(e.kind)) continue
      const list = byCode.get(code) ?? []
      list.push({
        title: e.title,
        kindNl,
        organisationId: e.organisationId,
        submittedAt: e.submittedAt,
        assessors,
        criteria: mine.at(-1)!.scores.map((s) => ({ text: s.criterionNl, level: s.requiredLevel })),
      })
      byCode.set(code, list)
    }
  }
  return byCode
}
