import { afterAll, describe, expect, test } from 'vitest'
import PgBoss from 'pg-boss'
import { createClient, prisma } from '#app/db.server.ts'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { testEngine } from '#tests/test-database.ts'
import type { JobHandlers, JobQueue, JobSummary } from './job-queue.ts'
import { PgBossJobQueue } from './pg-boss-queue.server.ts'
import { SqliteJobQueue } from './sqlite-queue.server.ts'

/**
 * The queue on the engine under test, with real databases: several queue objects on this
 * file's database stand for several app instances (or one instance and its restart).
 */
const clients: PrismaClient[] = []
const queues: JobQueue[] = []

function makeQueue(expireSeconds = 30): JobQueue {
  const url = process.env.DATABASE_URL!
  let queue: JobQueue
  if (testEngine === 'postgresql') {
    queue = new PgBossJobQueue({
      url,
      expireSeconds,
      maintenanceSeconds: 1,
      pollSeconds: 0.5,
      keepDays: 14,
    })
  } else {
    const db = createClient(url)
    clients.push(db)
    queue = new SqliteJobQueue({ db, lockSeconds: expireSeconds, pollMs: 100, keepDays: 14 })
  }
  queues.push(queue)
  return queue
}

afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop(1000)))
  await Promise.all(clients.map((c) => c.$disconnect()))
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, ms = 15_000) {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`waitFor: timed out (${JSON.stringify(value)})`)
    await sleep(100)
  }
}

async function jobWithKey(queue: JobQueue, key: string): Promise<JobSummary | undefined> {
  const all = await queue.list(['queued', 'active', 'failed', 'dead', 'completed'], 1000)
  return all.find((j) => j.key === key)
}

describe(`the job queue (${testEngine})`, () => {
  test('enqueueing twice with one key makes one job, on one instance and across two', async () => {
    const a = makeQueue()
    const b = makeQueue()
    const first = await a.enqueue('test.once', { n: 1 }, { key: 'once:1' })
    expect(first).toBeTruthy()
    expect(await a.enqueue('test.once', { n: 2 }, { key: 'once:1' })).toBeNull()
    expect(await b.enqueue('test.once', { n: 3 }, { key: 'once:1' })).toBeNull()
    // At the same moment on both: one wins.
    const racing = await Promise.all([
      a.enqueue('test.once', {}, { key: 'once:2' }),
      b.enqueue('test.once', {}, { key: 'once:2' }),
    ])
    expect(racing.filter(Boolean)).toHaveLength(1)

    const payloads: unknown[] = []
    await a.runDue({ 'test.once': async (p) => void payloads.push(p) })
    expect(payloads).toEqual([{ n: 1 }, {}])
    // The key still holds once the job is done.
    expect(await b.enqueue('test.once', { n: 4 }, { key: 'once:1' })).toBeNull()
    expect(await b.runDue({ 'test.once': async (p) => void payloads.push(p) })).toBe(0)
    expect((await jobWithKey(a, 'once:1'))?.state).toBe('completed')
  })

  test('a failing job is retried with growing back-off, then dead; an admin retry runs it again', async () => {
    const queue = makeQueue()
    const attempts: number[] = []
    let fail = true
    const handlers: JobHandlers = {
      'test.flaky': async () => {
        attempts.push(Date.now())
        if (fail) throw new Error(`mail server said no (${attempts.length})`)
      },
    }
    const id = (await queue.enqueue(
      'test.flaky',
      {},
      { key: 'flaky', attempts: 3, backoffSeconds: 1 },
    ))!
    expect(await queue.runDue(handlers)).toBe(1)
    const afterFirst = await jobWithKey(queue, 'flaky')
    expect(afterFirst).toMatchObject({ state: 'failed', attempts: 1, maxAttempts: 3 })
    expect(afterFirst!.lastError).toContain('mail server said no (1)')
    // Not due before its back-off.
    expect(await queue.runDue(handlers)).toBe(0)

    const dead = await waitFor(async () => {
      await queue.runDue(handlers)
      const job = await jobWithKey(queue, 'flaky')
      return job?.state === 'dead' && job
    }, 20_000)
    expect(dead).toMatchObject({ id, attempts: 3, maxAttempts: 3 })
    expect(dead.lastError).toContain('mail server said no (3)')
    expect(attempts).toHaveLength(3)
    const [t1, t2, t3] = attempts as [number, number, number]
    expect(t2 - t1).toBeGreaterThanOrEqual(900)
    expect(t3 - t2).toBeGreaterThanOrEqual(1900)
    expect(await queue.counts()).toMatchObject({ dead: 1, failed: 0 })

    // An admin retries the dead job: it runs once more, now successfully.
    expect(await queue.retry('no-such-job')).toBe(false)
    fail = false
    expect(await queue.retry(id)).toBe(true)
    expect(await queue.retry(id)).toBe(false)
    expect(await queue.runDue(handlers)).toBe(1)
    expect((await jobWithKey(queue, 'flaky'))?.state).toBe('completed')
    expect(attempts).toHaveLength(4)
    expect(await queue.counts()).toMatchObject({ dead: 0, failed: 0, queued: 0, active: 0 })
  }, 40_000)

  test('a later run-at waits; started workers pick jobs up, and stop waits for the running one', async () => {
    const queue = makeQueue()
    expect(
      await queue.enqueue('test.later', {}, { key: 'later', runAt: new Date(Date.now() + 60_000) }),
    ).toBeTruthy()
    expect(await queue.runDue({ 'test.later': async () => {} })).toBe(0)
    expect((await jobWithKey(queue, 'later'))?.state).toBe('queued')

    const done: string[] = []
    let release!: () => void
    const released = new Promise<void>((r) => (release = r))
    await queue.start({
      'test.work': async (p) => {
        if (p.slow) await released
        done.push(String(p.n))
      },
    })
    await queue.enqueue('test.work', { n: 1 }, { key: 'work:1' })
    await waitFor(async () => done.includes('1'))
    await queue.enqueue('test.work', { n: 2, slow: true }, { key: 'work:2' })
    await waitFor(async () => (await jobWithKey(queue, 'work:2'))?.state === 'active')
    const stopping = queue.stop(10_000)
    await sleep(300)
    expect(done).toEqual(['1'])
    release()
    await stopping
    expect(done).toEqual(['1', '2'])
  }, 30_000)

  test.runIf(testEngine === 'sqlite')(
    'a job whose worker was killed (its lock ran out) runs again after a restart',
    async () => {
      const queue = makeQueue()
      const id = (await queue.enqueue('test.crash', { n: 1 }, { key: 'crash' }))!
      // What a process killed mid-job leaves behind: the job active, locked until the past.
      await prisma.job.update({
        where: { id },
        data: {
          state: 'active',
          attempts: 1,
          lockedBy: 'killed-host:1234:dead',
          lockedUntil: new Date(Date.now() - 1000),
        },
      })
      // A lock still valid is left alone (its worker may be alive).
      const other = (await queue.enqueue('test.crash', { n: 2 }, { key: 'crash:alive' }))!
      await prisma.job.update({
        where: { id: other },
        data: {
          state: 'active',
          attempts: 1,
          lockedBy: 'alive',
          lockedUntil: new Date(Date.now() + 60_000),
        },
      })
      const ran: unknown[] = []
      const restarted = makeQueue()
      expect(await restarted.runDue({ 'test.crash': async (p) => void ran.push(p) })).toBe(1)
      expect(ran).toEqual([{ n: 1 }])
      expect(await jobWithKey(queue, 'crash')).toMatchObject({ state: 'completed', attempts: 2 })
      expect((await jobWithKey(queue, 'crash:alive'))?.state).toBe('active')
    },
  )

  test.runIf(testEngine === 'postgresql')(
    'a job whose instance died mid-job is run by another instance once it expires',
    async () => {
      const queue = makeQueue(2)
      const id = await queue.enqueue('test.crash', { n: 1 }, { key: 'crash', backoffSeconds: 1 })
      // Another instance claims the job and is killed: pg-boss on its own, fetching the job
      // (now active) and closing without finishing or failing it, as SIGKILL would.
      const killed = new PgBoss({ connectionString: process.env.DATABASE_URL!, supervise: false })
      await killed.start()
      const [claimed] = await killed.fetch('test.crash')
      expect(claimed?.id).toBe(id)
      await killed.stop({ graceful: false, close: true })
      expect((await jobWithKey(queue, 'crash'))?.state).toBe('active')

      const ran: unknown[] = []
      const started = Date.now()
      await queue.start({ 'test.crash': async (p) => void ran.push(p) })
      const completed = await waitFor(async () => {
        const job = await jobWithKey(queue, 'crash')
        return job?.state === 'completed' && job
      }, 20_000)
      expect(ran).toEqual([{ n: 1 }])
      expect(completed).toMatchObject({ id, attempts: 2 })
      expect(Date.now() - started).toBeLessThan(15_000)
    },
    30_000,
  )
})
