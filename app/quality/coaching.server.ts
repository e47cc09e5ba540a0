import { notifyAssessors } from '#app/assessment/evidence.server.ts'
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { sendEmail } from '#app/email/mailer.server.ts'
import { env } from '#app/env.server.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { COACH_DOSSIER, COACH_WORK_PROCESSES } from './coaching-hand-in.ts'
import {
  isAgentInScope,
  readableByScope,
  requireEvaluator,
  type QualityScope,
} from './quality-access.server.ts'
import { competenciesOf, insertQualityEvidence } from './quality-evidence.server.ts'
import { coachingFollowUpEmail, coachingLoggedEmail } from './quality-loop-emails.ts'

/**
 * Coaching sessions: a team leader (the agents of their teams), quality coach or org admin
 * records a conversation with an agent; the agent confirms the record; the coach hands in
 * confirmed sessions as evidence for their own team-leader dossier (TL-K2-W3 coaching,
 * TL-K1-W3 judging performance). A session is personal data: the coach, the agent, the team
 * leaders of the agent's teams and the org admins see it, nobody else.
 */

export { COACH_DOSSIER, COACH_WORK_PROCESSES }

export class CoachingRefused extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: string,
  ) {
    super(`${field}: ${messageKey}`)
  }
}

/** An agent's recent evaluations in this organisation, as the checkboxes of the form. */
export function recentEvaluationsOf(scope: QualityScope, agentId: string) {
  return prisma.evaluation.findMany({
    where: {
      agentId,
      calibrationSessionId: null,
      ...readableByScope(scope, 'evaluatorId'),
    },
    orderBy: { contactAt: 'desc' },
    take: 20,
    select: {
      id: true,
      contactAt: true,
      channel: true,
      score: true,
      passed: true,
      workProcesses: { select: { dossierSlug: true, workProcessCode: true, passed: true } },
    },
  })
}

export type NewCoachingSession = {
  agentId: string
  heldAt: Date
  evaluationIds: string[]
  /** "dossierSlug/code" */
  workProcesses: string[]
  discussed: string
  agreements: string
  followUpAt: Date | null
}

/** Record a session; the agent is asked by e-mail to read and confirm it. */
export async function logCoachingSession(scope: QualityScope, input: NewCoachingSession) {
  requireEvaluator(scope)
  if (!(await isAgentInScope(scope, input.agentId)))
    throw new CoachingRefused('agentId', 'coaching.error.agent')
  if (+input.heldAt > Date.now() + 3600_000)
    throw new CoachingRefused('heldAt', 'coaching.error.heldAtFuture')
  if (input.followUpAt && input.followUpAt < input.heldAt)
    throw new CoachingRefused('followUpAt', 'coaching.error.followUpBefore')
  const evaluationIds = [...new Set(input.evaluationIds)]
  if (evaluationIds.length > 0) {
    const found = await prisma.evaluation.count({
      where: {
        id: { in: evaluationIds },
        agentId: input.agentId,
        organisationId: scope.organisationId,
        calibrationSessionId: null,
      },
    })
    if (found !== evaluationIds.length)
      throw new CoachingRefused('evaluationIds', 'coaching.error.evaluations')
  }
  const workProcesses = [...new Set(input.workProcesses)].map((value) => {
    const [dossierSlug, workProcessCode] = value.split('/')
    return { dossierSlug: dossierSlug!, workProcessCode: workProcessCode! }
  })
  if (workProcesses.length > 0) {
    const known = await prisma.workProcess.findMany({
      where: {
        OR: workProcesses.map((w) => ({
          code: w.workProcessCode,
          dossier: { slug: w.dossierSlug },
        })),
      },
      select: { code: true, dossier: { select: { slug: true } } },
    })
    const knownSet = new Set(known.map((k) => `${k.dossier.slug}/${k.code}`))
    if (workProcesses.some((w) => !knownSet.has(`${w.dossierSlug}/${w.workProcessCode}`)))
      throw new CoachingRefused('workProcesses', 'coaching.error.workProcesses')
  }
  const session = await prisma.$transaction(async (tx) => {
    const created = await tx.coachingSession.create({
      data: {
        organisationId: scope.organisationId,
        coachId: scope.userId,
        agentId: input.agentId,
        heldAt: input.heldAt,
        discussed: input.discussed.trim(),
        agreements: input.agreements.trim(),
        followUpAt: input.followUpAt,
        evaluations: { create: evaluationIds.map((evaluationId) => ({ evaluationId })) },
        workProcesses: { create: workProcesses },
      },
      select: { id: true },
    })
    await audit(tx, {
      actorId: scope.userId,
      organisationId: scope.organisationId,
      action: 'coaching.logged',
      subjectType: 'coaching-session',
      subjectId: created.id,
      detail: {
        agentId: input.agentId,
        evaluations: evaluationIds.length,
        workProcesses: workProcesses.map((w) => w.workProcessCode),
      },
    })
    return created
  })
  const agent = await prisma.user.findUniqueOrThrow({
    where: { id: input.agentId },
    select: { email: true },
  })
  const coach = await prisma.user.findUniqueOrThrow({
    where: { id: scope.userId },
    select: { name: true },
  })
  await sendEmail({
    to: agent.email,
    ...coachingLoggedEmail('nl', {
      organisation: scope.organisationName,
      coach: coach.name,
      link: `${env.PUBLIC_URL}/coaching/${session.id}`,
    }),
  })
  return session
}

const LIST_ROW = {
  id: true,
  heldAt: true,
  followUpAt: true,
  confirmedAt: true,
  evidenceId: true,
  coachId: true,
  agentId: true,
  coach: { select: { name: true } },
  agent: { select: { name: true } },
  workProcesses: { select: { dossierSlug: true, workProcessCode: true } },
} as const

/** The sessions this person may read in the organisation, newest first. */
export function listCoachingForScope(scope: QualityScope, filter: { agentId?: string } = {}) {
  return prisma.coachingSession.findMany({
    where: {
      ...readableByScope(scope, 'coachId'),
      ...(filter.agentId ? { agentId: filter.agentId } : {}),
    },
    orderBy: { heldAt: 'desc' },
    take: 200,
    select: LIST_ROW,
  })
}

const DETAIL = {
  ...LIST_ROW,
  organisationId: true,
  discussed: true,
  agreements: true,
  followUpRemindedAt: true,
  createdAt: true,
  organisation: { select: { name: true } },
  evaluations: {
    select: {
      evaluation: {
        select: { id: true, contactAt: true, channel: true, score: true, passed: true },
      },
    },
  },
} as const

/** One session for the organisation's side; null (404) when this person may not read it. */
export function getCoachingForScope(scope: QualityScope, id: string) {
  return prisma.coachingSession.findFirst({
    where: { id, ...readableByScope(scope, 'coachId') },
    select: DETAIL,
  })
}

/** The agent's own sessions (every organisation they belong to). */
export function listOwnCoaching(agentId: string) {
  return prisma.coachingSession.findMany({
    where: { agentId },
    orderBy: { heldAt: 'desc' },
    take: 200,
    select: { ...LIST_ROW, organisation: { select: { name: true } } },
  })
}

/** The agent's own session; null for anyone else's (404, nothing leaks). */
export function getOwnCoaching(agentId: string, id: string) {
  return prisma.coachingSession.findFirst({ where: { id, agentId }, select: DETAIL })
}

/** The agent confirms the record is right; once. */
export async function confirmCoaching(agentId: string, id: string) {
  await prisma.$transaction(async (tx) => {
    const session = await tx.coachingSession.findFirst({
      where: { id, agentId },
      select: { organisationId: true },
    })
    if (!session) throw new Response('Not found', { status: 404 })
    const claimed = await tx.coachingSession.updateMany({
      where: { id, agentId, confirmedAt: null },
      data: { confirmedAt: new Date() },
    })
    if (claimed.count === 0) throw new CoachingRefused('intent', 'coaching.error.confirmed')
    await audit(tx, {
      actorId: agentId,
      organisationId: session.organisationId,
      action: 'coaching.confirmed',
      subjectType: 'coaching-session',
      subjectId: id,
    })
  })
}

/** The coach's own sessions they can hand in: confirmed by the agent, not handed in yet. */
export function handableSessions(scope: QualityScope) {
  return prisma.coachingSession.findMany({
    where: {
      organisationId: scope.organisationId,
      coachId: scope.userId,
      confirmedAt: { not: null },
      evidenceId: null,
    },
    orderBy: { heldAt: 'asc' },
    select: LIST_ROW,
  })
}

/** The first name only: the coach's evidence is read by assessors, not the agent's managers. */
const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? ''

/** The narrative of a coaching log, compiled from the sessions. */
export function coachingNarrative(
  sessions: Array<{
    heldAt: Date
    agentName: string
    discussed: string
    agreements: string
    followUpAt: Date | null
    workProcesses: string[]
    evaluations: number
  }>,
) {
  const parts = sessions.map((s, i) =>
    [
      `${i + 1}. ${formatAmsterdam(s.heldAt, 'nl')}, met ${firstName(s.agentName)}` +
        (s.workProcesses.length ? ` (${s.workProcesses.join(', ')})` : '') +
        (s.evaluations ? `, ${s.evaluations} beoordeelde contacten besproken` : ''),
      `Besproken: ${s.discussed}`,
      `Afspraken: ${s.agreements}`,
      s.followUpAt ? `Vervolg: ${formatAmsterdam(s.followUpAt, 'nl')}` : null,
    ]
      .filter((line): line is string => line !== null)
      .join('\n'),
  )
  return [
    `Coachingslog: ${sessions.length} coachingsgesprekken, elk bevestigd door de medewerker.`,
    '',
    parts.join('\n\n'),
  ].join('\n')
}

/**
 * The coach hands in a selection of their own confirmed sessions as one coaching log for
 * their team-leader dossier: the evidence, its audit line and the sessions' link to it are
 * one transaction; a session already handed in (another tab) refuses the whole selection.
 */
export async function handInCoaching(
  scope: QualityScope,
  input: { sessionIds: string[]; workProcessCodes: string[] },
) {
  requireEvaluator(scope)
  const sessionIds = [...new Set(input.sessionIds)]
  const codes = [...new Set(input.workProcessCodes)]
  if (sessionIds.length === 0) throw new CoachingRefused('sessionIds', 'coaching.error.sessions')
  if (
    codes.length === 0 ||
    codes.some((c) => !(COACH_WORK_PROCESSES as readonly string[]).includes(c))
  )
    throw new CoachingRefused('workProcessCodes', 'coaching.error.handInWorkProcesses')
  const where = {
    id: { in: sessionIds },
    organisationId: scope.organisationId,
    coachId: scope.userId,
    confirmedAt: { not: null },
    evidenceId: null,
  }
  const sessions = await prisma.coachingSession.findMany({
    where,
    orderBy: { heldAt: 'asc' },
    select: {
      heldAt: true,
      discussed: true,
      agreements: true,
      followUpAt: true,
      agent: { select: { name: true } },
      workProcesses: { select: { workProcessCode: true } },
      _count: { select: { evaluations: true } },
    },
  })
  if (sessions.length !== sessionIds.length)
    throw new CoachingRefused('sessionIds', 'coaching.error.sessions')
  const competencies = await competenciesOf('coaching_log', codes)
  const narrative = coachingNarrative(
    sessions.map((s) => ({
      heldAt: s.heldAt,
      agentName: s.agent.name,
      discussed: s.discussed,
      agreements: s.agreements,
      followUpAt: s.followUpAt,
      workProcesses: s.workProcesses.map((w) => w.workProcessCode),
      evaluations: s._count.evaluations,
    })),
  )
  const evidenceId = await prisma.$transaction(
    async (tx) => {
      const id = await insertQualityEvidence(tx, {
        userId: scope.userId,
        organisationId: scope.organisationId,
        dossierSlug: COACH_DOSSIER,
        kind: 'coaching_log',
        title: `Coachingslog: ${sessions.length} gesprekken`,
        narrative,
        workProcessCodes: codes,
        competencies,
        actorId: scope.userId,
      })
      const claimed = await tx.coachingSession.updateMany({ where, data: { evidenceId: id } })
      if (claimed.count !== sessionIds.length)
        throw new CoachingRefused('sessionIds', 'coaching.error.sessions')
      await audit(tx, {
        actorId: scope.userId,
        organisationId: scope.organisationId,
        action: 'coaching.handed-in',
        subjectType: 'evidence',
        subjectId: id,
        detail: { sessions: sessionIds, workProcessCodes: codes },
      })
      return id
    },
    { timeout: 20_000, maxWait: 20_000 },
  )
  await notifyAssessors(evidenceId)
  return { evidenceId }
}

/**
 * The daily follow-up reminders: every session whose follow-up date has come, once (the
 * session is claimed before the e-mails go, so a second run sends nothing twice). The coach
 * and the agent are both told.
 */
export async function remindFollowUps(now = new Date()) {
  const due = await prisma.coachingSession.findMany({
    where: { followUpAt: { lte: now }, followUpRemindedAt: null },
    select: {
      id: true,
      heldAt: true,
      coach: { select: { name: true, email: true } },
      agent: { select: { name: true, email: true } },
      organisation: { select: { name: true, slug: true } },
    },
  })
  let sent = 0
  for (const s of due) {
    const claimed = await prisma.coachingSession.updateMany({
      where: { id: s.id, followUpRemindedAt: null },
      data: { followUpRemindedAt: now },
    })
    if (claimed.count === 0) continue
    const v = {
      organisation: s.organisation.name,
      coach: s.coach.name,
      agent: s.agent.name,
      heldAt: formatAmsterdam(s.heldAt, 'nl'),
    }
    await sendEmail({
      to: s.coach.email,
      ...coachingFollowUpEmail('nl', {
        ...v,
        link: `${env.PUBLIC_URL}/orgs/${s.organisation.slug}/quality/coaching/${s.id}`,
      }),
    })
    await sendEmail({
      to: s.agent.email,
      ...coachingFollowUpEmail('nl', { ...v, link: `${env.PUBLIC_URL}/coaching/${s.id}` }),
    })
    sent++
  }
  return sent
}

/** A person's display name, for page headings of someone already checked to be in scope. */
export async function agentName(userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { name: true } })
  return user?.name ?? ''
}
