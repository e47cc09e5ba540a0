import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import * as lrsPage from '#app/routes/orgs/$slug/lrs.tsx'
import { orgTabs } from '#app/routes/orgs/$slug/org-tabs.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { startTestLrs, type TestLrs } from '#tests/lrs-server.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'
import { openLrsSecret } from './secret-box.server.ts'

const SECRET = 'lrs-geheim'
let lrs: TestLrs
let organisation: Awaited<ReturnType<typeof makeOrganisation>>
let other: Awaited<ReturnType<typeof makeOrganisation>>
let admin: string
let otherAdmin: string
let learner: string
let path: string
let params: { slug: string }

beforeAll(async () => {
  lrs = await startTestLrs({ username: 'leerplein', secret: SECRET })
  organisation = await makeOrganisation()
  other = await makeOrganisation()
  path = `/orgs/${organisation.slug}/lrs`
  params = { slug: organisation.slug }
  admin = await cookieFor((await makeMember(organisation.id, ['employer_admin'])).user.id)
  learner = await cookieFor((await makeMember(organisation.id, ['learner'])).user.id)
  otherAdmin = await cookieFor((await makeMember(other.id, ['employer_admin'])).user.id)
})

afterAll(() => lrs.close())

const post = (fields: Record<string, string>, cookie = admin) =>
  call(lrsPage.action, formRequest(path, fields, { cookie }), params)

const fieldErrors = (outcome: { data: unknown }) =>
  (outcome.data as { result: { error: Record<string, string[]> } }).result.error

describe('the organisation’s LRS page', () => {
  test('is a tab for the organisation’s admins only', () => {
    expect(orgTabs('x', ['employer_admin']).map((t) => t.to)).toContain('/orgs/x/lrs')
    expect(orgTabs('x', ['learner']).map((t) => t.to)).not.toContain('/orgs/x/lrs')
  })

  test('answers 400 with field errors: not http(s), credentials in the URL, no secret at first', async () => {
    for (const endpoint of ['ftp://lrs.example.nl/xapi/', 'javascript:alert(1)', 'geen adres']) {
      const bad = await post({ intent: 'save', endpoint, username: 'x', secret: 's' })
      expect(bad.status, endpoint).toBe(400)
      expect(fieldErrors(bad).endpoint).toEqual(['lrsForwarding.badEndpoint'])
    }
    const withCredentials = await post({
      intent: 'save',
      endpoint: 'https://user:pw@lrs.example.nl/xapi/',
      username: 'x',
      secret: 's',
    })
    expect(fieldErrors(withCredentials).endpoint).toEqual(['lrsForwarding.badEndpoint'])
    const noUser = await post({ intent: 'save', endpoint: lrs.endpoint, username: '', secret: 's' })
    expect(noUser.status).toBe(400)
    expect(fieldErrors(noUser).username).toBeTruthy()
    const noSecret = await post({ intent: 'save', endpoint: lrs.endpoint, username: 'leerplein' })
    expect(noSecret.status).toBe(400)
    expect(fieldErrors(noSecret).secret).toEqual(['form.required'])
    expect(await prisma.lrsForwarding.count({ where: { organisationId: organisation.id } })).toBe(0)
  })

  test('stores the secret sealed and never shows it again; the test button asks the LRS', async () => {
    const saved = await post({
      intent: 'save',
      endpoint: lrs.endpoint.replace(/\/$/, ''),
      username: 'leerplein',
      secret: SECRET,
    })
    expect(saved.status).toBe(200)
    expect(JSON.stringify(saved.data)).not.toContain(SECRET)
    const row = await prisma.lrsForwarding.findUniqueOrThrow({
      where: { organisationId: organisation.id },
    })
    // Stored with the trailing slash, the secret sealed (and bound to this organisation).
    expect(row.endpoint).toBe(lrs.endpoint)
    expect(row.secretSealed).not.toContain(SECRET)
    expect(openLrsSecret(organisation.id, row.secretSealed)).toBe(SECRET)
    expect(() => openLrsSecret(other.id, row.secretSealed)).toThrow()

    const page = await call(lrsPage.loader, getRequest(path, admin), params)
    expect(page.status).toBe(200)
    expect(JSON.stringify(page.data)).not.toContain(SECRET)
    expect(JSON.stringify(page.data)).not.toContain(row.secretSealed)
    expect((page.data as { status: { sent: number; waiting: number } }).status).toMatchObject({
      sent: 0,
      waiting: 0,
    })

    // Keeping the secret: an empty field leaves it as it was.
    const kept = await post({ intent: 'save', endpoint: lrs.endpoint, username: 'leerplein' })
    expect(kept.status).toBe(200)

    const tested = await post({ intent: 'test' })
    expect((tested.data as { test: unknown }).test).toMatchObject({
      about: { ok: true, detail: 'xAPI 1.0.3' },
      credentials: { ok: true },
    })

    // A wrong secret: the LRS is there, the credentials are refused, and the page says so.
    await post({ intent: 'save', endpoint: lrs.endpoint, username: 'leerplein', secret: 'fout' })
    const refused = await post({ intent: 'test' })
    expect((refused.data as { test: unknown }).test).toMatchObject({
      about: { ok: true },
      credentials: { ok: false, detail: expect.stringContaining('401') },
    })
    const status = await call(lrsPage.loader, getRequest(path, admin), params)
    expect(JSON.stringify(status.data)).toContain('401')

    // The LRS unreachable: a timely answer, not a hang.
    await lrs.unreachable(true)
    const down = await post({ intent: 'test' })
    expect((down.data as { test: unknown }).test).toMatchObject({
      about: { ok: false, detail: expect.stringContaining('niet bereikbaar') },
    })
    await lrs.unreachable(false)
  })

  test('pause, resume and remove each leave an audit line', async () => {
    expect((await post({ intent: 'disable' })).status).toBe(200)
    expect(
      (await prisma.lrsForwarding.findUniqueOrThrow({ where: { organisationId: organisation.id } }))
        .enabled,
    ).toBe(false)
    expect((await post({ intent: 'enable' })).status).toBe(200)
    expect((await post({ intent: 'delete' })).status).toBe(200)
    expect(await prisma.lrsForwarding.count({ where: { organisationId: organisation.id } })).toBe(0)
    expect((await post({ intent: 'delete' })).status).toBe(404)
    const lines = await prisma.auditEvent.findMany({
      where: { organisationId: organisation.id, subjectType: 'lrs-forwarding' },
      orderBy: { createdAt: 'asc' },
      select: { action: true, detail: true },
    })
    expect(lines.map((l) => l.action)).toEqual([
      'lrs-forwarding.configured',
      'lrs-forwarding.configured',
      'lrs-forwarding.configured',
      'lrs-forwarding.disabled',
      'lrs-forwarding.enabled',
      'lrs-forwarding.deleted',
    ])
    expect(JSON.stringify(lines)).not.toContain(SECRET)
  })

  test('another organisation’s admin and a learner are refused', async () => {
    const sideways = await call(lrsPage.loader, getRequest(path, otherAdmin), params)
    expect([403, 404]).toContain(sideways.status)
    const write = await post(
      { intent: 'save', endpoint: 'https://evil.example/xapi/', username: 'x', secret: 'y' },
      otherAdmin,
    )
    expect([403, 404]).toContain(write.status)
    expect((await call(lrsPage.loader, getRequest(path, learner), params)).status).toBe(403)
    expect((await post({ intent: 'test' }, learner)).status).toBe(403)
    expect(await prisma.lrsForwarding.count({ where: { organisationId: organisation.id } })).toBe(0)
  })
})
