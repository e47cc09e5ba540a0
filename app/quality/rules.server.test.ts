import { beforeAll, describe, expect, test } from 'vitest'
import { getMemberships } from '#app/auth/authorize.server.ts'
import { prisma } from '#app/db.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { qualityScopeOf, type QualityScope } from './quality-access.server.ts'
import {
  applyRule,
  createRule,
  getRule,
  planRule,
  runRulesForAgent,
  setRuleEnabled,
} from './rules.server.ts'
import { STARTER_DOSSIER } from './starter-scorecard.ts'
import { completeKnowledge } from '#tests/assessment-fixtures.ts'
import { makeMember, makeOrganisation } from '#tests/factories.ts'
import { answersWith, evaluate, makeScorecard } from '#tests/quality-fixtures.ts'

async function scopeFor(userId: string, slug: string): Promise<QualityScope> {
  const membership = (await getMemberships({ id: userId })).find(
    (m) => m.organisation.slug === slug,
  )!
  return (await qualityScopeOf(userId, membership))!
}

const DAY = 86_400_000
const FAIL_OPENING = answersWith({ identity: { value: 0 } })
const FAIL_QUESTION = answersWith({ explores: { value: 1 }, summarises: { value: 0 } })

let org: Awaited<ReturnType<typeof makeOrganisation>>
let admin: QualityScope
let leaderEmail: string
let scorecard: Awaited<ReturnType<typeof makeScorecard>>

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  org = await makeOrganisation()
  const a = await makeMember(org.id, ['employer_admin'])
  admin = await scopeFor(a.user.id, org.slug)
  const leader = await makeMember(org.id, ['team_leader'], [org.teamId])
  leaderEmail = leader.user.email
  scorecard = await makeScorecard(org.id, a.user.id)
}, 120_000)

/** Evaluations of an agent, `days` ago each, oldest first. */
async function scoreDays(agentId: string, days: number[], answers = answersWith()) {
  for (const d of days)
    await evaluate({
      organisationId: org.id,
      scorecard,
      evaluatorId: admin.userId,
      agentId,
      answers,
      contact: { contactAt: new Date(Date.now() - d * DAY) },
    })
}

describe('assign_lesson', () => {
  test('the dry run equals what the rule then does, and running it again does nothing', async () => {
    const failing = (await makeMember(org.id, ['learner'], [org.teamId])).user
    const once = (await makeMember(org.id, ['learner'], [org.teamId])).user
    await scoreDays(failing.id, [10, 8], FAIL_OPENING)
    await scoreDays(failing.id, [6])
    await scoreDays(once.id, [10], FAIL_OPENING)
    await scoreDays(once.id, [8, 6])
    const { id } = await createRule(admin, {
      kind: 'assign_lesson',
      workProcess: `${STARTER_DOSSIER}/CM-K1-W1`,
      parameters: { below: 2, window: 4, dueDays: 14 },
    })
    const rule = (await getRule(org.id, id))!
    const plan = await planRule(rule, { agentIds: [failing.id, once.id] })
    expect(plan.firings.map((f) => f.agentId)).toEqual([failing.id])
    const planned = plan.firings[0]!
    expect(planned.kind).toBe('assign_lesson')
    // Nothing is written by the dry run.
    expect(await prisma.assignment.count({ where: { userId: failing.id } })).toBe(0)

    const applied = await applyRule(rule, plan, admin.userId)
    expect(applied).toHaveLength(1)
    const firings = await prisma.qualityRuleFiring.findMany({ where: { ruleId: id } })
    expect(firings.map((f) => [f.agentId, f.key])).toEqual([[failing.id, planned.key]])
    const assignment = await prisma.assignment.findUniqueOrThrow({
      where: { id: firings[0]!.assignmentId! },
    })
    expect(assignment).toMatchObject({
      userId: failing.id,
      kind: 'work_process',
      dossierSlug: STARTER_DOSSIER,
      workProcessCode: 'CM-K1-W1',
    })
    expect(+assignment.dueAt).toBe(planned.kind === 'assign_lesson' ? +planned.dueAt : NaN)
    expect(
      await prisma.auditEvent.count({ where: { action: 'quality-rule.fired', subjectId: id } }),
    ).toBe(1)
    // The agent and the team leader are told.
    expect(await prisma.email.count({ where: { to: failing.email } })).toBeGreaterThan(0)
    expect(
      await prisma.email.count({ where: { to: leaderEmail, subject: { contains: 'CM-K1-W1' } } }),
    ).toBe(1)

    // Re-running: the same plan applied again and a fresh plan both do nothing.
    expect(await applyRule(rule, plan, admin.userId)).toEqual([])
    expect((await planRule(rule, { agentIds: [failing.id, once.id] })).firings).toEqual([])
    await prisma.qualityRule.update({ where: { id }, data: { enabled: true } })
    await runRulesForAgent(org.id, failing.id)
    expect(await prisma.qualityRuleFiring.count({ where: { ruleId: id } })).toBe(1)

    // A new failing contact while the assignment is open: skipped, and said why.
    await scoreDays(failing.id, [1], FAIL_OPENING)
    const again = await planRule(rule, { agentIds: [failing.id] })
    expect(again.firings).toEqual([])
    expect(again.skipped).toEqual([
      { agentId: failing.id, agentName: failing.name, reason: 'open_assignment' },
    ])
    await prisma.qualityRule.delete({ where: { id } })
  })

  test('switching a rule on applies its plan to everyone in the organisation', async () => {
    const agent = (await makeMember(org.id, ['learner'], [org.teamId])).user
    await scoreDays(agent.id, [5, 4, 3], FAIL_QUESTION)
    const { id } = await createRule(admin, {
      kind: 'assign_lesson',
      workProcess: `${STARTER_DOSSIER}/CM-K2-W3`,
      parameters: { below: 3, window: 3, dueDays: 7 },
    })
    const rule = (await getRule(org.id, id))!
    const plan = await planRule(rule)
    expect(plan.firings.map((f) => f.agentId)).toContain(agent.id)
    const fired = await setRuleEnabled(admin, id, true)
    expect(fired).toBe(plan.firings.length)
    const firings = await prisma.qualityRuleFiring.findMany({ where: { ruleId: id } })
    expect(firings.map((f) => `${f.agentId}|${f.key}`).sort()).toEqual(
      plan.firings.map((f) => `${f.agentId}|${f.key}`).sort(),
    )
    expect(await setRuleEnabled(admin, id, true)).toBe(0)
    await setRuleEnabled(admin, id, false)
    expect((await getRule(org.id, id))!.enabled).toBe(false)
  })

  test('a work process no scorecard of the organisation maps is refused', async () => {
    await expect(
      createRule(admin, {
        kind: 'assign_lesson',
        workProcess: 'contactcenter-teamleider/TL-K1-W1',
        parameters: { below: 1, window: 2, dueDays: 7 },
      }),
    ).rejects.toMatchObject({ field: 'workProcess' })
  })
})

describe('demonstrated', () => {
  test('a hundred passing evaluations never make a work process competent without an assessor', async () => {
    const agent = (await makeMember(org.id, ['learner'], [org.teamId])).user
    // Knowledge complete, so the evidence really raises the step: to 3, never to 4.
    await completeKnowledge(agent.id, ['CM-K1-W4'], STARTER_DOSSIER)
    await scoreDays(
      agent.id,
      Array.from({ length: 100 }, (_, i) => 200 - i),
    )
    const { id } = await createRule(admin, {
      kind: 'demonstrated',
      workProcess: `${STARTER_DOSSIER}/CM-K1-W4`,
      parameters: { passing: 5 },
    })
    const rule = (await getRule(org.id, id))!
    const plan = await planRule(rule, { agentIds: [agent.id] })
    expect(plan.firings).toHaveLength(1)
    const applied = await applyRule(rule, plan, admin.userId)
    expect(applied).toHaveLength(1)
    const evidence = await prisma.evidence.findUniqueOrThrow({
      where: { id: applied[0]!.evidenceId! },
      include: { workProcesses: true, assessments: true },
    })
    expect(evidence).toMatchObject({
      kind: 'call_review',
      userId: agent.id,
      dossierSlug: STARTER_DOSSIER,
    })
    expect(evidence.workProcesses.map((w) => w.workProcessCode)).toEqual(['CM-K1-W4'])
    expect(evidence.assessments).toEqual([])
    expect(evidence.narrative.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(100)

    // Rules keep running after every evaluation: more evidence, never competence.
    await prisma.qualityRule.update({ where: { id }, data: { enabled: true } })
    for (let round = 0; round < 3; round++) {
      // Five newer contacts each round (counting starts after the last evidence's newest).
      await scoreDays(
        agent.id,
        [0, 1, 2, 3, 4].map((k) => 0.9 - round * 0.3 - k * 0.05),
      )
      await runRulesForAgent(org.id, agent.id)
      await runRulesForAgent(org.id, agent.id)
    }
    expect(await prisma.qualityRuleFiring.count({ where: { ruleId: id } })).toBe(4)
    const status = await prisma.workProcessStatus.findUniqueOrThrow({
      where: {
        userId_dossierSlug_workProcessCode: {
          userId: agent.id,
          dossierSlug: STARTER_DOSSIER,
          workProcessCode: 'CM-K1-W4',
        },
      },
    })
    expect(status.step).toBe(3)
    expect(status.step).toBeLessThan(4)
    expect(await prisma.assessment.count({ where: { evidence: { userId: agent.id } } })).toBe(0)
  })
})
