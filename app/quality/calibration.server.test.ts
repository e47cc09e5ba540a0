import { beforeAll, describe, expect, test } from 'vitest'
import * as calibrationPage from '#app/routes/orgs/$slug/quality/calibration.tsx'
import * as calibrationsPage from '#app/routes/orgs/$slug/quality/calibrations.tsx'
import * as evaluatorsPage from '#app/routes/orgs/$slug/quality/calibration-evaluators.tsx'
import { prisma } from '#app/db.server.ts'
import {
  calibrationHistory,
  closeCalibration,
  getCalibrationView,
  scoreCalibration,
  startCalibration,
  CalibrationRefused,
} from '#app/quality/calibration.server.ts'
import { listOwnEvaluations } from '#app/quality/evaluations.server.ts'
import { qualityScopeOf, type QualityScope } from '#app/quality/quality-access.server.ts'
import { commentField, itemField, NOT_APPLICABLE } from '#app/quality/scoring-form.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { answersWith, makeScorecard } from '#tests/quality-fixtures.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'

/**
 * Three evaluators score one contact on the starter scorecard (section weights 15, 15, 25,
 * 20, 10, 15 = 100). By hand:
 * - admin: perfect → 100;
 * - team leader: empathy 4 (tone (0.75·2 + 1·2)/4 = 87.5), check "no" (closing 50)
 *   → (20·87.5 + 10·50 + 70·100) / 100 = 92.5;
 * - coach: empathy 1 (tone 50), next-steps 1 and check "no" (closing 0)
 *   → (20·50 + 10·0 + 70·100) / 100 = 80.
 * Consensus (100 + 92.5 + 80) / 3 = 90.83: deviations 9.2, 1.7 and 10.8 (beyond 10).
 * Reference = admin (100): deviations 0, 7.5 and 20.
 */
const ANSWERS = {
  admin: answersWith(),
  leader: answersWith({ empathy: { value: 4 }, check: { value: 0 } }),
  coach: answersWith({
    empathy: { value: 1, comment: 'Geen erkenning van de klacht' },
    'next-steps': { value: 1 },
    check: { value: 0 },
  }),
}

type Person = { id: string; cookie: string; membershipId: string }
let org: Awaited<ReturnType<typeof makeOrganisation>>
let admin: Person, leader: Person, coach: Person, otherLeader: Person, agent: Person
let outsider: Person
let card: Awaited<ReturnType<typeof makeScorecard>>

async function person(
  organisationId: string,
  roles: Parameters<typeof makeMember>[1],
  teams: string[] = [],
) {
  const m = await makeMember(organisationId, roles, teams)
  return { id: m.user.id, membershipId: m.membershipId, cookie: await cookieFor(m.user.id) }
}

async function scopeOf(p: Person): Promise<QualityScope> {
  const membership = await prisma.membership.findUniqueOrThrow({
    where: { id: p.membershipId },
    select: {
      id: true,
      organisation: { select: { id: true, slug: true, name: true } },
      roles: { select: { role: true } },
    },
  })
  const scope = await qualityScopeOf(p.id, {
    ...membership,
    roles: membership.roles.map((r) => r.role) as QualityScope['roles'],
  })
  return scope!
}

function scoringForm(answers: Record<string, { value: number | null; comment?: string }>) {
  const fields: Record<string, string> = { intent: 'score', comment: 'Kalibratie week 48' }
  for (const [key, a] of Object.entries(answers)) {
    fields[itemField(key)] = a.value === null ? NOT_APPLICABLE : String(a.value)
    if (a.comment) fields[commentField(key)] = a.comment
  }
  return fields
}

const sessionPath = (id: string) => `/orgs/${org.slug}/quality/calibrations/${id}`
const params = (sessionId: string, slug = org.slug) => ({ slug, sessionId })

beforeAll(async () => {
  org = await makeOrganisation()
  admin = await person(org.id, ['employer_admin'])
  leader = await person(org.id, ['team_leader'], [org.teamId])
  otherLeader = await person(org.id, ['team_leader'], [org.teamId])
  coach = await person(org.id, ['quality_coach'])
  agent = await person(org.id, ['learner'], [org.teamId])
  const other = await makeOrganisation()
  outsider = await person(other.id, ['employer_admin'])
  card = await makeScorecard(org.id, admin.id)
}, 60_000)

describe('a calibration with three evaluators', () => {
  let sessionId = ''

  test('a calibrator starts it; fewer than two evaluators or a foreign one is refused', async () => {
    const fields = {
      title: 'Kalibratie klachtgesprek',
      scorecardVersionId: card.versionId,
      agentId: agent.id,
      externalId: 'CALL-4711',
      contactAt: '2026-11-20',
      channel: 'phone',
    }
    const path = `/orgs/${org.slug}/quality/calibrations`
    const one = await call(
      calibrationsPage.action,
      formRequest(path, { ...fields, evaluatorIds: [leader.id] }, { cookie: admin.cookie }),
      { slug: org.slug },
    )
    expect(one.status).toBe(400)
    expect(JSON.stringify(one.data)).toContain('calibration.error.evaluators')
    const foreign = await call(
      calibrationsPage.action,
      formRequest(
        path,
        { ...fields, evaluatorIds: [leader.id, outsider.id] },
        { cookie: admin.cookie },
      ),
      { slug: org.slug },
    )
    expect(foreign.status).toBe(400)
    expect(JSON.stringify(foreign.data)).toContain('calibration.error.evaluator')
    // A team leader scores and is invited, but does not start sessions.
    const byLeader = await call(
      calibrationsPage.action,
      formRequest(
        path,
        { ...fields, evaluatorIds: [leader.id, coach.id] },
        { cookie: leader.cookie },
      ),
      { slug: org.slug },
    )
    expect(byLeader.status).toBe(403)

    const started = await call(
      calibrationsPage.action,
      formRequest(
        path,
        { ...fields, evaluatorIds: [admin.id, leader.id, coach.id] },
        { cookie: admin.cookie },
      ),
      { slug: org.slug },
    )
    expect(started.status).toBe(302)
    sessionId = started.location!.split('/').pop()!
    expect(started.location).toBe(sessionPath(sessionId))
    expect(
      await prisma.auditEvent.count({
        where: { action: 'calibration.created', subjectId: sessionId },
      }),
    ).toBe(1)
    // The invited evaluators are told by e-mail with the link; the one who started it is not.
    const invited = (id: string) =>
      prisma.user.findUniqueOrThrow({ where: { id } }).then((u) =>
        prisma.email.count({
          where: { to: u.email, text: { contains: sessionPath(sessionId) } },
        }),
      )
    expect(await invited(leader.id)).toBe(1)
    expect(await invited(coach.id)).toBe(1)
    expect(await invited(admin.id)).toBe(0)
  })

  test('an uninvited evaluator and another organisation’s member get 404', async () => {
    for (const p of [otherLeader, outsider]) {
      const page = await call(
        calibrationPage.loader,
        getRequest(sessionPath(sessionId), p.cookie),
        params(sessionId),
      )
      expect(page.status).toBe(404)
      const post = await call(
        calibrationPage.action,
        formRequest(sessionPath(sessionId), scoringForm(ANSWERS.leader), { cookie: p.cookie }),
        params(sessionId),
      )
      expect(post.status).toBe(404)
    }
    // The outsider with their own organisation's slug finds nothing either.
    const outsiderOrg = await prisma.membership.findUniqueOrThrow({
      where: { id: outsider.membershipId },
      select: { organisation: { select: { slug: true } } },
    })
    const viaOwnSlug = await call(
      calibrationPage.loader,
      getRequest(sessionPath(sessionId), outsider.cookie),
      params(sessionId, outsiderOrg.organisation.slug),
    )
    expect(viaOwnSlug.status).toBe(404)
  })

  test('each scores independently: nobody sees another’s scores while it is open; twice is refused', async () => {
    const first = await call(
      calibrationPage.action,
      formRequest(sessionPath(sessionId), scoringForm(ANSWERS.admin), { cookie: admin.cookie }),
      params(sessionId),
    )
    expect(first.status).toBe(200)
    const again = await call(
      calibrationPage.action,
      formRequest(sessionPath(sessionId), scoringForm(ANSWERS.leader), { cookie: admin.cookie }),
      params(sessionId),
    )
    expect(again.status).toBe(400)
    expect(JSON.stringify(again.data)).toContain('calibration.error.alreadyScored')

    // A missing item answers 400 at that item.
    const incomplete = scoringForm(ANSWERS.leader)
    delete incomplete[itemField('empathy')]
    const missing = await call(
      calibrationPage.action,
      formRequest(sessionPath(sessionId), incomplete, { cookie: leader.cookie }),
      params(sessionId),
    )
    expect(missing.status).toBe(400)
    expect(JSON.stringify(missing.data)).toContain(itemField('empathy'))

    const second = await call(
      calibrationPage.action,
      formRequest(sessionPath(sessionId), scoringForm(ANSWERS.leader), { cookie: leader.cookie }),
      params(sessionId),
    )
    expect(second.status).toBe(200)

    const open = await call(
      calibrationPage.loader,
      getRequest(sessionPath(sessionId), leader.cookie),
      params(sessionId),
    )
    const view = (open.data as { view: Awaited<ReturnType<typeof getCalibrationView>> }).view!
    expect(view.closedAt).toBeNull()
    expect(view.result).toBeNull()
    expect(view.own?.score).toBe(92.5)
    expect(JSON.stringify(view)).not.toContain('"score":100')
    expect(view.evaluators.filter((e) => e.scored)).toHaveLength(2)
  })

  test('the last score closes it; everyone sees the spread, only calibrators the deviations', async () => {
    const last = await call(
      calibrationPage.action,
      formRequest(sessionPath(sessionId), scoringForm(ANSWERS.coach), { cookie: coach.cookie }),
      params(sessionId),
    )
    expect(last.status).toBe(200)
    expect(
      await prisma.auditEvent.count({
        where: { action: 'calibration.closed', subjectId: sessionId },
      }),
    ).toBe(1)

    const asLeader = await getCalibrationView(await scopeOf(leader), sessionId)
    expect(asLeader!.closedAt).not.toBeNull()
    const totals = Object.fromEntries(asLeader!.result!.totals.map((t) => [t.evaluatorId, t.score]))
    expect(totals).toEqual({ [admin.id]: 100, [leader.id]: 92.5, [coach.id]: 80 })
    const spread = Object.fromEntries(asLeader!.result!.spreads.map((s) => [s.itemKey, s]))
    // empathy 5, 4, 1 → 100, 75, 0: mean 58.33, sd sqrt((41.67² + 16.67² + 58.33²) / 3) = 42.5
    expect(spread.empathy).toMatchObject({ min: 0, max: 100, range: 100, standardDeviation: 42.5 })
    expect(spread.empathy!.answers).toEqual([
      { evaluatorId: admin.id, value: 5 },
      { evaluatorId: leader.id, value: 4 },
      { evaluatorId: coach.id, value: 1 },
    ])
    // check yes, no, no → 100, 0, 0: sd 47.1
    expect(spread.check).toMatchObject({ range: 100, standardDeviation: 47.1 })
    expect(spread.greeting).toMatchObject({ range: 0, standardDeviation: 0 })
    expect(asLeader!.result!.comments[coach.id]!.empathy).toBe('Geen erkenning van de klacht')
    // A team leader who is not a calibrator: the spread, never the deviations.
    expect(asLeader!.result!.deviations).toBeNull()
    const leaderPage = await call(
      calibrationPage.loader,
      getRequest(sessionPath(sessionId), leader.cookie),
      params(sessionId),
    )
    expect(JSON.stringify(leaderPage.data)).not.toContain('deviation"')
    expect(
      (
        await call(
          evaluatorsPage.loader,
          getRequest(`/orgs/${org.slug}/quality/calibrations/evaluators`, leader.cookie),
          { slug: org.slug },
        )
      ).status,
    ).toBe(403)

    for (const calibrator of [admin, coach]) {
      const view = await getCalibrationView(await scopeOf(calibrator), sessionId)
      expect(view!.result!.deviations).toEqual({
        basis: 'consensus',
        benchmark: 90.8,
        evaluators: [
          { evaluatorId: admin.id, score: 100, deviation: 9.2, beyondTarget: false },
          { evaluatorId: leader.id, score: 92.5, deviation: 1.7, beyondTarget: false },
          { evaluatorId: coach.id, score: 80, deviation: 10.8, beyondTarget: true },
        ],
      })
    }

    // Closed: nobody scores any more.
    const late = await call(
      calibrationPage.action,
      formRequest(sessionPath(sessionId), scoringForm(ANSWERS.leader), { cookie: leader.cookie }),
      params(sessionId),
    )
    expect(late.status).toBe(400)
  })

  test('against a reference evaluator, and over time per evaluator and per item', async () => {
    const adminScope = await scopeOf(admin)
    const { id } = await startCalibration(adminScope, {
      title: 'Kalibratie met referentie',
      scorecardVersionId: card.versionId,
      agentId: agent.id,
      externalId: null,
      contactAt: new Date('2026-11-25T10:00:00Z'),
      channel: 'chat',
      evaluatorIds: [admin.id, leader.id, coach.id],
      referenceEvaluatorId: admin.id,
    })
    await scoreCalibration(adminScope, id, ANSWERS.admin, '')
    await scoreCalibration(await scopeOf(leader), id, ANSWERS.leader, '')
    const closing = await scoreCalibration(await scopeOf(coach), id, ANSWERS.coach, '')
    expect(closing.closed).toBe(true)
    const view = await getCalibrationView(adminScope, id)
    expect(view!.result!.deviations).toMatchObject({
      basis: 'reference',
      benchmark: 100,
      evaluators: [
        { evaluatorId: admin.id, deviation: 0, beyondTarget: false },
        { evaluatorId: leader.id, deviation: 7.5, beyondTarget: false },
        { evaluatorId: coach.id, deviation: 20, beyondTarget: true },
      ],
    })

    const history = await calibrationHistory(await scopeOf(coach))
    expect(history.sessions).toBe(2)
    const mean = Object.fromEntries(
      history.evaluators.map((e) => [e.evaluatorId, e.meanAbsoluteDeviation]),
    )
    // admin (9.2 + 0) / 2, leader (1.7 + 7.5) / 2, coach (10.8 + 20) / 2
    expect(mean).toEqual({ [admin.id]: 4.6, [leader.id]: 4.6, [coach.id]: 15.4 })
    const coachLine = history.evaluators.find((e) => e.evaluatorId === coach.id)!
    expect(coachLine.sessions.map((s) => s.deviation)).toEqual([10.8, 20])
    // check and next-steps (sd 47.1 in both sessions) before empathy (42.5)
    expect(history.items.map((i) => [i.itemKey, i.meanStandardDeviation])).toEqual([
      ['check', 47.1],
      ['next-steps', 47.1],
      ['empathy', 42.5],
    ])
    const page = await call(
      evaluatorsPage.loader,
      getRequest(`/orgs/${org.slug}/quality/calibrations/evaluators`, admin.cookie),
      { slug: org.slug },
    )
    expect(page.status).toBe(200)
  })

  test('calibration scores never count for the agent', async () => {
    const evaluations = await prisma.evaluation.findMany({
      where: { agentId: agent.id },
      select: { id: true, calibrationSessionId: true },
    })
    expect(evaluations).toHaveLength(6)
    expect(evaluations.every((e) => e.calibrationSessionId !== null)).toBe(true)
    expect(
      await prisma.evaluationWorkProcess.count({
        where: { evaluationId: { in: evaluations.map((e) => e.id) } },
      }),
    ).toBe(0)
    expect(await prisma.evaluationWorkProcess.count({ where: { agentId: agent.id } })).toBe(0)
    expect(await listOwnEvaluations(agent.id)).toEqual([])
  })

  test('a calibrator closes a session early only with at least two scores', async () => {
    const adminScope = await scopeOf(admin)
    const { id } = await startCalibration(adminScope, {
      title: 'Vroeg afgesloten',
      scorecardVersionId: card.versionId,
      agentId: agent.id,
      externalId: null,
      contactAt: new Date('2026-11-26T10:00:00Z'),
      channel: 'email',
      evaluatorIds: [admin.id, leader.id, coach.id],
      referenceEvaluatorId: null,
    })
    await scoreCalibration(adminScope, id, ANSWERS.admin, '')
    await expect(closeCalibration(adminScope, id)).rejects.toBeInstanceOf(CalibrationRefused)
    await expect(closeCalibration(await scopeOf(leader), id)).rejects.toMatchObject({ status: 403 })
    await scoreCalibration(await scopeOf(coach), id, ANSWERS.coach, '')
    const closed = await call(
      calibrationPage.action,
      formRequest(sessionPath(id), { intent: 'close' }, { cookie: coach.cookie }),
      params(id),
    )
    expect(closed.status).toBe(200)
    const view = await getCalibrationView(adminScope, id)
    expect(view!.closedAt).not.toBeNull()
    // (100 + 80) / 2 = 90: both 10 away, not beyond the target.
    expect(view!.result!.deviations!.evaluators.map((e) => [e.deviation, e.beyondTarget])).toEqual([
      [10, false],
      [10, false],
    ])
    expect(view!.mayScore).toBe(false)
  })
})
