import { beforeAll, describe, expect, test, vi } from 'vitest'
import * as meCoachingSession from '#app/routes/me/coaching-session.tsx'
import * as meQuality from '#app/routes/me/quality.tsx'
import * as agentTrend from '#app/routes/orgs/$slug/quality/agent-trend.tsx'
import * as coaching from '#app/routes/orgs/$slug/quality/coaching.tsx'
import * as coachingNew from '#app/routes/orgs/$slug/quality/coaching-new.tsx'
import * as coachingSession from '#app/routes/orgs/$slug/quality/coaching-session.tsx'
import * as rulePage from '#app/routes/orgs/$slug/quality/rule.tsx'
import * as rules from '#app/routes/orgs/$slug/quality/rules.tsx'
import * as teamTrend from '#app/routes/orgs/$slug/quality/team-trend.tsx'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { STARTER_DOSSIER } from './starter-scorecard.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { evaluate, makeScorecard } from '#tests/quality-fixtures.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'

let org: Awaited<ReturnType<typeof makeOrganisation>>
let other: Awaited<ReturnType<typeof makeOrganisation>>
let adminCookie: string
let leaderCookie: string
let outsiderAdmin: string
let agent: { id: string; cookie: string }
let otherAgent: { id: string; cookie: string }
let ruleId: string
let sessionId: string

beforeAll(async () => {
  await importDossierFolder()
  org = await makeOrganisation()
  other = await makeOrganisation()
  const admin = await makeMember(org.id, ['employer_admin'])
  adminCookie = await cookieFor(admin.user.id)
  const leader = await makeMember(org.id, ['team_leader'], [org.teamId])
  leaderCookie = await cookieFor(leader.user.id)
  outsiderAdmin = await cookieFor((await makeMember(other.id, ['employer_admin'])).user.id)
  const a = (await makeMember(org.id, ['learner'], [org.teamId])).user
  agent = { id: a.id, cookie: await cookieFor(a.id) }
  const b = (await makeMember(org.id, ['learner'], [org.teamId])).user
  otherAgent = { id: b.id, cookie: await cookieFor(b.id) }
  const card = await makeScorecard(org.id, admin.user.id)
  await evaluate({
    organisationId: org.id,
    scorecard: card,
    evaluatorId: leader.user.id,
    agentId: a.id,
  })
  const created = await call(
    rules.action,
    formRequest(
      `/orgs/${org.slug}/quality/rules`,
      {
        kind: 'demonstrated',
        workProcess: `${STARTER_DOSSIER}/CM-K1-W4`,
        passing: '3',
      },
      { cookie: adminCookie },
    ),
    { slug: org.slug },
  )
  expect(created.status).toBe(302)
  ruleId = created.location!.split('/').pop()!
  const logged = await call(
    coachingNew.action,
    formRequest(
      `/orgs/${org.slug}/quality/coaching/new`,
      {
        agentId: a.id,
        heldAt: '2026-01-15',
        workProcesses: `${STARTER_DOSSIER}/CM-K1-W1`,
        discussed: 'Het openen van het gesprek.',
        agreements: 'Eigen naam noemen bij elke begroeting.',
      },
      { cookie: leaderCookie },
    ),
    { slug: org.slug },
  )
  expect(logged.status).toBe(302)
  sessionId = logged.location!.split('/').pop()!
}, 120_000)

describe('cross-organisation access answers 404', () => {
  test('rules, coaching and trend pages of another organisation', async () => {
    const cases: Array<[unknown, string, Record<string, string>]> = [
      [rules.loader, 'quality/rules', {}],
      [rulePage.loader, `quality/rules/${ruleId}`, { ruleId }],
      [coaching.loader, 'quality/coaching', {}],
      [coachingSession.loader, `quality/coaching/${sessionId}`, { sessionId }],
      [agentTrend.loader, `quality/agents/${agent.id}/trend`, { agentId: agent.id }],
      [teamTrend.loader, `quality/teams/${org.teamId}/trend`, { teamId: org.teamId }],
    ]
    for (const [loader, path, params] of cases) {
      // An admin of another organisation, on this organisation's URL: not a member.
      const foreign = await call(loader, getRequest(`/orgs/${org.slug}/${path}`, outsiderAdmin), {
        slug: org.slug,
        ...params,
      })
      expect(foreign.status, path).toBe(404)
      // The same ids under their own organisation's URL: not found either.
      const ownUrl = await call(loader, getRequest(`/orgs/${other.slug}/${path}`, outsiderAdmin), {
        slug: other.slug,
        ...params,
      })
      if (Object.keys(params).length > 0) expect(ownUrl.status, `${path} via own org`).toBe(404)
    }
    const toggled = await call(
      rulePage.action,
      formRequest(
        `/orgs/${other.slug}/quality/rules/${ruleId}`,
        { intent: 'enable' },
        { cookie: outsiderAdmin },
      ),
      { slug: other.slug, ruleId },
    )
    expect(toggled.status).toBe(404)
    expect((await prisma.qualityRule.findUniqueOrThrow({ where: { id: ruleId } })).enabled).toBe(
      false,
    )
  })
})

describe('agents see only their own', () => {
  test("another agent's coaching session answers 404, and so does confirming it", async () => {
    const own = await call(
      meCoachingSession.loader,
      getRequest(`/coaching/${sessionId}`, agent.cookie),
      {
        sessionId,
      },
    )
    expect(own.status).toBe(200)
    const read = await call(
      meCoachingSession.loader,
      getRequest(`/coaching/${sessionId}`, otherAgent.cookie),
      {
        sessionId,
      },
    )
    expect(read.status).toBe(404)
    const confirm = await call(
      meCoachingSession.action,
      formRequest(`/coaching/${sessionId}`, { intent: 'confirm' }, { cookie: otherAgent.cookie }),
      { sessionId },
    )
    expect(confirm.status).toBe(404)
    expect(
      (await prisma.coachingSession.findUniqueOrThrow({ where: { id: sessionId } })).confirmedAt,
    ).toBeNull()
  })

  test('an agent has no organisation quality pages and sees only their own trend', async () => {
    const asAgent = await call(
      coaching.loader,
      getRequest(`/orgs/${org.slug}/quality/coaching`, agent.cookie),
      {
        slug: org.slug,
      },
    )
    expect(asAgent.status).toBe(403)
    const trend = await call(
      agentTrend.loader,
      getRequest(`/orgs/${org.slug}/quality/agents/${agent.id}/trend`, leaderCookie),
      { slug: org.slug, agentId: agent.id },
    )
    expect(trend.status).toBe(200)
    const mine = await call(meQuality.loader, getRequest('/quality', agent.cookie))
    expect(mine.status).toBe(200)
    expect((mine.data as { trends: Array<{ code: string }> }).trends.map((t) => t.code)).toContain(
      'CM-K1-W1',
    )
    const theirs = await call(meQuality.loader, getRequest('/quality', otherAgent.cookie))
    expect((theirs.data as { trends: unknown[] }).trends).toEqual([])
  })
})

describe('bad forms answer 400 with field errors', () => {
  test('a rule without work process or with more failing than evaluations', async () => {
    const outcome = await call(
      rules.action,
      formRequest(
        `/orgs/${org.slug}/quality/rules`,
        {
          kind: 'assign_lesson',
          workProcess: 'contactcenter-teamleider/TL-K1-W1',
          below: '5',
          window: '3',
          dueDays: '7',
        },
        { cookie: adminCookie },
      ),
      { slug: org.slug },
    )
    expect(outcome.status).toBe(400)
    expect(JSON.stringify(outcome.data)).toContain('qrules.error.belowWindow')
    const unknown = await call(
      rules.action,
      formRequest(
        `/orgs/${org.slug}/quality/rules`,
        {
          kind: 'assign_lesson',
          workProcess: 'contactcenter-teamleider/TL-K1-W1',
          below: '1',
          window: '3',
          dueDays: '7',
        },
        { cookie: adminCookie },
      ),
      { slug: org.slug },
    )
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(unknown.data)).toContain('qrules.error.workProcess')
    // Team leaders do not manage rules.
    const leader = await call(
      rules.loader,
      getRequest(`/orgs/${org.slug}/quality/rules`, leaderCookie),
      {
        slug: org.slug,
      },
    )
    expect(leader.status).toBe(403)
  })

  test('a coaching session without agreements, or with an agent outside the teams', async () => {
    const empty = await call(
      coachingNew.action,
      formRequest(
        `/orgs/${org.slug}/quality/coaching/new`,
        {
          agentId: agent.id,
          heldAt: 'gisteren',
          discussed: 'x',
        },
        { cookie: leaderCookie },
      ),
      { slug: org.slug },
    )
    expect(empty.status).toBe(400)
    const text = JSON.stringify(empty.data)
    for (const key of [
      'coaching.error.heldAt',
      'coaching.error.discussed',
      'coaching.error.agreements',
    ])
      expect(text).toContain(key)
    const outsider = (await makeMember(other.id, ['learner'])).user.id
    const foreignAgent = await call(
      coachingNew.action,
      formRequest(
        `/orgs/${org.slug}/quality/coaching/new`,
        {
          agentId: outsider,
          heldAt: '2026-01-15',
          discussed: 'Het openen van het gesprek.',
          agreements: 'Eigen naam noemen.',
        },
        { cookie: leaderCookie },
      ),
      { slug: org.slug },
    )
    expect(foreignAgent.status).toBe(400)
    expect(JSON.stringify(foreignAgent.data)).toContain('coaching.error.agent')
  })

  test('handing in nothing, or an unconfirmed session', async () => {
    const nothing = await call(
      coaching.action,
      formRequest(
        `/orgs/${org.slug}/quality/coaching`,
        { workProcessCodes: 'TL-K2-W3' },
        { cookie: leaderCookie },
      ),
      { slug: org.slug },
    )
    expect(nothing.status).toBe(400)
    expect(JSON.stringify(nothing.data)).toContain('coaching.error.sessions')
    const unconfirmed = await call(
      coaching.action,
      formRequest(
        `/orgs/${org.slug}/quality/coaching`,
        {
          sessionIds: sessionId,
          workProcessCodes: 'TL-K2-W3',
        },
        { cookie: leaderCookie },
      ),
      { slug: org.slug },
    )
    expect(unconfirmed.status).toBe(400)
    expect(JSON.stringify(unconfirmed.data)).toContain('coaching.error.sessions')
  })
})

describe('the pages work for those in scope', () => {
  test('a session held this morning, logged before noon, is not "in the future"', async () => {
    // 07:30 in Amsterdam: noon of today, the time a date-only session is stored at, is ahead.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-03-10T06:30:00Z'))
    try {
      const logged = await call(
        coachingNew.action,
        formRequest(
          `/orgs/${org.slug}/quality/coaching/new`,
          {
            agentId: agent.id,
            heldAt: '2026-03-10',
            discussed: 'Het eerste gesprek van de dag teruggeluisterd.',
            agreements: 'De vraag samenvatten voor het zoeken.',
          },
          { cookie: leaderCookie },
        ),
        { slug: org.slug },
      )
      expect(logged.status).toBe(302)
      const id = logged.location!.split('/').pop()!
      const { heldAt } = await prisma.coachingSession.findUniqueOrThrow({ where: { id } })
      expect(heldAt.toISOString()).toBe('2026-03-10T06:30:00.000Z')
      // Tomorrow is still refused.
      const tomorrow = await call(
        coachingNew.action,
        formRequest(
          `/orgs/${org.slug}/quality/coaching/new`,
          {
            agentId: agent.id,
            heldAt: '2026-03-11',
            discussed: 'Nog niet gehouden.',
            agreements: 'Nog geen afspraken.',
          },
          { cookie: leaderCookie },
        ),
        { slug: org.slug },
      )
      expect(tomorrow.status).toBe(400)
      expect(JSON.stringify(tomorrow.data)).toContain('coaching.error.heldAtFuture')
    } finally {
      vi.useRealTimers()
    }
  })

  test('the rule page shows a dry run; switching on fires it', async () => {
    const page = await call(
      rulePage.loader,
      getRequest(`/orgs/${org.slug}/quality/rules/${ruleId}`, adminCookie),
      {
        slug: org.slug,
        ruleId,
      },
    )
    expect(page.status).toBe(200)
    const bad = await call(
      rulePage.action,
      formRequest(
        `/orgs/${org.slug}/quality/rules/${ruleId}`,
        { intent: 'explode' },
        { cookie: adminCookie },
      ),
      { slug: org.slug, ruleId },
    )
    expect(bad.status).toBe(400)
    const on = await call(
      rulePage.action,
      formRequest(
        `/orgs/${org.slug}/quality/rules/${ruleId}`,
        { intent: 'enable' },
        { cookie: adminCookie },
      ),
      { slug: org.slug, ruleId },
    )
    expect(on.status).toBe(200)
    expect((await prisma.qualityRule.findUniqueOrThrow({ where: { id: ruleId } })).enabled).toBe(
      true,
    )
  })

  test('the agent confirms, the leader hands in, and the team trend shows', async () => {
    const confirm = await call(
      meCoachingSession.action,
      formRequest(`/coaching/${sessionId}`, { intent: 'confirm' }, { cookie: agent.cookie }),
      { sessionId },
    )
    expect(confirm.status).toBe(200)
    const handIn = await call(
      coaching.action,
      formRequest(
        `/orgs/${org.slug}/quality/coaching`,
        {
          sessionIds: sessionId,
          workProcessCodes: ['TL-K2-W3', 'TL-K1-W3'],
        },
        { cookie: leaderCookie },
      ),
      { slug: org.slug },
    )
    expect(handIn.status).toBe(200)
    expect((handIn.data as { evidenceId: string }).evidenceId).toBeTruthy()
    const team = await call(
      teamTrend.loader,
      getRequest(`/orgs/${org.slug}/quality/teams/${org.teamId}/trend?weeks=2`, leaderCookie),
      { slug: org.slug, teamId: org.teamId },
    )
    expect(team.status).toBe(200)
  })
})
