import { randomBytes } from 'node:crypto'
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { sendEmail } from '#app/email/mailer.server.ts'
import { env } from '#app/env.server.ts'
import type { EvidenceFileType } from '#app/evidence/file-type.server.ts'
import { objectStorage } from '#app/storage/object-storage.server.ts'
import { batches } from '#app/utils/batches.ts'
import { evaluationDisputedEmail, evaluationRecordedEmail } from './quality-emails.ts'
import {
  isAgentInScope,
  readableByScope,
  requireEvaluator,
  type QualityScope,
} from './quality-access.server.ts'
import {
  allItems,
  scoreContact,
  validAnswer,
  type Channel,
  type EvaluationResult,
  type ItemAnswer,
  type ScorecardDefinition,
} from './scorecard-definition.ts'
import { runRulesForAgent } from './rules.server.ts'
import { getScorecardVersion, parseDefinition } from './scorecards.server.ts'
import { itemField } from './scoring-form.ts'

/**
 * Evaluations: one scored contact of an agent. Scores are computed once, when recorded, from
 * the scorecard version; what the evaluation says per work process is stored beside it, so
 * rules, charts and the assessor queue read plain rows.
 */

export type ContactReference = {
  externalId: string | null
  contactAt: Date
  channel: Channel
  durationSeconds: number | null
  clientBrand: string | null
}

export class EvaluationRefused extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: string,
  ) {
    super(`${field}: ${messageKey}`)
  }
}

/** Check the answers against the version and compute everything that is stored. */
export function evaluationContent(
  definition: ScorecardDefinition,
  answers: Record<string, ItemAnswer | undefined>,
) {
  for (const item of allItems(definition)) {
    const answer = answers[item.key]
    if (answer === undefined)
      throw new EvaluationRefused(itemField(item.key), 'evaluation.error.missing')
    if (!validAnswer(item, answer.value))
      throw new EvaluationRefused(itemField(item.key), 'evaluation.error.value')
  }
  const result = scoreContact(definition, answers)
  const items = allItems(definition).map((item) => ({
    itemKey: item.key,
    sectionKey: item.sectionKey,
    value: answers[item.key]?.value ?? null,
    comment: (answers[item.key]?.comment ?? '').trim().slice(0, 2000),
  }))
  return { result, items }
}

export type NewEvaluation = {
  organisationId: string
  scorecardVersionId: string
  dossierSlug: string
  definition: ScorecardDefinition
  evaluatorId: string
  agentId: string
  contact: ContactReference
  answers: Record<string, ItemAnswer | undefined>
  comment: string
  source?: string
  importId?: string | null
  calibrationSessionId?: string | null
  /** When the agent saw it, for scores that come from elsewhere already seen (demo, tools). */
  acknowledgedAt?: Date | null
  file?: { fileKey: string; fileName: string; fileType: string; fileSize: number } | null
}

/**
 * Write evaluations in a transaction the caller owns (the form: one; an import or the demo:
 * thousands), a few hundred rows per statement. Ids are made here, so the item and
 * work-process rows can follow without reading anything back. Calibration scores never
 * become the agent's: they get no work-process rows, so no rule, chart or evidence counts them.
 */
export async function insertEvaluations(tx: Tx, inputs: NewEvaluation[]) {
  const written: { id: string; result: EvaluationResult }[] = []
  for (const batch of batches(inputs, 250)) {
    const rows = batch.map((input) => ({
      id: newEvaluationId(),
      input,
      ...evaluationContent(input.definition, input.answers),
    }))
    await tx.evaluation.createMany({
      data: rows.map(({ id, input, result }) => ({
        id,
        organisationId: input.organisationId,
        scorecardVersionId: input.scorecardVersionId,
        evaluatorId: input.evaluatorId,
        agentId: input.agentId,
        calibrationSessionId: input.calibrationSessionId ?? null,
        source: input.source ?? 'manual',
        externalId: input.contact.externalId,
        contactAt: input.contact.contactAt,
        channel: input.contact.channel,
        durationSeconds: input.contact.durationSeconds,
        clientBrand: input.contact.clientBrand,
        score: result.score,
        passed: result.passed,
        criticalFailed: result.criticalFailed,
        comment: input.comment.trim().slice(0, 4000),
        importId: input.importId ?? null,
        ...(input.acknowledgedAt
          ? { status: 'acknowledged', acknowledgedAt: input.acknowledgedAt }
          : {}),
        ...(input.file ?? {}),
      })),
    })
    await tx.evaluationItemScore.createMany({
      data: rows.flatMap(({ id, items }) => items.map((item) => ({ evaluationId: id, ...item }))),
    })
    await tx.evaluationWorkProcess.createMany({
      data: rows.flatMap(({ id, input, result }) =>
        input.calibrationSessionId
          ? []
          : result.workProcesses.map((wp) => ({
              evaluationId: id,
              dossierSlug: input.dossierSlug,
              workProcessCode: wp.code,
              agentId: input.agentId,
              contactAt: input.contact.contactAt,
              score: wp.score,
              passed: wp.passed,
            })),
      ),
    })
    written.push(...rows.map(({ id, result }) => ({ id, result })))
  }
  return written
}

export async function insertEvaluation(tx: Tx, input: NewEvaluation) {
  return (await insertEvaluations(tx, [input]))[0]!
}

/** A random id in the shape of the others (25 lower-case letters and digits, starting "c"). */
function newEvaluationId() {
  const bytes = randomBytes(24)
  return `c${[...bytes].map((b) => (b % 36).toString(36)).join('')}`
}

/** Runs after an evaluation of an agent is stored or changed: the organisation's rules. */
async function evaluationChanged(organisationId: string, agentId: string) {
  await runRulesForAgent(organisationId, agentId)
}

/**
 * An evaluator scores a contact through the form: the agent must be in their scope, the
 * scorecard the organisation's. The file (a recording or transcript) is stored first and
 * removed again if the write fails. The agent is told by e-mail.
 */
export async function recordEvaluation(input: {
  scope: QualityScope
  agentId: string
  scorecardVersionId: string
  contact: ContactReference
  answers: Record<string, ItemAnswer | undefined>
  comment: string
  file: { bytes: Uint8Array; name: string; type: EvidenceFileType } | null
}) {
  const { scope } = input
  requireEvaluator(scope)
  if (!(await isAgentInScope(scope, input.agentId)))
    throw new EvaluationRefused('agentId', 'evaluation.error.agent')
  const version = await getScorecardVersion(scope.organisationId, input.scorecardVersionId)
  if (!version) throw new EvaluationRefused('scorecardVersionId', 'evaluation.error.scorecard')
  if (input.contact.externalId) {
    const dup = await prisma.evaluation.findFirst({
      where: {
        organisationId: scope.organisationId,
        source: 'manual',
        externalId: input.contact.externalId,
      },
      select: { id: true },
    })
    if (dup) throw new EvaluationRefused('externalId', 'evaluation.error.duplicate')
  }
  // Validate before storing a file, so a refused form leaves nothing behind.
  evaluationContent(version.definition, input.answers)
  const storage = objectStorage()
  const fileKey = input.file ? await storage.put(input.file.bytes) : null
  try {
    const created = await prisma.$transaction(async (tx) => {
      const evaluation = await insertEvaluation(tx, {
        organisationId: scope.organisationId,
        scorecardVersionId: version.id,
        dossierSlug: version.dossierSlug,
        definition: version.definition,
        evaluatorId: scope.userId,
        agentId: input.agentId,
        contact: input.contact,
        answers: input.answers,
        comment: input.comment,
        file:
          input.file && fileKey
            ? {
                fileKey,
                fileName: input.file.name.slice(0, 200),
                fileType: input.file.type.mime,
                fileSize: input.file.bytes.length,
              }
            : null,
      })
      await audit(tx, {
        actorId: scope.userId,
        organisationId: scope.organisationId,
        action: 'evaluation.recorded',
        subjectType: 'evaluation',
        subjectId: evaluation.id,
        detail: {
          agentId: input.agentId,
          score: evaluation.result.score,
          passed: evaluation.result.passed,
          scorecardVersion: version.version,
        },
      })
      return evaluation
    })
    await notifyAgent(created.id)
    await evaluationChanged(scope.organisationId, input.agentId)
    return created
  } catch (error) {
    if (fileKey) await storage.delete(fileKey)
    throw error
  }
}

async function notifyAgent(evaluationId: string) {
  const e = await prisma.evaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    select: { score: true, passed: true, agent: { select: { email: true } } },
  })
  await sendEmail({
    to: e.agent.email,
    ...evaluationRecordedEmail('nl', {
      score: e.score,
      passed: e.passed,
      link: `${env.PUBLIC_URL}/evaluations/${evaluationId}`,
    }),
  })
}

const EVALUATION_DETAIL = {
  id: true,
  organisationId: true,
  agentId: true,
  evaluatorId: true,
  calibrationSessionId: true,
  source: true,
  externalId: true,
  contactAt: true,
  channel: true,
  durationSeconds: true,
  clientBrand: true,
  score: true,
  passed: true,
  criticalFailed: true,
  comment: true,
  fileName: true,
  fileType: true,
  fileSize: true,
  status: true,
  acknowledgedAt: true,
  disputeReason: true,
  disputedAt: true,
  resolvedAt: true,
  resolutionNote: true,
  createdAt: true,
  agent: { select: { name: true } },
  evaluator: { select: { name: true } },
  scorecardVersion: {
    select: {
      id: true,
      version: true,
      dossierSlug: true,
      definition: true,
      scorecard: { select: { id: true, name: true } },
    },
  },
  items: { select: { itemKey: true, sectionKey: true, value: true, comment: true } },
  workProcesses: { select: { workProcessCode: true, score: true, passed: true } },
  coachingLinks: { select: { coachingSessionId: true } },
} as const

async function detail(where: object) {
  const row = await prisma.evaluation.findFirst({ where, select: EVALUATION_DETAIL })
  if (!row) return null
  const definition = parseDefinition(row.scorecardVersion.definition)
  return {
    ...row,
    definition,
    sections: scoreContact(
      definition,
      Object.fromEntries(row.items.map((i) => [i.itemKey, { value: i.value }])),
    ).sections,
  }
}
export type EvaluationDetail = NonNullable<Awaited<ReturnType<typeof detail>>>

/** An evaluation as the organisation's side sees it; null (404) when out of scope. */
export function getEvaluationForScope(scope: QualityScope, id: string) {
  return detail({ id, calibrationSessionId: null, ...readableByScope(scope, 'evaluatorId') })
}

/** An agent's own evaluation; null for anyone else's (404, never 403: nothing leaks). */
export function getOwnEvaluation(agentId: string, id: string) {
  return detail({ id, agentId, calibrationSessionId: null })
}

const LIST_ROW = {
  id: true,
  contactAt: true,
  channel: true,
  score: true,
  passed: true,
  criticalFailed: true,
  status: true,
  source: true,
  agent: { select: { name: true } },
  evaluator: { select: { name: true } },
  scorecardVersion: { select: { version: true, scorecard: { select: { name: true } } } },
} as const

export function listEvaluationsForScope(
  scope: QualityScope,
  filter: { agentId?: string; status?: string; take?: number } = {},
) {
  return prisma.evaluation.findMany({
    where: {
      calibrationSessionId: null,
      ...readableByScope(scope, 'evaluatorId'),
      ...(filter.agentId ? { agentId: filter.agentId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    },
    orderBy: { contactAt: 'desc' },
    take: filter.take ?? 50,
    select: LIST_ROW,
  })
}

export function listOwnEvaluations(agentId: string) {
  return prisma.evaluation.findMany({
    where: { agentId, calibrationSessionId: null },
    orderBy: { contactAt: 'desc' },
    take: 100,
    select: { ...LIST_ROW, organisation: { select: { name: true } } },
  })
}

/** The agent has read it ("gezien"). */
export async function acknowledgeEvaluation(agentId: string, id: string) {
  await prisma.$transaction(async (tx) => {
    const e = await tx.evaluation.findFirst({
      where: { id, agentId, calibrationSessionId: null },
      select: { id: true, status: true, organisationId: true },
    })
    if (!e) throw new Response('Not found', { status: 404 })
    if (e.status !== 'open') throw new EvaluationRefused('status', 'evaluation.error.notOpen')
    await tx.evaluation.update({
      where: { id },
      data: { status: 'acknowledged', acknowledgedAt: new Date() },
    })
    await audit(tx, {
      actorId: agentId,
      organisationId: e.organisationId,
      action: 'evaluation.acknowledged',
      subjectType: 'evaluation',
      subjectId: id,
    })
  })
}

/** The agent disagrees, with a reason: the organisation's admins decide. */
export async function disputeEvaluation(agentId: string, id: string, reason: string) {
  const text = reason.trim()
  if (text.length < 10 || text.length > 2000)
    throw new EvaluationRefused('reason', 'evaluation.error.reason')
  const organisationId = await prisma.$transaction(async (tx) => {
    const e = await tx.evaluation.findFirst({
      where: { id, agentId, calibrationSessionId: null },
      select: { id: true, status: true, organisationId: true },
    })
    if (!e) throw new Response('Not found', { status: 404 })
    if (e.status !== 'open' && e.status !== 'acknowledged')
      throw new EvaluationRefused('status', 'evaluation.error.notDisputable')
    await tx.evaluation.update({
      where: { id },
      data: { status: 'disputed', disputeReason: text, disputedAt: new Date() },
    })
    await audit(tx, {
      actorId: agentId,
      organisationId: e.organisationId,
      action: 'evaluation.disputed',
      subjectType: 'evaluation',
      subjectId: id,
      detail: { reason: text },
    })
    return e.organisationId
  })
  const org = await prisma.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: {
      slug: true,
      memberships: {
        where: { deactivatedAt: null, roles: { some: { role: 'employer_admin' } } },
        select: { user: { select: { email: true } } },
      },
    },
  })
  for (const m of org.memberships)
    await sendEmail({
      to: m.user.email,
      ...evaluationDisputedEmail('nl', {
        link: `${env.PUBLIC_URL}/orgs/${org.slug}/quality/evaluations/${id}`,
      }),
    })
}

/**
 * An org admin decides a dispute: the evaluation stands ("upheld") or is re-scored with
 * changed answers on the same scorecard version ("changed"). Audited with the scores before
 * and after; the rules run again for the agent.
 */
export async function resolveDispute(
  scope: QualityScope,
  id: string,
  decision: { outcome: 'upheld' | 'changed'; note: string; answers?: Record<string, ItemAnswer> },
) {
  if (!scope.manages) throw new Response('Forbidden', { status: 403 })
  const note = decision.note.trim()
  if (note.length < 3) throw new EvaluationRefused('note', 'evaluation.error.note')
  const current = await getEvaluationForScope(scope, id)
  if (!current) throw new Response('Not found', { status: 404 })
  if (current.status !== 'disputed')
    throw new EvaluationRefused('status', 'evaluation.error.notDisputed')
  const changed =
    decision.outcome === 'changed' && decision.answers
      ? evaluationContent(current.definition, decision.answers)
      : null
  await prisma.$transaction(async (tx) => {
    // Only one decision: a second admin deciding at the same moment finds it decided.
    const claimed = await tx.evaluation.updateMany({
      where: { id, status: 'disputed' },
      data: {
        status: decision.outcome,
        resolvedById: scope.userId,
        resolvedAt: new Date(),
        resolutionNote: note,
        ...(changed
          ? {
              score: changed.result.score,
              passed: changed.result.passed,
              criticalFailed: changed.result.criticalFailed,
            }
          : {}),
      },
    })
    if (claimed.count !== 1) throw new EvaluationRefused('status', 'evaluation.error.notDisputed')
    if (changed) {
      for (const item of changed.items)
        await tx.evaluationItemScore.update({
          where: { evaluationId_itemKey: { evaluationId: id, itemKey: item.itemKey } },
          data: { value: item.value, comment: item.comment },
        })
      await tx.evaluationWorkProcess.deleteMany({ where: { evaluationId: id } })
      await tx.evaluationWorkProcess.createMany({
        data: changed.result.workProcesses.map((wp) => ({
          evaluationId: id,
          dossierSlug: current.scorecardVersion.dossierSlug,
          workProcessCode: wp.code,
          agentId: current.agentId,
          contactAt: current.contactAt,
          score: wp.score,
          passed: wp.passed,
        })),
      })
    }
    await audit(tx, {
      actorId: scope.userId,
      organisationId: scope.organisationId,
      action: 'evaluation.dispute-resolved',
      subjectType: 'evaluation',
      subjectId: id,
      detail: {
        outcome: decision.outcome,
        note,
        scoreBefore: current.score,
        scoreAfter: changed ? changed.result.score : current.score,
      },
    })
  })
  await evaluationChanged(scope.organisationId, current.agentId)
}

const FILE = { fileKey: true, fileName: true, fileType: true } as const

/** The stored recording or transcript, for someone who may read the evaluation. */
export function evaluationFileForScope(scope: QualityScope, id: string) {
  return prisma.evaluation.findFirst({
    where: { id, calibrationSessionId: null, ...readableByScope(scope, 'evaluatorId') },
    // Whose contact it is, for the access log.
    select: { ...FILE, agentId: true },
  })
}

export function ownEvaluationFile(agentId: string, id: string) {
  return prisma.evaluation.findFirst({
    where: { id, agentId, calibrationSessionId: null },
    select: FILE,
  })
}
