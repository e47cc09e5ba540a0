import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { drainJobs } from '#app/jobs/index.server.ts'
import * as orgPage from '#app/routes/orgs/$slug/erasure-requests.tsx'
import * as ownPage from '#app/routes/me/erasure.tsx'
import { cookieFor, makeMember, makeOrganisation, makeUser } from '#tests/factories.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'

/** /account/erasure (the person's request) and /orgs/:slug/privacy/erasure-requests (the decision). */
let org: Awaited<ReturnType<typeof makeOrganisation>>
let adminCookie: string
let learner: { id: string; cookie: string }
let otherAdminCookie: string

beforeAll(async () => {
  org = await makeOrganisation()
  adminCookie = await cookieFor((await makeMember(org.id, ['employer_admin'])).user.id)
  const l = await makeMember(org.id, ['learner'])
  learner = { id: l.user.id, cookie: await cookieFor(l.user.id) }
  const other = await makeOrganisation()
  otherAdminCookie = await cookieFor((await makeMember(other.id, ['employer_admin'])).user.id)
})

const own = (fields: Record<string, string>, cookie: string) =>
  call(ownPage.action, formRequest('/account/erasure', fields, { cookie }))
const orgPath = () => `/orgs/${org.slug}/privacy/erasure-requests`
const decide = (fields: Record<string, string>, cookie = adminCookie) =>
  call(orgPage.action, formRequest(orgPath(), fields, { cookie }), { slug: org.slug })
const errorsOf = (outcome: { data: unknown }) =>
  (outcome.data as { result: { error: Record<string, string[]> } }).result.error

describe('erasure requests through the pages', () => {
  test('the person must confirm; then the request waits for their organisation', async () => {
    const unconfirmed = await own({}, learner.cookie)
    expect(unconfirmed.status).toBe(400)
    expect(errorsOf(unconfirmed).confirm).toEqual(['erasure.confirmRequired'])
    expect(await prisma.erasureRequest.count({ where: { userId: learner.id } })).toBe(0)

    expect((await own({ confirm: 'on' }, learner.cookie)).status).toBe(200)
    const again = await own({ confirm: 'on' }, learner.cookie)
    expect(again.status).toBe(400)
    expect(errorsOf(again)['']).toEqual(['erasure.error.open_request'])
    const page = (await call(ownPage.loader, getRequest('/account/erasure', learner.cookie)))
      .data as Awaited<ReturnType<typeof ownPage.loader>>
    expect(page.open).toMatchObject({ status: 'requested' })
  })

  test('only the organisation’s admin decides; rejecting needs a reason', async () => {
    const request = await prisma.erasureRequest.findFirstOrThrow({
      where: { userId: learner.id },
    })
    expect(
      (await call(orgPage.loader, getRequest(orgPath(), otherAdminCookie), { slug: org.slug }))
        .status,
    ).toBe(404)
    expect(
      (await decide({ intent: 'approve', requestId: request.id }, otherAdminCookie)).status,
    ).toBe(404)
    expect(
      (await decide({ intent: 'approve', requestId: request.id }, learner.cookie)).status,
    ).toBe(403)
    const bare = await decide({ intent: 'reject', requestId: request.id, note: 'nee' })
    expect(bare.status).toBe(400)
    expect(errorsOf(bare).note).toEqual(['erasure.noteRequired'])

    const list = (
      await call(orgPage.loader, getRequest(orgPath(), adminCookie), { slug: org.slug })
    ).data as Awaited<ReturnType<typeof orgPage.loader>>
    expect(list.requests).toEqual([
      expect.objectContaining({ id: request.id, status: 'requested', byThePerson: true }),
    ])
    expect(list.candidates.map((c) => c.id)).not.toContain(learner.id)

    expect((await decide({ intent: 'approve', requestId: request.id })).status).toBe(200)
    await drainJobs()
    expect(await prisma.user.findUnique({ where: { id: learner.id } })).toBeNull()
    const after = (
      await call(orgPage.loader, getRequest(orgPath(), adminCookie), { slug: org.slug })
    ).data as Awaited<ReturnType<typeof orgPage.loader>>
    expect(after.requests).toEqual([
      expect.objectContaining({ status: 'done', person: null, requestedBy: null }),
    ])
  })

  test('an admin files a request for a member; a person without an organisation is erased at once', async () => {
    const member = await makeMember(org.id, ['learner'])
    expect((await decide({ intent: 'file', userId: member.user.id })).status).toBe(200)
    expect(
      await prisma.erasureRequest.findFirst({ where: { userId: member.user.id } }),
    ).toMatchObject({
      status: 'requested',
    })
    const stranger = await makeUser('Losse Leerling')
    const outsider = await decide({ intent: 'file', userId: stranger.id })
    expect(outsider.status).toBe(400)
    expect(errorsOf(outsider)['']).toEqual(['erasure.error.not_member'])

    expect((await own({ confirm: 'on' }, await cookieFor(stranger.id))).status).toBe(200)
    await drainJobs()
    expect(await prisma.user.findUnique({ where: { id: stranger.id } })).toBeNull()
  })
})
