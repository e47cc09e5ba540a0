import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { sendEmail } from '#app/email/mailer.server.ts'
import { env } from '#app/env.server.ts'
import {
  deviations,
  evaluatorTrends,
  itemSpreads,
  itemsDisagreedOn,
  type CalibrationScore,
  type ClosedSession,
} from './calibration-stats.ts'
import { evaluationContent, insertEvaluation } from './evaluations.server.ts'
import { isAgentInScope, requireCalibrator, type QualityScope } from './quality-access.server.ts'
import { calibrationInvitationEmail } from './quality-emails.ts'
import type { Channel, ItemAnswer } from './scorecard-definition.ts'
import { getScorecardVersion, parseDefinition, scoringChoices } from './scorecards.server.ts'

/**
 * Calibration sessions: a calibrator (org admin or quality coach) has several evaluators score
 * the same contact independently. While a session is open nobody sees another's scores; once
 * everyone scored (or a calibrator closes it) the participants see the spread per item, and
 * only calibrators see how far each evaluator is from the consensus or the reference.
 * The scores are Evaluation rows with calibrationSessionId: they never count for the agent.
 */

/** Roles whose members may be invited to score in a calibration. */
const EVALUATOR_ROLES = ['employer_admin', 'team_leader', 'quality_coach'] as const

export class CalibrationRefused extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: string,
  ) {
    super(`${field}: ${messageKey}`)
  }
}

/** The members of the organisation who may be invited to score, by name. */
export async function calibrationEvaluatorChoices(organisationId: string) {
  const rows = await prisma.membership.findMany({
    where: {
      organisationId,
      deactivatedAt: null,
      roles: { some: { role: { in: [...EVALUATOR_ROLES] } } },
    },
    orderBy: { user: { name: 'asc' } },
    select: { userId: true, user: { select: { name: true } } },
  })
  return rows.map((r) => ({ userId: r.userId, name: r.user.name }))
}

/** What the "start a session" form chooses from. */
export async function calibrationChoices(scope: QualityScope) {
  requireCalibrator(scope)
  const [scorecards, evaluators, agents] = await Promise.all([
    scoringChoices(scope.organisationId),
    calibrationEvaluatorChoices(scope.organisationId),
    prisma.membership.findMany({
      where: {
        organisationId: scope.organisationId,
        deactivatedAt: null,
        roles: { some: { role: { in: ['learner', 'team_leader'] } } },
      },
      orderBy: { user: { name: 'asc' } },
      select: { userId: true, user: { select: { name: true } } },
    }),
  ])
  return {
    scorecards,
    evaluators,
    agents: agents.map((a) => ({ userId: a.userId, name: a.user.name })),
  }
}

export type NewCalibration = {
  title: string
  scorecardVersionId: string
  agentId: string
  externalId: string | null
  contactAt: Date
  channel: Channel
  evaluatorIds: string[]
  referenceEvaluatorId: string | null
}

/** A calibrator starts a session; one transaction with its audit line. */
export async function startCalibration(scope: QualityScope, input: NewCalibration) {
  requireCalibrator(scope)
  const version = await getScorecardVersion(scope.organisationId, input.scorecardVersionId)
  if (!version) throw new CalibrationRefused('scorecardVersionId', 'calibration.error.scorecard')
  // A calibrator sees the whole organisation, so "in scope" is "an agent of this organisation".
  if (!(await isAgentInScope(scope, input.agentId)))
    throw new CalibrationRefused('agentId', 'calibration.error.agent')
  const evaluatorIds = [...new Set(input.evaluatorIds)]
  if (evaluatorIds.length < 2)
    throw new CalibrationRefused('evaluatorIds', 'calibration.error.evaluators')
  if (evaluatorIds.includes(input.agentId))
    throw new CalibrationRefused('evaluatorIds', 'calibration.error.agentEvaluates')
  const eligible = new Set(
    (await calibrationEvaluatorChoices(scope.organisationId)).map((e) => e.userId),
  )
  if (evaluatorIds.some((id) => !eligible.has(id)))
    throw new CalibrationRefused('evaluatorIds', 'calibration.error.evaluator')
  if (input.referenceEvaluatorId && !evaluatorIds.includes(input.referenceEvaluatorId))
    throw new CalibrationRefused('referenceEvaluatorId', 'calibration.error.reference')
  const session = await prisma.$transaction(async (tx) => {
    const session = await tx.calibrationSession.create({
      data: {
        organisationId: scope.organisationId,
        scorecardVersionId: version.id,
        title: input.title,
        agentId: input.agentId,
        externalId: input.externalId,
        contactAt: input.contactAt,
        channel: input.channel,
        referenceEvaluatorId: input.referenceEvaluatorId,
        createdById: scope.userId,
        evaluators: { create: evaluatorIds.map((userId) => ({ userId })) },
      },
      select: { id: true },
    })
    await audit(tx, {
      actorId: scope.userId,
      organisationId: scope.organisationId,
      action: 'calibration.created',
      subjectType: 'calibration',
      subjectId: session.id,
      detail: {
        title: input.title,
        evaluators: evaluatorIds.length,
        reference: input.referenceEvaluatorId !== null,
      },
    })
    return session
  })
  // Each invited evaluator (but the one who started it) hears of it by e-mail.
  const invited = await prisma.user.findMany({
    where: { id: { in: evaluatorIds.filter((id) => id !== scope.userId) } },
    select: { email: true },
  })
  for (const person of invited)
    await sendEmail({
      to: person.email,
      ...calibrationInvitationEmail('nl', {
        organisation: scope.organisationName,
        title: input.title,
        link: `${env.PUBLIC_URL}/orgs/${scope.organisationSlug}/quality/calibrations/${session.id}`,
      }),
    })
  return session
}

/** Sessions this person sees: all of the organisation for calibrators, else their invitations. */
function visibleSessions(scope: QualityScope) {
  return {
    organisationId: scope.organisationId,
    ...(scope.calibrates ? {} : { evaluators: { some: { userId: scope.userId } } }),
  }
}

export async function listCalibrations(scope: QualityScope) {
  const rows = await prisma.calibrationSession.findMany({
    where: visibleSessions(scope),
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: {
      id: true,
      title: true,
      contactAt: true,
      channel: true,
      createdAt: true,
      closedAt: true,
      evaluators: { select: { userId: true } },
      evaluations: { select: { evaluatorId: true } },
    },
  })
  return rows.map(({ evaluators, evaluations, ...row }) => ({
    ...row,
    invited: evaluators.length,
    scored: evaluations.length,
    mine: evaluators.some((e) => e.userId === scope.userId),
    scoredByMe: evaluations.some((e) => e.evaluatorId === scope.userId),
  }))
}

const SESSION_DETAIL = {
  id: true,
  organisationId: true,
  title: true,
  agentId: true,
  externalId: true,
  contactAt: true,
  channel: true,
  referenceEvaluatorId: true,
  scorecardVersionId: true,
  createdAt: true,
  closedAt: true,
  evaluators: { select: { userId: true } },
  evaluations: {
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      evaluatorId: true,
      score: true,
      passed: true,
      criticalFailed: true,
      comment: true,
      createdAt: true,
      items: { select: { itemKey: true, value: true, comment: true } },
    },
  },
} as const

/** A session of the organisation that this person may open; null (404) otherwise. */
async function findSession(scope: QualityScope, id: string) {
  return prisma.calibrationSession.findFirst({
    where: { id, ...visibleSessions(scope) },
    select: SESSION_DETAIL,
  })
}

/**
 * One session as this person may see it. While open: the contact, who has scored, and one's
 * own scores. Closed: the spread per item and each evaluator's total; the deviations only
 * for calibrators (org admins, quality coaches). Null when out of reach (404).
 */
export async function getCalibrationView(scope: QualityScope, id: string) {
  const session = await findSession(scope, id)
  if (!session) return null
  const [version, people] = await Promise.all([
    getScorecardVersion(scope.organisationId, session.scorecardVersionId),
    prisma.user.findMany({
      where: {
        id: { in: [session.agentId, ...session.evaluators.map((e) => e.userId)] },
      },
      select: { id: true, name: true },
    }),
  ])
  if (!version) return null
  const names = Object.fromEntries(people.map((p) => [p.id, p.name]))
  const scoredIds = new Set(session.evaluations.map((e) => e.evaluatorId))
  const invited = session.evaluators.map((e) => e.userId)
  const own = session.evaluations.find((e) => e.evaluatorId === scope.userId) ?? null
  const closed = session.closedAt !== null
  const scores: CalibrationScore[] = session.evaluations.map((e) => ({
    evaluatorId: e.evaluatorId,
    score: e.score,
    answers: Object.fromEntries(e.items.map((i) => [i.itemKey, i.value])),
  }))
  return {
    id: session.id,
    title: session.title,
    agent: { id: session.agentId, name: names[session.agentId] ?? '' },
    externalId: session.externalId,
    contactAt: session.contactAt,
    channel: session.channel as Channel,
    createdAt: session.createdAt,
    closedAt: session.closedAt,
    scorecard: {
      name: version.scorecard.name,
      version: version.version,
      definition: version.definition,
    },
    referenceEvaluator: session.referenceEvaluatorId
      ? { id: session.referenceEvaluatorId, name: names[session.referenceEvaluatorId] ?? '' }
      : null,
    evaluators: invited.map((userId) => ({
      userId,
      name: names[userId] ?? '',
      scored: scoredIds.has(userId),
    })),
    invited: invited.includes(scope.userId),
    mayScore: !closed && invited.includes(scope.userId) && own === null,
    mayClose: !closed && scope.calibrates && session.evaluations.length >= 2,
    own: own
      ? {
          score: own.score,
          passed: own.passed,
          criticalFailed: own.criticalFailed,
          items: own.items,
        }
      : null,
    // Nothing of anyone else's scoring is shown while the session is open.
    result: closed
      ? {
          totals: session.evaluations.map((e) => ({
            evaluatorId: e.evaluatorId,
            name: names[e.evaluatorId] ?? '',
            score: e.score,
            passed: e.passed,
            criticalFailed: e.criticalFailed,
            comment: e.comment,
          })),
          spreads: itemSpreads(version.definition, scores),
          comments: Object.fromEntries(
            session.evaluations.map((e) => [
              e.evaluatorId,
              Object.fromEntries(e.items.map((i) => [i.itemKey, i.comment])),
            ]),
          ),
          deviations: scope.calibrates ? deviations(scores, session.referenceEvaluatorId) : null,
        }
      : null,
  }
}
export type CalibrationView = NonNullable<Awaited<ReturnType<typeof getCalibrationView>>>

function isUniqueViolation(error: unknown) {
  return (
    typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002'
  )
}

/**
 * An invited evaluator scores the session's contact, once. The last of them closes the
 * session. 404 for anyone not invited (a calibrator included: they see, not score).
 */
export async function scoreCalibration(
  scope: QualityScope,
  sessionId: string,
  answers: Record<string, ItemAnswer | undefined>,
  comment: string,
) {
  const session = await prisma.calibrationSession.findFirst({
    where: {
      id: sessionId,
      organisationId: scope.organisationId,
      evaluators: { some: { userId: scope.userId } },
    },
    select: {
      id: true,
      agentId: true,
      externalId: true,
      contactAt: true,
      channel: true,
      scorecardVersionId: true,
      closedAt: true,
    },
  })
  if (!session) throw new Response('Not found', { status: 404 })
  if (session.closedAt) throw new CalibrationRefused('form', 'calibration.error.closed')
  const version = await getScorecardVersion(scope.organisationId, session.scorecardVersionId)
  if (!version) throw new Response('Not found', { status: 404 })
  // Check the answers first: a refused form gets field errors, not a half-written session.
  evaluationContent(version.definition, answers)
  try {
    return await prisma.$transaction(async (tx) => {
      const already = await tx.evaluation.findFirst({
        where: { calibrationSessionId: session.id, evaluatorId: scope.userId },
        select: { id: true },
      })
      if (already) throw new CalibrationRefused('form', 'calibration.error.alreadyScored')
      const evaluation = await insertEvaluation(tx, {
        organisationId: scope.organisationId,
        scorecardVersionId: version.id,
        dossierSlug: version.dossierSlug,
        definition: version.definition,
        evaluatorId: scope.userId,
        agentId: session.agentId,
        calibrationSessionId: session.id,
        // The external id stays on the session: evaluations' (source, externalId) is unique.
        contact: {
          externalId: null,
          contactAt: session.contactAt,
          channel: session.channel as Channel,
          durationSeconds: null,
          clientBrand: null,
        },
        answers,
        comment,
      })
      const [scored, invited] = await Promise.all([
        tx.evaluation.count({ where: { calibrationSessionId: session.id } }),
        tx.calibrationEvaluator.count({ where: { sessionId: session.id } }),
      ])
      const closed = scored >= invited ? await close(tx, scope, session.id, 'complete') : false
      return { id: evaluation.id, closed }
    })
  } catch (error) {
    if (isUniqueViolation(error))
      throw new CalibrationRefused('form', 'calibration.error.alreadyScored')
    throw error
  }
}

async function close(tx: Tx, scope: QualityScope, sessionId: string, reason: string) {
  // Only one close: a second at the same moment finds it closed.
  const claimed = await tx.calibrationSession.updateMany({
    where: { id: sessionId, closedAt: null },
    data: { closedAt: new Date() },
  })
  if (claimed.count !== 1) return false
  const scored = await tx.evaluation.count({ where: { calibrationSessionId: sessionId } })
  await audit(tx, {
    actorId: scope.userId,
    organisationId: scope.organisationId,
    action: 'calibration.closed',
    subjectType: 'calibration',
    subjectId: sessionId,
    detail: { reason, scored },
  })
  return true
}

/** A calibrator closes a session before everyone scored; it needs at least two scores. */
export async function closeCalibration(scope: QualityScope, sessionId: string) {
  requireCalibrator(scope)
  await prisma.$transaction(async (tx) => {
    const session = await tx.calibrationSession.findFirst({
      where: { id: sessionId, organisationId: scope.organisationId },
      select: { closedAt: true, _count: { select: { evaluations: true } } },
    })
    if (!session) throw new Response('Not found', { status: 404 })
    if (session.closedAt) throw new CalibrationRefused('form', 'calibration.error.closed')
    if (session._count.evaluations < 2)
      throw new CalibrationRefused('form', 'calibration.error.tooFewScores')
    if (!(await close(tx, scope, sessionId, 'closed-early')))
      throw new CalibrationRefused('form', 'calibration.error.closed')
  })
}

/**
 * Over time, for calibrators only: each evaluator's deviation per closed session with its
 * mean, and the items the organisation's evaluators disagree on most.
 */
export async function calibrationHistory(scope: QualityScope, take = 200) {
  requireCalibrator(scope)
  const rows = await prisma.calibrationSession.findMany({
    where: { organisationId: scope.organisationId, closedAt: { not: null } },
    orderBy: { closedAt: 'desc' },
    take,
    select: {
      id: true,
      title: true,
      closedAt: true,
      referenceEvaluatorId: true,
      evaluations: {
        select: {
          evaluatorId: true,
          score: true,
          evaluator: { select: { name: true } },
          items: { select: { itemKey: true, value: true } },
          scorecardVersion: {
            select: { scorecardId: true, definition: true },
          },
        },
      },
    },
  })
  const names = new Map<string, string>()
  const sessions: ClosedSession[] = rows.flatMap((row) => {
    const version = row.evaluations[0]?.scorecardVersion
    if (!version || !row.closedAt) return []
    for (const e of row.evaluations) names.set(e.evaluatorId, e.evaluator.name)
    return [
      {
        sessionId: row.id,
        title: row.title,
        closedAt: row.closedAt,
        referenceEvaluatorId: row.referenceEvaluatorId,
        scorecardId: version.scorecardId,
        definition: parseDefinition(version.definition),
        scores: row.evaluations.map((e) => ({
          evaluatorId: e.evaluatorId,
          score: e.score,
          answers: Object.fromEntries(e.items.map((i) => [i.itemKey, i.value])),
        })),
      },
    ]
  })
  return {
    sessions: sessions.length,
    evaluators: evaluatorTrends(sessions).map((t) => ({
      ...t,
      name: names.get(t.evaluatorId) ?? '',
    })),
    items: itemsDisagreedOn(sessions, 5),
  }
}
