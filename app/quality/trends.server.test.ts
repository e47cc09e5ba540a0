import { beforeAll, describe, expect, test } from 'vitest'
import { getMemberships } from '#app/auth/authorize.server.ts'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { qualityScopeOf, type QualityScope } from './quality-access.server.ts'
import { STARTER_DOSSIER } from './starter-scorecard.ts'
import { agentTrend, beforeAfter, teamTrend, weekOf, weeklyMeans } from './trends.server.ts'
import { makeMember, makeOrganisation } from '#tests/factories.ts'
import { answersWith, evaluate, makeScorecard } from '#tests/quality-fixtures.ts'

const DAY = 86_400_000
const at = (iso: string) => new Date(`${iso}T10:00:00Z`)

describe('before and after', () => {
  const points = [
    { at: at('2026-01-01'), score: 10, passed: false }, // outside a 4-week window
    { at: at('2026-02-10'), score: 50, passed: false },
    { at: at('2026-02-20'), score: 70, passed: true },
    { at: at('2026-02-28'), score: 60, passed: false },
    { at: at('2026-03-02'), score: 80, passed: true },
    { at: at('2026-03-10'), score: 90, passed: true },
    { at: at('2026-03-20'), score: 85, passed: false },
    { at: at('2026-05-01'), score: 20, passed: false }, // outside again
  ]

  test('mean score and pass rate of the weeks before and after the pivot', () => {
    const c = beforeAfter(points, at('2026-03-01'), 4)
    expect(c.before).toEqual({ count: 3, meanScore: 60, passRate: 33.3 })
    expect(c.after).toEqual({ count: 3, meanScore: 85, passRate: 66.7 })
  })

  test('a wider window takes in more; an empty side has no numbers', () => {
    expect(beforeAfter(points, at('2026-03-01'), 9).before).toEqual({
      count: 4,
      meanScore: 47.5,
      passRate: 25,
    })
    expect(beforeAfter(points, at('2025-06-01'), 2)).toMatchObject({
      before: { count: 0, meanScore: null, passRate: null },
      after: { count: 0, meanScore: null, passRate: null },
    })
  })

  test('a contact at the pivot counts as after', () => {
    const c = beforeAfter(points, at('2026-03-02'), 1)
    expect(c.after).toEqual({ count: 1, meanScore: 80, passRate: 100 })
    expect(c.before).toEqual({ count: 1, meanScore: 60, passRate: 0 })
  })

  test('weeks start on Monday and weekly means average their contacts', () => {
    expect(weekOf(new Date('2026-03-01T23:00:00Z'))).toBe('2026-02-23') // a Sunday
    expect(weekOf(new Date('2026-03-02T00:00:00Z'))).toBe('2026-03-02')
    expect(weeklyMeans(points.slice(3, 5))).toEqual([
      {
        week: '2026-02-23',
        at: new Date('2026-02-23T00:00:00Z'),
        count: 1,
        meanScore: 60,
        passRate: 0,
      },
      {
        week: '2026-03-02',
        at: new Date('2026-03-02T00:00:00Z'),
        count: 1,
        meanScore: 80,
        passRate: 100,
      },
    ])
  })
})

describe('trends from the database', () => {
  let org: Awaited<ReturnType<typeof makeOrganisation>>
  let leader: QualityScope
  let agentId: string
  const now = Date.now()

  beforeAll(async () => {
    await importDossierFolder()
    org = await makeOrganisation()
    const l = await makeMember(org.id, ['team_leader'], [org.teamId])
    const membership = (await getMemberships(l.user)).find((m) => m.organisation.slug === org.slug)!
    leader = (await qualityScopeOf(l.user.id, membership))!
    agentId = (await makeMember(org.id, ['learner'], [org.teamId])).user.id
    const card = await makeScorecard(org.id, l.user.id)
    // Before coaching (20, 10 days ago): the opening fails; after (5, 2 days ago): perfect.
    for (const [daysAgo, answers] of [
      [20, answersWith({ identity: { value: 0 } })],
      [10, answersWith({ greeting: { value: 0 } })],
      [5, answersWith()],
      [2, answersWith()],
    ] as const)
      await evaluate({
        organisationId: org.id,
        scorecard: card,
        evaluatorId: l.user.id,
        agentId,
        answers,
        contact: { contactAt: new Date(now - daysAgo * DAY) },
      })
    await prisma.coachingSession.create({
      data: {
        organisationId: org.id,
        coachId: l.user.id,
        agentId,
        heldAt: new Date(now - 7 * DAY),
        discussed: 'Identiteit controleren',
        agreements: 'Altijd eerst de identiteit vragen',
        workProcesses: { create: [{ dossierSlug: STARTER_DOSSIER, workProcessCode: 'CM-K1-W1' }] },
      },
    })
  }, 120_000)

  test("an agent's trend pivots on the newest coaching session of the work process", async () => {
    const trends = await agentTrend(agentId, { organisationId: org.id })
    const opening = trends.find((t) => t.code === 'CM-K1-W1')!
    expect(opening.points).toHaveLength(4)
    expect(opening.events.map((e) => e.kind)).toEqual(['coaching'])
    expect(+opening.comparison!.pivot).toBe(now - 7 * DAY)
    // CM-K1-W1 is the mean of the three sections mapped to it: the critical identity item
    // leaves the opening at 25 (75 overall, failed), the missed greeting at 75 (91.7, passed).
    expect(opening.comparison!.before).toEqual({ count: 2, meanScore: 83.4, passRate: 50 })
    expect(opening.comparison!.after).toEqual({ count: 2, meanScore: 100, passRate: 100 })
    // A work process without coaching has no default pivot; a chosen one applies to all.
    expect(trends.find((t) => t.code === 'CM-K1-W4')!.comparison).toBeNull()
    const chosen = await agentTrend(agentId, {
      organisationId: org.id,
      pivot: new Date(now - 15 * DAY),
      weeks: 1,
    })
    expect(chosen.find((t) => t.code === 'CM-K1-W1')!.comparison!.before.count).toBe(1)
    // Another organisation's view of the agent holds nothing.
    expect(await agentTrend(agentId, { organisationId: 'elders' })).toEqual([])
  })

  test("a team's trend averages its agents per week with the coaching marked", async () => {
    const trends = await teamTrend(leader, org.teamId)
    const opening = trends.find((t) => t.code === 'CM-K1-W1')!
    expect(opening.weeks.reduce((n, w) => n + w.count, 0)).toBe(4)
    expect(opening.events).toHaveLength(1)
    expect(opening.comparison!.after.meanScore).toBe(100)
  })
})
