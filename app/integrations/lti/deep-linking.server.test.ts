import { generateKeyPairSync } from 'node:crypto'
import jwt from 'jsonwebtoken'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { TOP_STEP } from '#app/domain/progress-rules.ts'
import { env } from '#app/env.server.ts'
import { makeMember } from '#tests/factories.ts'
import {
  CLIENT_ID,
  deepLinkingWorld,
  DEPLOYMENT_ID,
  WORK_PROCESS,
} from '#tests/lti-deep-linking-fixtures.ts'
import { CLAIM } from './claims.ts'
import { DeepLinkingChoiceSchema, type DeepLinkingPick } from './deep-linking-choice.ts'
import { deepLinkingCatalogue, deepLinkingResponse } from './deep-linking.server.ts'

let world: Awaited<ReturnType<typeof deepLinkingWorld>>
const WP_REF = `${WORK_PROCESS.dossierSlug}/${WORK_PROCESS.code}`

beforeAll(async () => {
  world = await deepLinkingWorld()
}, 180_000)
afterAll(() => world.platform.close())

/** The teacher's choice, from form values as the page sends them. */
const choice = (...picks: string[]) => DeepLinkingChoiceSchema.parse({ pick: picks })

async function answer(picks: string[], extra?: Parameters<typeof world.request>[0]) {
  const request = await world.request(extra)
  return {
    request,
    answer: await deepLinkingResponse(request.id, world.teacher.user.id, choice(...picks)),
  }
}

describe('the catalogue', () => {
  test("shows platform-wide courses and the platform organisation's own, never another's", async () => {
    const request = await world.request()
    const catalogue = await deepLinkingCatalogue(request.id, world.teacher.user.id)
    if (!catalogue.ok) throw new Error(catalogue.reason)
    const ids = catalogue.courses.map((c) => c.id)
    expect(ids).toContain('tl-k2-coachen')
    expect(ids).toContain(world.ownCourse.courseId)
    expect(ids).not.toContain(world.otherCourse.courseId)
    expect(catalogue.request).toMatchObject({
      acceptMultiple: true,
      platformName: 'Moodle ROC Test',
    })

    // Each course with its lessons; each work process with the visible lessons that train it.
    const own = catalogue.courses.find((c) => c.id === world.ownCourse.courseId)!
    expect(own.lessons.map((l) => l.lessonKey)).toEqual(world.ownCourse.lessonKeys)
    const wp = catalogue.dossiers
      .flatMap((d) => d.workProcesses)
      .find((w) => w.code === WORK_PROCESS.code)!
    const lessonKeys = wp.lessons.map((l) => l.lessonKey)
    expect(lessonKeys).toEqual(expect.arrayContaining(world.ownCourse.lessonKeys))
    expect(wp.lessons.some((l) => l.courseId === 'tl-k2-coachen')).toBe(true)
    expect(lessonKeys).not.toContain(world.otherCourse.lessonKeys[0])
    // Every work process of the dossier is offered as a page, trained by a lesson or not.
    const tl = catalogue.dossiers.find((d) => d.slug === WORK_PROCESS.dossierSlug)!
    const newest = await prisma.dossier.findFirstOrThrow({
      where: { slug: WORK_PROCESS.dossierSlug },
      orderBy: { version: 'desc' },
      select: { _count: { select: { workProcesses: true } } },
    })
    expect(tl.workProcesses).toHaveLength(newest._count.workProcesses)
  })

  test("another person's, an expired and a used request are refused", async () => {
    const stranger = await makeMember(world.own.id, ['trainer'])
    const mine = await world.request()
    expect(await deepLinkingCatalogue(mine.id, stranger.user.id)).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(await deepLinkingCatalogue('no-such-request', world.teacher.user.id)).toEqual({
      ok: false,
      reason: 'not-found',
    })
    const expired = await world.request({ expiresAt: new Date(Date.now() - 1000) })
    expect(await deepLinkingCatalogue(expired.id, world.teacher.user.id)).toEqual({
      ok: false,
      reason: 'expired',
    })
    const response = await deepLinkingResponse(
      expired.id,
      world.teacher.user.id,
      choice('course:tl-k2-coachen'),
    )
    expect(response).toEqual({ ok: false, reason: 'expired' })
    expect(
      await deepLinkingResponse(mine.id, stranger.user.id, choice('course:tl-k2-coachen')),
    ).toEqual({ ok: false, reason: 'not-found' })
    // A return URL that is no web address (a launch must not let one through) is never used.
    const scripted = await prisma.ltiDeepLinkingRequest.update({
      where: { id: (await world.request()).id },
      data: { returnUrl: 'javascript:alert(1)' },
    })
    expect(await deepLinkingCatalogue(scripted.id, world.teacher.user.id)).toEqual({
      ok: false,
      reason: 'not-found',
    })
    // Nothing was claimed by the refusals.
    expect(
      (await prisma.ltiDeepLinkingRequest.findUnique({ where: { id: mine.id } }))?.usedAt,
    ).toBeNull()
  })
})

describe('the response', () => {
  test('a lesson becomes one resource link the platform accepts', async () => {
    const lessonKey = world.ownCourse.lessonKeys[0]!
    const { answer: result } = await answer([`lesson:${world.ownCourse.courseId}/${lessonKey}`])
    if (!result.ok) throw new Error(result.reason)
    expect(result.returnUrl).toBe(world.moodle.returnUrl)
    const ref = `lesson:${world.ownCourse.courseId}/${lessonKey}`
    expect(result.items).toEqual([
      {
        type: 'ltiResourceLink',
        title: 'Les 1',
        text: `Eigen cursus ${world.ownCourse.courseId}`,
        url: new URL(`/courses/${world.ownCourse.courseId}/${lessonKey}`, env.PUBLIC_URL).href,
        lineItem: { scoreMaximum: 1, label: 'Les 1', resourceId: ref, tag: 'leerplein' },
        custom: { leerplein_target: ref },
      },
    ])

    // The platform verifies it with its own library against our published keys.
    const before = world.moodle.received.length
    const posted = await world.postToPlatform(result.returnUrl, result.jwt)
    expect(posted).toMatchObject({ status: 200 })
    expect(world.moodle.received.slice(before)).toEqual([{ items: result.items }])
    const claims = jwt.decode(result.jwt) as Record<string, unknown>
    expect(claims).toMatchObject({
      iss: CLIENT_ID,
      aud: world.platform.issuer,
      [CLAIM.messageType]: 'LtiDeepLinkingResponse',
      [CLAIM.version]: '1.3.0',
      [CLAIM.deploymentId]: DEPLOYMENT_ID,
      [CLAIM.deepLinkingData]: world.moodle.data,
    })
  })

  test('a course scores its lessons; a work process page scores the ladder steps', async () => {
    const { answer: result } = await answer(['course:tl-k2-coachen', `work-process:${WP_REF}`])
    if (!result.ok) throw new Error(result.reason)
    const lessons = await prisma.lesson.count({
      where: { courseVersion: { currentOf: { id: 'tl-k2-coachen' } } },
    })
    expect(result.items.map((i) => [i.custom.leerplein_target, i.lineItem.scoreMaximum])).toEqual([
      ['course:tl-k2-coachen', lessons],
      [`work-process:${WP_REF}`, TOP_STEP],
    ])
    expect(result.items[1]!.url).toBe(new URL(`/work-processes/${WP_REF}`, env.PUBLIC_URL).href)
    expect(await world.postToPlatform(result.returnUrl, result.jwt)).toMatchObject({ status: 200 })
  })

  test('"all lessons of a work process" places one link per visible lesson, once each', async () => {
    const request = await world.request()
    const catalogue = await deepLinkingCatalogue(request.id, world.teacher.user.id)
    if (!catalogue.ok) throw new Error(catalogue.reason)
    const expected = catalogue.dossiers
      .flatMap((d) => d.workProcesses)
      .find((w) => w.code === WORK_PROCESS.code)!
      .lessons.map((l) => `lesson:${l.courseId}/${l.lessonKey}`)
    const ownLesson = `lesson:${world.ownCourse.courseId}/${world.ownCourse.lessonKeys[0]}`
    // A lesson picked on its own as well is placed only once.
    const result = await deepLinkingResponse(
      request.id,
      world.teacher.user.id,
      choice(`work-process-lessons:${WP_REF}`, ownLesson),
    )
    if (!result.ok) throw new Error(result.reason)
    expect(result.items.map((i) => i.custom.leerplein_target)).toEqual(expected)
    expect(result.items.every((i) => i.lineItem.scoreMaximum === 1)).toBe(true)
    expect(await world.postToPlatform(result.returnUrl, result.jwt)).toMatchObject({ status: 200 })
  })

  test('a response tampered with in transit is refused by the platform', async () => {
    const { answer: result } = await answer(['course:tl-k2-coachen'])
    if (!result.ok) throw new Error(result.reason)
    const [header, payload, signature] = result.jwt.split('.')
    // One character of the payload changed: a score maximum of 9 instead of the real one.
    const json = Buffer.from(payload!, 'base64url').toString()
    const changed = json.replace(
      /"scoreMaximum":(\d)/,
      (_, d: string) => `"scoreMaximum":${d === '9' ? '8' : '9'}`,
    )
    expect(changed).not.toBe(json)
    const tampered = [header, Buffer.from(changed).toString('base64url'), signature].join('.')
    const refused = await world.postToPlatform(result.returnUrl, tampered)
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('invalid signature')

    // Signed again with another key under our kid: not ours, refused as well.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const kid = (jwt.decode(result.jwt, { complete: true })!.header as { kid: string }).kid
    const forged = jwt.sign(JSON.parse(changed) as object, privateKey, {
      algorithm: 'RS256',
      keyid: kid,
    })
    const forgedAnswer = await world.postToPlatform(result.returnUrl, forged)
    expect(forgedAnswer.status).toBe(400)
    expect(forgedAnswer.text).toContain('invalid signature')

    // The real one still goes through.
    expect(await world.postToPlatform(result.returnUrl, result.jwt)).toMatchObject({ status: 200 })
  })

  test('a request is answered once: a second submit is refused', async () => {
    const { request, answer: first } = await answer(['course:tl-k2-coachen'])
    expect(first.ok).toBe(true)
    const again = await deepLinkingResponse(
      request.id,
      world.teacher.user.id,
      choice('course:tl-k2-coachen'),
    )
    expect(again).toEqual({ ok: false, reason: 'used' })
    // Two submits at the same moment: exactly one gets the response.
    const racing = await world.request()
    const both = await Promise.all(
      [1, 2].map(() =>
        deepLinkingResponse(racing.id, world.teacher.user.id, choice('course:tl-k2-coachen')),
      ),
    )
    expect(both.filter((a) => a.ok)).toHaveLength(1)
    expect(both.find((a) => !a.ok)).toEqual({ ok: false, reason: 'used' })
  })

  test('one item only: two items are refused, the request stays open for one', async () => {
    const request = await world.request({ acceptMultiple: false })
    const userId = world.teacher.user.id
    expect(
      await deepLinkingResponse(
        request.id,
        userId,
        choice('course:tl-k2-coachen', `work-process:${WP_REF}`),
      ),
    ).toEqual({ ok: false, reason: 'one-item-only', count: 2, platformName: 'Moodle ROC Test' })
    expect(
      await deepLinkingResponse(request.id, userId, choice(`work-process-lessons:${WP_REF}`)),
    ).toMatchObject({ ok: false, reason: 'one-item-only' })
    const single = await deepLinkingResponse(request.id, userId, choice('course:tl-k2-coachen'))
    expect(single).toMatchObject({
      ok: true,
      items: [{ custom: { leerplein_target: 'course:tl-k2-coachen' } }],
    })
  })

  test("another organisation's or an unknown item is refused by name; nothing is claimed", async () => {
    const request = await world.request()
    const userId = world.teacher.user.id
    const foreign = `course:${world.otherCourse.courseId}`
    const picks: Array<[string, string]> = [
      [foreign, foreign],
      [`lesson:${world.otherCourse.courseId}/${world.otherCourse.lessonKeys[0]}`, ''],
      ['lesson:tl-k2-coachen/no-such-lesson', ''],
      [`work-process:${WORK_PROCESS.dossierSlug}/TL-K9-W9`, ''],
      [`work-process-lessons:${WORK_PROCESS.dossierSlug}/TL-K9-W9`, ''],
    ]
    for (const [pick] of picks) {
      expect(
        await deepLinkingResponse(request.id, userId, choice('course:tl-k2-coachen', pick)),
      ).toEqual({
        ok: false,
        reason: 'unknown-pick',
        pick,
      })
    }
    expect(
      (await prisma.ltiDeepLinkingRequest.findUnique({ where: { id: request.id } }))?.usedAt,
    ).toBeNull()
  })

  test('the form schema refuses what is not a pick', () => {
    const parse = (pick: unknown) => DeepLinkingChoiceSchema.safeParse({ pick })
    expect(parse([]).success).toBe(false)
    expect(parse(undefined).success).toBe(false)
    for (const bad of [
      'course:',
      'lesson:a',
      'work-process:a',
      'page:x',
      'course:../x',
      'course:a b',
    ]) {
      expect(parse([bad]).success, bad).toBe(false)
    }
    expect(parse(Array.from({ length: 101 }, () => 'course:x')).success).toBe(false)
    const picks: DeepLinkingPick[] = parse(['lesson:c/l', 'work-process-lessons:d/TL-K1-W1']).data!
      .pick
    expect(picks).toEqual([
      { kind: 'target', target: { kind: 'lesson', courseId: 'c', lessonKey: 'l' } },
      { kind: 'work-process-lessons', dossierSlug: 'd', code: 'TL-K1-W1' },
    ])
  })
})
