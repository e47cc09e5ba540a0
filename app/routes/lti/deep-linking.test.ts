import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { cookieFor, makeMember } from '#tests/factories.ts'
import { deepLinkingWorld, WORK_PROCESS } from '#tests/lti-deep-linking-fixtures.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'
import * as page from './deep-linking.tsx'

let world: Awaited<ReturnType<typeof deepLinkingWorld>>
let cookie: string

beforeAll(async () => {
  world = await deepLinkingWorld()
  cookie = await cookieFor(world.teacher.user.id)
}, 180_000)
afterAll(() => world.platform.close())

const path = (id: string) => `/lti/deep-linking/${id}`
const open = (id: string, as = cookie) =>
  call(page.loader, getRequest(path(id), as), { requestId: id })
const submit = (id: string, pick: string | string[], as = cookie) =>
  call(page.action, formRequest(path(id), { pick }, { cookie: as }), { requestId: id })

type Answer = { state: string; returnUrl: string; jwt: string; platformName: string }
type Invalid = { state: 'invalid'; result: { error: Record<string, string[]> } }

describe('the deep-linking page', () => {
  test('without a session it says to start again from the platform (401)', async () => {
    const request = await world.request()
    const outcome = await open(request.id, '')
    expect(outcome.status).toBe(401)
    expect(outcome.data).toEqual({ state: 'refused', reason: 'signed-out' })
    expect((await submit(request.id, 'course:tl-k2-coachen', '')).status).toBe(401)
  })

  test('shows the catalogue of the platform organisation to its teacher', async () => {
    const request = await world.request()
    const outcome = await open(request.id)
    expect(outcome.status).toBe(200)
    const data = outcome.data as { state: string; courses: Array<{ id: string }> }
    expect(data.state).toBe('open')
    const ids = data.courses.map((c) => c.id)
    expect(ids).toContain(world.ownCourse.courseId)
    expect(ids).not.toContain(world.otherCourse.courseId)
  })

  test("another teacher's, an expired and an answered request are refused", async () => {
    const stranger = await makeMember(world.own.id, ['trainer'])
    const request = await world.request()
    expect((await open(request.id, await cookieFor(stranger.user.id))).status).toBe(404)
    const expired = await world.request({ expiresAt: new Date(Date.now() - 1000) })
    expect(await open(expired.id)).toMatchObject({
      status: 410,
      data: { state: 'refused', reason: 'expired' },
    })
    expect((await submit(expired.id, 'course:tl-k2-coachen')).status).toBe(410)
  })

  test('the choice goes to the platform once; a second submit is refused', async () => {
    const request = await world.request()
    const wp = `work-process-lessons:${WORK_PROCESS.dossierSlug}/${WORK_PROCESS.code}`
    const outcome = await submit(request.id, [wp, 'course:tl-k2-coachen'])
    expect(outcome.status).toBe(200)
    const answer = outcome.data as Answer
    expect(answer).toMatchObject({
      state: 'answered',
      returnUrl: world.moodle.returnUrl,
      platformName: 'Moodle ROC Test',
    })
    const before = world.moodle.received.length
    expect(await world.postToPlatform(answer.returnUrl, answer.jwt)).toMatchObject({ status: 200 })
    const placed = world.moodle.received[before]!.items
    expect(placed.map((i) => i.custom?.leerplein_target)).toContain('course:tl-k2-coachen')
    expect(placed.length).toBeGreaterThan(2)

    const again = await submit(request.id, 'course:tl-k2-coachen')
    expect(again).toMatchObject({ status: 410, data: { state: 'refused', reason: 'used' } })
    expect((await open(request.id)).status).toBe(410)
  })

  test('bad input answers 400 with the reason, and leaves the request open', async () => {
    const request = await world.request({ acceptMultiple: false })
    const nothing = await call(page.action, formRequest(path(request.id), {}, { cookie }), {
      requestId: request.id,
    })
    expect(nothing.status).toBe(400)
    expect((nothing.data as Invalid).result.error).toEqual({ pick: ['ltiDeepLinking.pickOne'] })

    const garbage = await submit(request.id, 'javascript:alert(1)')
    expect(garbage.status).toBe(400)

    const foreign = `course:${world.otherCourse.courseId}`
    const refused = await submit(request.id, foreign)
    expect(refused.status).toBe(400)
    expect((refused.data as Invalid).result.error['']).toEqual([
      `Dit onderdeel staat niet in jouw catalogus: ${foreign}`,
    ])

    const two = await submit(request.id, [
      'course:tl-k2-coachen',
      `work-process:${WORK_PROCESS.dossierSlug}/${WORK_PROCESS.code}`,
    ])
    expect(two.status).toBe(400)
    expect((two.data as Invalid).result.error['']![0]).toContain('accepteert hier één onderdeel')

    // Still open: one item goes through.
    const one = await submit(request.id, 'course:tl-k2-coachen')
    expect(one).toMatchObject({ status: 200, data: { state: 'answered' } })
  })
})
