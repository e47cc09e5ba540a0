import { notifyAssessors } from '#app/assessment/evidence.server.ts'
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { sendEmail } from '#app/email/mailer.server.ts'
import { targetTitle, WORK_PROCESS_TARGET_STEP } from '#app/employer/assignments.server.ts'
import { env } from '#app/env.server.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { competenciesOf, insertQualityEvidence } from './quality-evidence.server.ts'
import { requireManager, type QualityScope } from './quality-access.server.ts'
import { ruleAssignedAgentEmail, ruleAssignedLeaderEmail } from './quality-loop-emails.ts'
import {
  AssignLessonParameters,
  DemonstratedParameters,
  parseRuleParameters,
  type RuleKind,
} from './rule-parameters.ts'
import { parseDefinition } from './scorecards.server.ts'

/**
 * Quality rules: data per organisation that turn scored contacts into learning. A rule is
 * planned (who, what: a pure read, the dry run) and a plan applied (one transaction, each
 * firing recorded once under its key, so running it again does nothing). Nothing here ever
 * makes a work process competent: "demonstrated" hands in evidence for the assessor queue,
 * and only an assessor's sign-off reaches the top step.
 */

const COMPETENT_STEP = 4
const DAY_MS = 86_400_000

export type RuleRow = {
  id: string
  organisationId: string
  kind: string
  dossierSlug: string
  workProcessCode: string
  parameters: string
  enabled: boolean
  createdById: string
}

const RULE_FIELDS = {
  id: true,
  organisationId: true,
  kind: true,
  dossierSlug: true,
  workProcessCode: true,
  parameters: true,
  enabled: true,
  createdById: true,
} as const

export type ScoredContact = { evaluationId: string; contactAt: Date; score: number }

export type PlannedFiring =
  | {
      kind: 'assign_lesson'
      agentId: string
      agentName: string
      key: string
      dueAt: Date
      failing: ScoredContact[]
    }
  | {
      kind: 'demonstrated'
      agentId: string
      agentName: string
      key: string
      passing: ScoredContact[]
    }

export type SkipReason = 'open_assignment' | 'knowledge_complete' | 'competent'
export type RulePlan = {
  ruleId: string
  firings: PlannedFiring[]
  skipped: Array<{ agentId: string; agentName: string; reason: SkipReason }>
}

/** The organisation's agents (optionally only these): who a rule can ever affect. */
function agentsOf(organisationId: string, agentIds?: string[]) {
  return prisma.membership.findMany({
    where: {
      organisationId,
      deactivatedAt: null,
      roles: { some: { role: { in: ['learner', 'team_leader'] } } },
      ...(agentIds ? { userId: { in: agentIds } } : {}),
    },
    orderBy: { user: { name: 'asc' } },
    select: { userId: true, user: { select: { name: true } } },
  })
}

/** What an agent's evaluations in this organisation say about the rule's work process. */
function workProcessRows(rule: RuleRow, agentId: string) {
  return {
    agentId,
    dossierSlug: rule.dossierSlug,
    workProcessCode: rule.workProcessCode,
    evaluation: { organisationId: rule.organisationId, calibrationSessionId: null },
  }
}

const asContact = (r: { evaluationId: string; contactAt: Date; score: number }) => ({
  evaluationId: r.evaluationId,
  contactAt: r.contactAt,
  score: r.score,
})

/**
 * Who a rule would affect and what would happen to each: a pure read, the dry run. The
 * choices for "assign_lesson": it fires on the newest failing evaluation (its key) when at
 * least `below` of the last `window` failed; it skips an agent who still has an open
 * assignment of the work process (assignments are done at "knowledge complete"), and one who
 * already reached knowledge complete: the lessons are done, an assignment of them would be
 * done at once, and coaching is the better answer then.
 */
export async function planRule(
  rule: RuleRow,
  options: { agentIds?: string[]; now?: Date } = {},
): Promise<RulePlan> {
  const now = options.now ?? new Date()
  const plan: RulePlan = { ruleId: rule.id, firings: [], skipped: [] }
  const parsed = parseRuleParameters(rule.kind, rule.parameters)
  const agents = await agentsOf(rule.organisationId, options.agentIds)
  if (agents.length === 0) return plan
  const agentIds = agents.map((a) => a.userId)
  const [statuses, firings] = await Promise.all([
    prisma.workProcessStatus.findMany({
      where: {
        userId: { in: agentIds },
        dossierSlug: rule.dossierSlug,
        workProcessCode: rule.workProcessCode,
      },
      select: { userId: true, step: true },
    }),
    prisma.qualityRuleFiring.findMany({
      where: { ruleId: rule.id, agentId: { in: agentIds } },
      orderBy: { firedAt: 'desc' },
      select: { agentId: true, key: true, firedAt: true },
    }),
  ])
  const stepOf = new Map(statuses.map((s) => [s.userId, s.step]))
  const fired = new Set(firings.map((f) => `${f.agentId}|${f.key}`))

  for (const agent of agents) {
    const who = { agentId: agent.userId, agentName: agent.user.name }
    const step = stepOf.get(agent.userId) ?? 0
    if (parsed.kind === 'assign_lesson') {
      const { below, window, dueDays } = parsed.parameters
      const recent = await prisma.evaluationWorkProcess.findMany({
        where: workProcessRows(rule, agent.userId),
        orderBy: [{ contactAt: 'desc' }, { evaluationId: 'desc' }],
        take: window,
        select: { evaluationId: true, contactAt: true, score: true, passed: true },
      })
      const failing = recent.filter((r) => !r.passed)
      if (failing.length < below) continue
      const key = failing[0]!.evaluationId
      if (fired.has(`${agent.userId}|${key}`)) continue
      if (step >= WORK_PROCESS_TARGET_STEP) {
        plan.skipped.push({ ...who, reason: 'knowledge_complete' })
        continue
      }
      const open = await prisma.assignment.findFirst({
        where: {
          organisationId: rule.organisationId,
          userId: agent.userId,
          kind: 'work_process',
          dossierSlug: rule.dossierSlug,
          workProcessCode: rule.workProcessCode,
        },
        select: { id: true },
      })
      if (open) {
        plan.skipped.push({ ...who, reason: 'open_assignment' })
        continue
      }
      plan.firings.push({
        kind: 'assign_lesson',
        ...who,
        key,
        dueAt: new Date(+now + dueDays * DAY_MS),
        failing: failing.map(asContact),
      })
    } else {
      const { passing } = parsed.parameters
      const last = firings.find((f) => f.agentId === agent.userId)
      // Counting starts after the newest contact the last firing handed in.
      const since = last
        ? ((
            await prisma.evaluation.findUnique({
              where: { id: last.key },
              select: { contactAt: true },
            })
          )?.contactAt ?? last.firedAt)
        : null
      const rows = await prisma.evaluationWorkProcess.findMany({
        where: {
          ...workProcessRows(rule, agent.userId),
          passed: true,
          ...(since ? { contactAt: { gt: since } } : {}),
        },
        orderBy: [{ contactAt: 'asc' }, { evaluationId: 'asc' }],
        select: { evaluationId: true, contactAt: true, score: true },
      })
      if (rows.length < passing) continue
      const key = rows[rows.length - 1]!.evaluationId
      if (fired.has(`${agent.userId}|${key}`)) continue
      if (step >= COMPETENT_STEP) {
        plan.skipped.push({ ...who, reason: 'competent' })
        continue
      }
      plan.firings.push({ kind: 'demonstrated', ...who, key, passing: rows.map(asContact) })
    }
  }
  return plan
}

/** The narrative of "demonstrated" evidence: the contacts it rests on, by date and score. */
export function demonstratedNarrative(workProcess: string, contacts: ScoredContact[]) {
  const lines = contacts.map(
    (c) => `- ${formatAmsterdam(c.contactAt, 'nl')}: ${Math.round(c.score * 10) / 10}`,
  )
  return [
    `${contacts.length} beoordeelde contacten voldoende op ${workProcess} (datum: score).`,
    'Automatisch ingeleverd door een kwaliteitsregel; een assessor beoordeelt het bewijs.',
    '',
    ...lines,
  ].join('\n')
}

type Applied = { firingId: string; agentId: string; assignmentId?: string; evidenceId?: string }

/**
 * Carry out a plan, exactly: one transaction for all its firings, each with its audit line.
 * A firing whose key was recorded meanwhile (a concurrent run) is left out, so nothing
 * happens twice. The e-mails go after the commit.
 */
export async function applyRule(rule: RuleRow, plan: RulePlan, actorId: string | null) {
  if (plan.firings.length === 0) return []
  const title = await targetTitle(
    { kind: 'work_process', dossierSlug: rule.dossierSlug, workProcessCode: rule.workProcessCode },
    rule.organisationId,
  )
  const workProcess = title?.nl ?? rule.workProcessCode
  const competencies =
    rule.kind === 'demonstrated' ? await competenciesOf('call_review', [rule.workProcessCode]) : []
  const applied = await prisma.$transaction(
    async (tx) => {
      const done: Applied[] = []
      for (const firing of plan.firings) {
        const exists = await tx.qualityRuleFiring.findUnique({
          where: {
            ruleId_agentId_key: { ruleId: rule.id, agentId: firing.agentId, key: firing.key },
          },
          select: { id: true },
        })
        if (exists) continue
        const result =
          firing.kind === 'assign_lesson'
            ? { assignmentId: await createAssignment(tx, rule, firing) }
            : {
                evidenceId: await handInDemonstrated(tx, rule, firing, workProcess, competencies),
              }
        const row = await tx.qualityRuleFiring.create({
          data: { ruleId: rule.id, agentId: firing.agentId, key: firing.key, ...result },
          select: { id: true },
        })
        await audit(tx, {
          actorId,
          organisationId: rule.organisationId,
          action: 'quality-rule.fired',
          subjectType: 'quality-rule',
          subjectId: rule.id,
          detail: { agentId: firing.agentId, key: firing.key, kind: firing.kind, ...result },
        })
        done.push({ firingId: row.id, agentId: firing.agentId, ...result })
      }
      return done
    },
    { timeout: 60_000, maxWait: 20_000 },
  )
  await tell(rule, plan, applied, workProcess)
  return applied
}

async function createAssignment(
  tx: Tx,
  rule: RuleRow,
  firing: Extract<PlannedFiring, { kind: 'assign_lesson' }>,
) {
  const row = await tx.assignment.create({
    data: {
      organisationId: rule.organisationId,
      userId: firing.agentId,
      kind: 'work_process',
      dossierSlug: rule.dossierSlug,
      workProcessCode: rule.workProcessCode,
      dueAt: firing.dueAt,
      // The admin who made the rule stands behind what it assigns.
      assignedById: rule.createdById,
    },
    select: { id: true },
  })
  return row.id
}

/** Call-review evidence for the assessor queue, in the rule's transaction. */
function handInDemonstrated(
  tx: Tx,
  rule: RuleRow,
  firing: Extract<PlannedFiring, { kind: 'demonstrated' }>,
  workProcess: string,
  competencies: string[],
) {
  return insertQualityEvidence(tx, {
    userId: firing.agentId,
    organisationId: rule.organisationId,
    dossierSlug: rule.dossierSlug,
    kind: 'call_review',
    title: `Beoordeelde contacten ${rule.workProcessCode}: ${firing.passing.length} voldoende`,
    narrative: demonstratedNarrative(workProcess, firing.passing),
    workProcessCodes: [rule.workProcessCode],
    competencies,
    actorId: null,
    detail: { ruleId: rule.id },
  })
}

/** The agent and their team leaders (assignments), or the assessors (evidence), by e-mail. */
async function tell(rule: RuleRow, plan: RulePlan, applied: Applied[], workProcess: string) {
  const org = await prisma.organisation.findUniqueOrThrow({
    where: { id: rule.organisationId },
    select: { name: true, slug: true },
  })
  for (const a of applied) {
    const firing = plan.firings.find((f) => f.agentId === a.agentId)!
    if (firing.kind === 'assign_lesson') {
      const agent = await prisma.user.findUniqueOrThrow({
        where: { id: a.agentId },
        select: { email: true, name: true },
      })
      const due = formatAmsterdam(firing.dueAt, 'nl')
      const parameters = AssignLessonParameters.parse(JSON.parse(rule.parameters))
      await sendEmail({
        to: agent.email,
        ...ruleAssignedAgentEmail('nl', {
          organisation: org.name,
          workProcess,
          due,
          failing: firing.failing.length,
          window: parameters.window,
          link: `${env.PUBLIC_URL}/dashboard`,
        }),
      })
      for (const email of await teamLeaderEmails(rule.organisationId, a.agentId))
        await sendEmail({
          to: email,
          ...ruleAssignedLeaderEmail('nl', {
            organisation: org.name,
            agent: agent.name,
            workProcess,
            due,
            link: `${env.PUBLIC_URL}/orgs/${org.slug}/quality/coaching/new?agent=${a.agentId}`,
          }),
        })
    } else if (a.evidenceId) {
      await notifyAssessors(a.evidenceId)
    }
  }
}

/** The team leaders of the agent's teams in this organisation (not the agent themselves). */
export async function teamLeaderEmails(organisationId: string, agentId: string) {
  const leaders = await prisma.membership.findMany({
    where: {
      organisationId,
      deactivatedAt: null,
      userId: { not: agentId },
      roles: { some: { role: 'team_leader' } },
      teams: {
        some: {
          team: {
            members: { some: { membership: { userId: agentId, organisationId } } },
          },
        },
      },
    },
    select: { user: { select: { email: true } } },
  })
  return leaders.map((l) => l.user.email)
}

/**
 * After an evaluation of an agent is stored or changed: every switched-on rule of the
 * organisation, for that agent. The evaluation is committed already; a failing rule is
 * logged, not thrown, and its firing comes with the agent's next evaluation (firings are
 * keyed, so a later run catches up without doubling).
 */
export async function runRulesForAgent(organisationId: string, agentId: string) {
  const rules = await prisma.qualityRule.findMany({
    where: { organisationId, enabled: true },
    select: RULE_FIELDS,
  })
  for (const rule of rules) {
    try {
      await applyRule(rule, await planRule(rule, { agentIds: [agentId] }), null)
    } catch (error) {
      console.error(`quality rule ${rule.id} failed for agent ${agentId}:`, error)
    }
  }
}

// ---------------------------------------------------------------------------------------
// The rule pages: list, create, switch on and off, firings.

export class RuleRefused extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: string,
  ) {
    super(`${field}: ${messageKey}`)
  }
}

/** The work processes a rule can watch: those the organisation's scorecards map sections to. */
export async function ruleWorkProcessChoices(organisationId: string) {
  const versions = await prisma.scorecardVersion.findMany({
    where: { scorecard: { organisationId, archivedAt: null } },
    select: { dossierSlug: true, definition: true },
  })
  const pairs = new Map<string, { dossierSlug: string; code: string }>()
  for (const v of versions)
    for (const section of parseDefinition(v.definition).sections)
      for (const code of section.workProcesses)
        pairs.set(`${v.dossierSlug}/${code}`, { dossierSlug: v.dossierSlug, code })
  const titles = await prisma.workProcess.findMany({
    where: {
      code: { in: [...pairs.values()].map((p) => p.code) },
      dossier: { slug: { in: [...new Set([...pairs.values()].map((p) => p.dossierSlug))] } },
    },
    orderBy: { dossier: { version: 'asc' } },
    select: { code: true, titleNl: true, titleEn: true, dossier: { select: { slug: true } } },
  })
  // Ordered by version, so the newest dossier's title wins.
  const title = new Map(titles.map((t) => [`${t.dossier.slug}/${t.code}`, t]))
  return [...pairs.entries()]
    .map(([value, p]) => ({
      value,
      dossierSlug: p.dossierSlug,
      code: p.code,
      titleNl: title.get(value)?.titleNl ?? p.code,
      titleEn: title.get(value)?.titleEn ?? p.code,
    }))
    .sort((a, b) => a.value.localeCompare(b.value))
}

export function listRules(organisationId: string) {
  return prisma.qualityRule.findMany({
    where: { organisationId },
    orderBy: { createdAt: 'asc' },
    select: { ...RULE_FIELDS, createdAt: true, _count: { select: { firings: true } } },
  })
}

/** One rule of the organisation; null (404) for another organisation's. */
export function getRule(organisationId: string, id: string) {
  return prisma.qualityRule.findFirst({
    where: { id, organisationId },
    select: { ...RULE_FIELDS, createdAt: true, updatedAt: true },
  })
}

export function listFirings(ruleId: string) {
  return prisma.qualityRuleFiring.findMany({
    where: { ruleId },
    orderBy: { firedAt: 'desc' },
    take: 200,
    select: {
      id: true,
      agentId: true,
      key: true,
      assignmentId: true,
      evidenceId: true,
      firedAt: true,
    },
  })
}

/** Names of these people, for the firings table. */
export async function namesOf(userIds: string[]) {
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(userIds)] } },
    select: { id: true, name: true },
  })
  return Object.fromEntries(users.map((u) => [u.id, u.name]))
}

/** A new rule, off: it first shows its dry run. */
export async function createRule(
  scope: QualityScope,
  input: { kind: RuleKind; workProcess: string; parameters: Record<string, unknown> },
) {
  requireManager(scope)
  const choice = (await ruleWorkProcessChoices(scope.organisationId)).find(
    (c) => c.value === input.workProcess,
  )
  if (!choice) throw new RuleRefused('workProcess', 'qrules.error.workProcess')
  const parameters =
    input.kind === 'assign_lesson'
      ? AssignLessonParameters.parse(input.parameters)
      : DemonstratedParameters.parse(input.parameters)
  return prisma.$transaction(async (tx) => {
    const rule = await tx.qualityRule.create({
      data: {
        organisationId: scope.organisationId,
        kind: input.kind,
        dossierSlug: choice.dossierSlug,
        workProcessCode: choice.code,
        parameters: JSON.stringify(parameters),
        createdById: scope.userId,
      },
      select: { id: true },
    })
    await audit(tx, {
      actorId: scope.userId,
      organisationId: scope.organisationId,
      action: 'quality-rule.changed',
      subjectType: 'quality-rule',
      subjectId: rule.id,
      detail: { created: true, kind: input.kind, workProcess: input.workProcess, parameters },
    })
    return rule
  })
}

/**
 * Switch a rule on (it is applied at once to everyone in the organisation, the plan its dry
 * run showed) or off. Returns how many firings switching on caused.
 */
export async function setRuleEnabled(scope: QualityScope, id: string, enabled: boolean) {
  requireManager(scope)
  const rule = await prisma.$transaction(async (tx) => {
    const claimed = await tx.qualityRule.updateMany({
      where: { id, organisationId: scope.organisationId, enabled: !enabled },
      data: { enabled },
    })
    if (claimed.count === 0) return null
    await audit(tx, {
      actorId: scope.userId,
      organisationId: scope.organisationId,
      action: 'quality-rule.changed',
      subjectType: 'quality-rule',
      subjectId: id,
      detail: { enabled },
    })
    return tx.qualityRule.findUniqueOrThrow({ where: { id }, select: RULE_FIELDS })
  })
  if (!rule || !enabled) return 0
  const applied = await applyRule(rule, await planRule(rule), scope.userId)
  return applied.length
}
