import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { orgTabs } from '#app/routes/orgs/$slug/org-tabs.ts'
import * as page from '#app/routes/orgs/$slug/retention.tsx'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'
import { DEFAULT_RETENTION } from './retention-policy.ts'

/** /orgs/:slug/privacy/retention: the org admin's periods, dry run and legal holds. */
let org: Awaited<ReturnType<typeof makeOrganisation>>
let admin: string
let learnerCookie: string
let learnerId: string
let strangerId: string
let otherAdmin: string

beforeAll(async () => {
  org = await makeOrganisation()
  const a = await makeMember(org.id, ['employer_admin'])
  admin = await cookieFor(a.user.id)
  const learner = await makeMember(org.id, ['learner'])
  learnerId = learner.user.id
  learnerCookie = await cookieFor(learnerId)
  const other = await makeOrganisation()
  strangerId = (await makeMember(other.id, ['learner'])).user.id
  otherAdmin = await cookieFor((await makeMember(other.id, ['employer_admin'])).user.id)
})

const path = () => `/orgs/${org.slug}/privacy/retention`
const post = (fields: Record<string, string>, cookie = admin) =>
  call(page.action, formRequest(path(), fields, { cookie }), { slug: org.slug })
const load = async (cookie = admin) =>
  call(page.loader, getRequest(path(), cookie), { slug: org.slug })
type PageData = Awaited<ReturnType<typeof page.loader>>
const errorsOf = (outcome: { data: unknown }) =>
  (outcome.data as { result: { error: Record<string, string[]> } }).result.error
const periods = { ...DEFAULT_RETENTION }
const asFields = (p: Record<string, number | string>) =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)]))

describe('/orgs/:slug/privacy/retention', () => {
  test('is for the organisation’s admins; another organisation’s admin gets a 404', async () => {
    expect(orgTabs('x', ['employer_admin']).map((t) => t.to)).toContain('/orgs/x/privacy')
    expect(orgTabs('x', ['team_leader']).map((t) => t.to)).not.toContain('/orgs/x/privacy')
    expect((await load(learnerCookie)).status).toBe(403)
    expect((await post({ intent: 'save', ...asFields(periods) }, learnerCookie)).status).toBe(403)
    expect((await load(otherAdmin)).status).toBe(404)
    expect(
      (await post({ intent: 'hold', userId: learnerId, reason: 'x' }, otherAdmin)).status,
    ).toBe(404)
  })

  test('shows the defaults, nothing to go and no holds for a new organisation', async () => {
    const outcome = await load()
    expect(outcome.status).toBe(200)
    const data = outcome.data as PageData
    expect(data.policy).toEqual({ periods: DEFAULT_RETENTION, isDefault: true })
    expect(Object.values(data.tonight.counts).every((n) => n === 0)).toBe(true)
    expect(data.holds).toEqual([])
    expect(data.candidates.map((c) => c.id)).toContain(learnerId)
    expect(data.candidates.map((c) => c.id)).not.toContain(strangerId)
  })

  test('bad periods are a 400 with field errors; good ones are stored', async () => {
    const bad = await post({
      intent: 'save',
      ...asFields({ ...periods, examEvidenceMonths: 'achttien', kpiMonths: 0 }),
      learningEventMonths: '2.5',
      evaluationMonths: '121',
    })
    expect(bad.status).toBe(400)
    expect(errorsOf(bad)).toMatchObject({
      examEvidenceMonths: ['retention.wholeMonths'],
      learningEventMonths: ['retention.wholeMonths'],
      evaluationMonths: ['retention.tooLong'],
      kpiMonths: ['retention.tooShort'],
    })
    expect(await prisma.retentionPolicy.count({ where: { organisationId: org.id } })).toBe(0)

    const good = await post({ intent: 'save', ...asFields({ ...periods, kpiMonths: 12 }) })
    expect(good.status).toBe(200)
    expect((good.data as { done: string }).done).toBe('retention.saved')
    expect((await load()).data as PageData).toMatchObject({
      policy: { periods: { ...periods, kpiMonths: 12 }, isDefault: false },
    })
  })

  test('a hold needs a reason and one of the organisation’s people; it can be lifted', async () => {
    const noReason = await post({ intent: 'hold', userId: learnerId, reason: ' ' })
    expect(noReason.status).toBe(400)
    expect(errorsOf(noReason)).toMatchObject({ reason: ['legalHold.reasonTooShort'] })
    const stranger = await post({ intent: 'hold', userId: strangerId, reason: 'Geschil' })
    expect(stranger.status).toBe(400)
    expect(errorsOf(stranger)).toMatchObject({ userId: ['legalHold.notMember'] })

    expect(
      (await post({ intent: 'hold', userId: learnerId, reason: 'Bezwaar proeve' })).status,
    ).toBe(200)
    const data = (await load()).data as PageData
    expect(data.holds).toMatchObject([{ userId: learnerId, reason: 'Bezwaar proeve' }])
    expect(data.candidates.map((c) => c.id)).not.toContain(learnerId)

    expect((await post({ intent: 'lift', holdId: 'not-a-hold' })).status).toBe(404)
    expect((await post({ intent: 'lift', holdId: data.holds[0]!.id })).status).toBe(200)
    expect(((await load()).data as PageData).holds).toEqual([])
  })
})
