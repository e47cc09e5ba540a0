import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import {
  findPublishedLesson,
  recordCompletion,
  recordQuizAttempt,
} from '#app/domain/progress.server.ts'
import { drainJobs, jobQueue } from '#app/jobs/index.server.ts'
import { learnerAgent } from '#app/xapi/learner-agent.server.ts'
import { makeMember, makeOrganisation, makeOrganisationCourse } from '#tests/factories.ts'
import { retriesDue } from '#tests/job-retries.ts'
import { startTestLrs, type TestLrs } from '#tests/lrs-server.ts'
import {
  forwardPending,
  forwardStatementsSoon,
  sweepForwarding,
  TRIGGER_SLOT_MS,
} from './delivery.server.ts'
import { getForwardingStatus, saveForwarding, setForwardingEnabled } from './forwarding.server.ts'

const WP = ['TL-K2-W1']
let lrs: TestLrs
let orgA: { id: string }
let orgB: { id: string }
let adminA: string
let courseA: { courseId: string; lessonKeys: string[] }
let courseB: { courseId: string; lessonKeys: string[] }

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  lrs = await startTestLrs()
  orgA = await makeOrganisation()
  orgB = await makeOrganisation()
  adminA = (await makeMember(orgA.id, ['employer_admin'])).user.id
  const lessons = Array.from({ length: 6 }, () => ({
    type: 'lesson' as const,
    workProcessCodes: WP,
  }))
  courseA = await makeOrganisationCourse(orgA.id, [
    ...lessons,
    { type: 'quiz', workProcessCodes: WP },
  ])
  courseB = await makeOrganisationCourse(orgB.id, lessons)
  const saved = await saveForwarding({
    organisationId: orgA.id,
    actorId: adminA,
    endpoint: lrs.endpoint,
    username: 'leerplein',
    secret: 'lrs-geheim',
  })
  expect(saved).toEqual({ ok: true })
}, 180_000)

afterAll(() => lrs.close())

const complete = async (userId: string, lessonKey: string) =>
  recordCompletion(userId, (await findPublishedLesson(lessonKey))!, 'done')

/** The triggered jobs run at the end of their slot: let real time get there. */
const slotOver = () =>
  new Promise((resolve) =>
    setTimeout(resolve, TRIGGER_SLOT_MS - (Date.now() % TRIGGER_SLOT_MS) + 20),
  )

/** Drive the queue as a few minutes would: due jobs, then the retries whose back-off is over. */
async function runQueue(rounds = 1) {
  await slotOver()
  for (let i = 0; i < rounds; i++) {
    await drainJobs()
    await retriesDue()
  }
  await drainJobs()
}

const eventIdsOf = async (userIds: string[]) =>
  (
    await prisma.learningEvent.findMany({
      where: { userId: { in: userIds } },
      select: { id: true },
    })
  )
    .map((e) => e.id)
    .sort()

describe('forwarding to an organisation’s own LRS', { timeout: 60_000 }, () => {
  test('the LRS goes down for a while and comes back: every statement arrives exactly once', async () => {
    const a1 = (await makeMember(orgA.id, ['learner'])).user.id
    const a2 = (await makeMember(orgA.id, ['learner'])).user.id
    const b1 = (await makeMember(orgB.id, ['learner'])).user.id

    // Up: what the learners do reaches the LRS through the trigger's job.
    await complete(a1, courseA.lessonKeys[0]!)
    await complete(a2, courseA.lessonKeys[0]!)
    await complete(b1, courseB.lessonKeys[0]!)
    await runQueue()
    expect([...lrs.arrivals.keys()].sort()).toEqual(await eventIdsOf([a1, a2]))

    // Down (connections refused): jobs fail and are retried; events keep being written.
    await lrs.unreachable(true)
    await complete(a1, courseA.lessonKeys[1]!)
    await complete(b1, courseB.lessonKeys[1]!)
    await runQueue(2)
    const failing = await jobQueue().list(['failed'], 50)
    expect(failing.some((j) => j.name === 'lrs.forward')).toBe(true)
    expect((await getForwardingStatus(orgA.id))!.lastError).toMatch(/niet bereikbaar/)

    // Back on its port but answering 503 (maintenance): still nothing gets lost.
    await lrs.unreachable(false)
    lrs.answer503(true)
    await complete(a2, courseA.lessonKeys[1]!)
    const quiz = (await findPublishedLesson(courseA.lessonKeys[6]!))!
    await recordQuizAttempt(a2, quiz, { score: 40, passMark: 70, passed: false, answers: [[0]] })
    await forwardStatementsSoon(a1)
    await runQueue(2)
    const waiting = await getForwardingStatus(orgA.id)
    expect(waiting!.waiting).toBeGreaterThan(0)
    expect(waiting!.lastError).toMatch(/503/)

    // Up again: the retries (and the sweep) deliver the rest.
    lrs.answer503(false)
    await complete(a1, courseA.lessonKeys[2]!)
    await runQueue(2)
    await sweepForwarding(new Date(Date.now() + 10 * 60_000))
    await runQueue()

    const expected = await eventIdsOf([a1, a2])
    expect(expected.length).toBeGreaterThanOrEqual(10)
    expect([...lrs.arrivals.keys()].sort()).toEqual(expected)
    // Exactly once: every id arrived in one request only, and is stored.
    expect([...lrs.arrivals.values()].every((count) => count === 1)).toBe(true)
    expect([...lrs.stored.keys()].sort()).toEqual(expected)
    // Nothing of the other organisation's learner.
    for (const id of await eventIdsOf([b1])) expect(lrs.arrivals.has(id)).toBe(false)
    // The statements carry our ids and the pseudonymous actor.
    const first = lrs.stored.get(expected[0]!) as { actor: unknown; version: string }
    expect([learnerAgent(a1), learnerAgent(a2)]).toContainEqual(first.actor)
    const status = (await getForwardingStatus(orgA.id))!
    expect(status).toMatchObject({ waiting: 0, sent: expected.length + 0, lastError: null })
    expect(status.lastSuccessAt).toBeInstanceOf(Date)
    // A run now finds nothing to send.
    const before = lrs.requests
    expect(await forwardPending(orgA.id)).toBe(0)
    expect(lrs.requests).toBe(before)
  })

  test('a lost answer: the batch goes again, the LRS keeps one copy, no receipt is doubled', async () => {
    const learner = (await makeMember(orgA.id, ['learner'])).user.id
    await complete(learner, courseA.lessonKeys[3]!)
    await runQueue()
    const ids = await eventIdsOf([learner])
    // The LRS took the batch, but our receipts were lost (a crash between answer and commit).
    await prisma.lrsDelivery.deleteMany({
      where: { organisationId: orgA.id, eventId: { in: ids } },
    })
    const storedBefore = lrs.stored.size
    expect(await forwardPending(orgA.id, 2)).toBe(ids.length)
    expect(lrs.stored.size).toBe(storedBefore)
    expect(await prisma.lrsDelivery.count({ where: { eventId: { in: ids } } })).toBe(ids.length)
  })

  test('an id the LRS holds with other content (409) counts as delivered; the rest goes on', async () => {
    const learner = (await makeMember(orgA.id, ['learner'])).user.id
    await setForwardingEnabled(orgA.id, adminA, false)
    await complete(learner, courseA.lessonKeys[4]!)
    const ids = await eventIdsOf([learner])
    lrs.stored.set(ids[0]!, { id: ids[0], verb: 'something else' })
    await setForwardingEnabled(orgA.id, adminA, true)
    await sweepForwarding(new Date(Date.now() + 60 * 60_000))
    await runQueue()
    for (const id of ids.slice(1)) expect(lrs.stored.has(id)).toBe(true)
    expect(await prisma.lrsDelivery.count({ where: { eventId: { in: ids } } })).toBe(ids.length)
  })

  test('a disabled forwarding sends nothing and enqueues nothing', async () => {
    const learner = (await makeMember(orgA.id, ['learner'])).user.id
    await setForwardingEnabled(orgA.id, adminA, false)
    expect(await forwardStatementsSoon(learner)).toBe(0)
    await complete(learner, courseA.lessonKeys[5]!)
    expect(await forwardPending(orgA.id)).toBe(0)
    for (const id of await eventIdsOf([learner])) expect(lrs.arrivals.has(id)).toBe(false)
    await setForwardingEnabled(orgA.id, adminA, true)
  })
})
