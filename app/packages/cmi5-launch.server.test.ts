import validate from '@learninglocker/xapi-validation'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { learnerAgent } from '#app/xapi/learner-agent.server.ts'
import {
  AU_ID,
  ORIGIN,
  fetchAuth,
  launchCmi5,
  makeCmi5Lesson,
  type Cmi5Lesson,
} from '#tests/cmi5-fixtures.ts'
import { makeUser } from '#tests/factories.ts'
import { cmi5Fetch, xapi, type Json } from '#tests/xapi-client.ts'
import {
  CMI5_CATEGORY,
  CMI5_EXTENSIONS,
  CMI5_VERBS,
  MOVEON_CATEGORY,
} from './cmi5-statements.server.ts'

const independentValidator = ((validate as unknown as { default?: unknown }).default ??
  validate) as (statement: unknown) => unknown[]

let cmi5: Cmi5Lesson
beforeAll(async () => {
  await importDossierFolder()
  cmi5 = await makeCmi5Lesson({ workProcessCodes: ['TL-K2-W1'] })
}, 120_000)

const stepOf = async (userId: string, code: string) =>
  (
    await prisma.workProcessStatus.findUnique({
      where: {
        userId_dossierSlug_workProcessCode: {
          userId,
          dossierSlug: 'contactcenter-teamleider',
          workProcessCode: code,
        },
      },
    })
  )?.step ?? 0

/** Statements of a registration as the LRS holds them, oldest first. */
async function held(registration: string) {
  const rows = await prisma.learningEvent.findMany({
    where: { registration },
    orderBy: [{ storedAt: 'asc' }, { id: 'asc' }],
    select: { statement: true },
  })
  return rows.map((r) => JSON.parse(r.statement!) as Json)
}

async function au(userId: string, lesson = cmi5) {
  const launched = await launchCmi5(userId, lesson)
  const auth = await fetchAuth(launched.launch.fetchToken!)
  const statement = (verb: string, extra: Record<string, unknown> = {}) => ({
    actor: learnerAgent(userId),
    verb: { id: verb, display: { 'en-US': verb.split('/').at(-1) } },
    object: { objectType: 'Activity', id: AU_ID },
    context: {
      registration: launched.attempt.registration,
      contextActivities: { category: [{ id: CMI5_CATEGORY }, { id: MOVEON_CATEGORY }] },
      extensions: { [CMI5_EXTENSIONS.sessionId]: launched.launch.launchId },
    },
    ...extra,
  })
  const send = (body: unknown) => xapi('POST', 'statements', { auth, body })
  return { ...launched, auth, statement, send }
}

describe('launching a cmi5 AU', () => {
  test('the launch URL carries endpoint, fetch, registration, activityId and actor; LaunchData is written', async () => {
    const user = await makeUser()
    const { url, attempt, launch, auth } = await au(user.id)
    const launchUrl = new URL(url)
    expect(`${launchUrl.origin}${launchUrl.pathname}`).toBe(
      `${ORIGIN}/package-content/${launch.contentToken}/index.html`,
    )
    expect(launchUrl.searchParams.get('endpoint')).toBe(`${ORIGIN}/xapi/`)
    expect(launchUrl.searchParams.get('fetch')).toBe(
      `${ORIGIN}/xapi/cmi5/fetch/${launch.fetchToken}`,
    )
    expect(launchUrl.searchParams.get('registration')).toBe(attempt.registration)
    expect(launchUrl.searchParams.get('activityId')).toBe(AU_ID)
    expect(JSON.parse(launchUrl.searchParams.get('actor')!)).toEqual(learnerAgent(user.id))
    // URL-encoded per cmi5: no raw JSON braces or colons in the query.
    expect(launchUrl.search).not.toMatch(/[{}"]/)

    const agent = encodeURIComponent(JSON.stringify(learnerAgent(user.id)))
    const launchData = await xapi(
      'GET',
      `activities/state?activityId=${encodeURIComponent(AU_ID)}&agent=${agent}&registration=${attempt.registration}&stateId=LMS.LaunchData`,
      { auth },
    )
    expect(launchData.status).toBe(200)
    expect(launchData.json).toEqual({
      contextTemplate: {
        registration: attempt.registration,
        contextActivities: { grouping: [{ objectType: 'Activity', id: AU_ID }] },
        extensions: { [CMI5_EXTENSIONS.sessionId]: launch.launchId },
      },
      launchMode: 'Normal',
      moveOn: 'CompletedAndPassed',
      masteryScore: 0.8,
      launchParameters: '{"modus":"oefenen"}',
      returnURL: `${ORIGIN}/lessons/${cmi5.lesson.lessonKey}`,
    })
    const [launched] = await held(attempt.registration)
    expect(launched!.verb.id).toBe(CMI5_VERBS.launched)
    expect(launched!.context.extensions[CMI5_EXTENSIONS.launchMode]).toBe('Normal')
    expect(launched!.context.extensions[CMI5_EXTENSIONS.masteryScore]).toBe(0.8)
    expect(independentValidator(launched)).toEqual([])
  })

  test('the fetch URL gives the credential once; the second call gets cmi5 error 1', async () => {
    const user = await makeUser()
    const { launch } = await launchCmi5(user.id, cmi5)
    const preflight = await cmi5Fetch(launch.fetchToken!, 'OPTIONS')
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(
      await prisma.packageLaunch.count({ where: { id: launch.launchId, fetchedAt: null } }),
    ).toBe(1)
    const first = await cmi5Fetch(launch.fetchToken!)
    expect(first.status).toBe(200)
    expect(first.headers.get('Access-Control-Allow-Origin')).toBe('*')
    const token = first.json['auth-token'] as string
    expect(Buffer.from(token, 'base64').toString()).toMatch(new RegExp(`^${launch.launchId}:`))
    const row = await prisma.packageLaunch.findUniqueOrThrow({ where: { id: launch.launchId } })
    expect(row.fetchedAt).not.toBeNull()
    expect(row.xapiTokenHash).toMatch(/^[0-9a-f]{64}$/)
    const second = await cmi5Fetch(launch.fetchToken!)
    expect(second.json).toEqual({ 'error-code': '1', 'error-text': expect.any(String) })
    expect((await xapi('GET', 'statements', { auth: `Basic ${token}` })).status).toBe(200)
  })
})

test('an AU with moveOn NotApplicable is satisfied at its first launch, once', async () => {
  const lesson = await makeCmi5Lesson({ moveOn: 'NotApplicable', identifier: `${AU_ID}-na` })
  const user = await makeUser()
  const first = await launchCmi5(user.id, lesson)
  await launchCmi5(user.id, lesson)
  const verbs = (await held(first.attempt.registration)).map((s) => s.verb.id)
  expect(verbs.filter((v) => v === CMI5_VERBS.satisfied)).toHaveLength(1)
  expect(verbs.slice(0, 2)).toEqual([CMI5_VERBS.launched, CMI5_VERBS.satisfied])
})

describe('judging the AU by the cmi5 rules', () => {
  test('launched → initialized → completed → passed → terminated: satisfied, the attempt ends, the ladder moves', async () => {
    const user = await makeUser()
    const { send, statement, attempt } = await au(user.id)
    expect(await stepOf(user.id, 'TL-K2-W1')).toBe(0)
    expect((await send(statement(CMI5_VERBS.initialized))).status).toBe(200)
    expect(
      (
        await send(
          statement(CMI5_VERBS.completed, { result: { completion: true, duration: 'PT4M' } }),
        )
      ).status,
    ).toBe(200)
    const afterCompleted = await prisma.packageAttempt.findUniqueOrThrow({
      where: { id: attempt.id },
    })
    expect(afterCompleted.completion).toBe('completed')
    expect(await stepOf(user.id, 'TL-K2-W1')).toBe(0) // the trainer's rule here is "passed"
    expect(
      (
        await send(
          statement(CMI5_VERBS.passed, { result: { success: true, score: { scaled: 0.9 } } }),
        )
      ).status,
    ).toBe(200)
    expect(await stepOf(user.id, 'TL-K2-W1')).toBeGreaterThan(0)
    expect(
      (await send(statement(CMI5_VERBS.terminated, { result: { duration: 'PT5M' } }))).status,
    ).toBe(200)
    const ended = await prisma.packageAttempt.findUniqueOrThrow({ where: { id: attempt.id } })
    expect(ended).toMatchObject({ completion: 'completed', success: 'passed', score: 90 })
    expect(ended.endedAt).not.toBeNull()
    const verbs = (await held(attempt.registration)).map((s) => s.verb.id)
    expect(verbs).toEqual([
      CMI5_VERBS.launched,
      CMI5_VERBS.initialized,
      CMI5_VERBS.completed,
      CMI5_VERBS.passed,
      CMI5_VERBS.satisfied,
      CMI5_VERBS.terminated,
    ])
    for (const s of await held(attempt.registration)) expect(independentValidator(s)).toEqual([])
    // Nothing after terminated.
    expect((await send(statement('http://adlnet.gov/expapi/verbs/experienced'))).status).toBe(403)
    // The lesson is completed like one of our own (an event in the log, once).
    expect(
      await prisma.learningEvent.count({
        where: { userId: user.id, verb: 'completed', lessonKey: cmi5.lesson.lessonKey },
      }),
    ).toBe(1)
  })

  test('the first statement must be initialized; LMS-only verbs are refused', async () => {
    const user = await makeUser()
    const { send, statement } = await au(user.id)
    expect(
      (await send(statement(CMI5_VERBS.completed, { result: { completion: true } }))).status,
    ).toBe(403)
    for (const verb of [
      CMI5_VERBS.launched,
      CMI5_VERBS.satisfied,
      CMI5_VERBS.waived,
      CMI5_VERBS.abandoned,
    ])
      expect((await send(statement(verb))).status).toBe(403)
    expect((await send(statement(CMI5_VERBS.initialized))).status).toBe(200)
    expect((await send(statement(CMI5_VERBS.initialized))).status).toBe(403)
  })

  test('two "completed" sent at the same moment: one is stored, the other refused', async () => {
    // The judge reads the registration's statements; without a lock both requests would read
    // "not completed yet" and both be stored.
    const user = await makeUser()
    const { send, statement, attempt } = await au(user.id)
    await send(statement(CMI5_VERBS.initialized))
    const completed = () => statement(CMI5_VERBS.completed, { result: { completion: true } })
    const answers = await Promise.all([send(completed()), send(completed()), send(completed())])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 403, 403])
    const verbs = (await held(attempt.registration)).map((s) => s.verb.id)
    expect(verbs.filter((v) => v === CMI5_VERBS.completed)).toHaveLength(1)
  })

  test('completed once; passed/failed must agree with success and the mastery score', async () => {
    const user = await makeUser()
    const { send, statement, launch } = await au(user.id)
    await send(statement(CMI5_VERBS.initialized))
    expect(
      (await send(statement(CMI5_VERBS.completed, { result: { completion: true } }))).status,
    ).toBe(200)
    expect(
      (await send(statement(CMI5_VERBS.completed, { result: { completion: true } }))).status,
    ).toBe(403)
    expect(
      (
        await send(
          statement(CMI5_VERBS.passed, { result: { success: true, score: { scaled: 0.5 } } }),
        )
      ).status,
    ).toBe(400)
    expect(
      (
        await send(
          statement(CMI5_VERBS.passed, { result: { success: false, score: { scaled: 0.9 } } }),
        )
      ).status,
    ).toBe(400)
    expect(
      (
        await send(
          statement(CMI5_VERBS.failed, { result: { success: false, score: { scaled: 0.9 } } }),
        )
      ).status,
    ).toBe(400)
    expect(
      (
        await send(
          statement(CMI5_VERBS.failed, { result: { success: false, score: { scaled: 0.4 } } }),
        )
      ).status,
    ).toBe(200)
    expect(await stepOf(user.id, 'TL-K2-W1')).toBe(0)
    // Another session's id, or another object, in a cmi5 defined statement: refused.
    const foreign = statement(CMI5_VERBS.passed, {
      result: { success: true, score: { scaled: 0.9 } },
    })
    foreign.context.extensions[CMI5_EXTENSIONS.sessionId] = `${launch.launchId}-x`
    expect((await send(foreign)).status).toBe(403)
    expect(
      (
        await send(
          statement(CMI5_VERBS.passed, {
            result: { success: true, score: { scaled: 0.9 } },
            object: { id: `${AU_ID}/x` },
          }),
        )
      ).status,
    ).toBe(403)
  })

  test('a new launch of the registration abandons the session that never terminated, and its credential dies', async () => {
    const user = await makeUser()
    const first = await au(user.id)
    await first.send(first.statement(CMI5_VERBS.initialized))
    const second = await au(user.id)
    expect(second.attempt.registration).toBe(first.attempt.registration)
    const verbs = (await held(first.attempt.registration)).map((s) => [
      s.verb.id,
      s.context.extensions[CMI5_EXTENSIONS.sessionId],
    ])
    expect(verbs).toContainEqual([CMI5_VERBS.abandoned, first.launch.launchId])
    expect(
      (await first.send(first.statement('http://adlnet.gov/expapi/verbs/experienced'))).status,
    ).toBe(401)
    expect((await second.send(second.statement(CMI5_VERBS.initialized))).status).toBe(200)
  })
})
