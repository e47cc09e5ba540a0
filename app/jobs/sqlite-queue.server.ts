import { randomUUID } from 'node:crypto'
import os from 'node:os'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import { policyOf } from './job-catalog.ts'
import { WorkerLoops } from './worker-loops.server.ts'
import {
  backoffMs,
  type EnqueueOptions,
  type JobCounts,
  type JobHandlers,
  type JobPayload,
  type JobQueue,
  type JobState,
  type JobSummary,
} from './job-queue.ts'

export type SqliteQueueOptions = {
  db: PrismaClient
  /** How long a claimed job stays locked without a heartbeat: a killed worker's job runs again after it. */
  lockSeconds: number
  /** How often an idle worker looks for a due job. */
  pollMs: number
  /** Completed jobs (and with them their keys) are removed after this many days. */
  keepDays: number
}

type JobRow = {
  id: string
  name: string
  key: string
  payload: string
  state: string
  attempts: number
  maxAttempts: number
  backoffSeconds: number
  runAt: Date
  lockedUntil: Date | null
  lastError: string | null
  createdAt: Date
  updatedAt: Date
  completedAt: Date | null
}

const PRUNE_EVERY_MS = 10 * 60_000

/**
 * The job queue on SQLite: an in-process runner over the Job table, for one instance (the
 * SQLite setup has one). A worker claims a job with one conditional update (SQLite writes
 * one at a time, so two workers never both win), keeps its lock alive while the handler
 * runs, and a lock that ran out (the process was killed) makes the job due again.
 */
export class SqliteJobQueue implements JobQueue {
  readonly engine = 'sqlite'
  private readonly workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  private readonly workers: WorkerLoops
  private lastPrune = 0

  constructor(private readonly options: SqliteQueueOptions) {
    this.workers = new WorkerLoops(options.pollMs)
  }

  private get db() {
    return this.options.db
  }

  async enqueue(name: string, payload: JobPayload, options: EnqueueOptions = {}) {
    const policy = policyOf(name)
    try {
      const job = await this.db.job.create({
        data: {
          name,
          key: options.key ?? `${name}:${randomUUID()}`,
          payload: JSON.stringify(payload),
          maxAttempts: options.attempts ?? policy.attempts,
          backoffSeconds: options.backoffSeconds ?? policy.backoffSeconds,
          runAt: options.runAt ?? new Date(),
        },
        select: { id: true },
      })
      this.workers.wake()
      return job.id
    } catch (error) {
      if (isUniqueViolation(error)) return null
      throw error
    }
  }

  async start(handlers: JobHandlers) {
    for (const [name, handler] of Object.entries(handlers)) {
      this.workers.start(name, () => this.runOne([name], { [name]: handler }))
    }
  }

  stop(timeoutMs = 30_000) {
    return this.workers.stop(timeoutMs)
  }

  async runDue(handlers: JobHandlers) {
    let ran = 0
    while (await this.runOne(Object.keys(handlers), handlers)) ran++
    return ran
  }

  /** Claim one due job of these names and run it; false when none was due. */
  private async runOne(names: string[], handlers: JobHandlers) {
    await this.releaseExpiredLocks()
    const job = await this.claim(names)
    if (!job) return false
    const handler = handlers[job.name]!
    const heartbeat = setInterval(
      () => {
        this.db.job
          .updateMany({
            where: { id: job.id, lockedBy: this.workerId, state: 'active' },
            data: { lockedUntil: this.lockUntil() },
          })
          .catch(() => {})
      },
      Math.max(500, (this.options.lockSeconds * 1000) / 3),
    )
    try {
      await handler(JSON.parse(job.payload) as JobPayload, { id: job.id, name: job.name })
      await this.db.job.updateMany({
        where: { id: job.id, lockedBy: this.workerId, state: 'active' },
        data: { state: 'completed', completedAt: new Date(), lockedBy: null, lockedUntil: null },
      })
    } catch (error) {
      await this.failAttempt(job, error instanceof Error ? error.message : String(error))
    } finally {
      clearInterval(heartbeat)
    }
    return true
  }

  private lockUntil() {
    return new Date(Date.now() + this.options.lockSeconds * 1000)
  }

  private async claim(names: string[]): Promise<JobRow | null> {
    for (;;) {
      const now = new Date()
      const next = await this.db.job.findFirst({
        where: { name: { in: names }, state: { in: ['queued', 'failed'] }, runAt: { lte: now } },
        orderBy: [{ runAt: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, state: true, attempts: true },
      })
      if (!next) return null
      // Only the worker whose update still sees the job as it was wins it.
      const { count } = await this.db.job.updateMany({
        where: { id: next.id, state: next.state, attempts: next.attempts },
        data: {
          state: 'active',
          attempts: { increment: 1 },
          lockedBy: this.workerId,
          lockedUntil: this.lockUntil(),
        },
      })
      if (count === 1) return this.db.job.findUniqueOrThrow({ where: { id: next.id } })
    }
  }

  private async failAttempt(job: JobRow, message: string) {
    const dead = job.attempts >= job.maxAttempts
    await this.db.job.updateMany({
      where: { id: job.id, lockedBy: this.workerId, state: 'active' },
      data: {
        state: dead ? 'dead' : 'failed',
        lastError: message.slice(0, 2000),
        runAt: dead
          ? job.runAt
          : new Date(Date.now() + backoffMs(job.backoffSeconds, job.attempts)),
        lockedBy: null,
        lockedUntil: null,
      },
    })
  }

  /** Jobs whose worker stopped beating (killed, crashed): due again, or dead when out of attempts. */
  private async releaseExpiredLocks() {
    const now = new Date()
    const stale = await this.db.job.findMany({
      where: { state: 'active', lockedUntil: { lt: now } },
    })
    for (const job of stale) {
      const dead = job.attempts >= job.maxAttempts
      await this.db.job.updateMany({
        where: { id: job.id, state: 'active', lockedUntil: job.lockedUntil },
        data: {
          state: dead ? 'dead' : 'failed',
          lastError: 'the worker stopped before finishing (lock expired)',
          runAt: now,
          lockedBy: null,
          lockedUntil: null,
        },
      })
    }
    if (+now - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = +now
      await this.db.job.deleteMany({
        where: {
          state: 'completed',
          completedAt: { lt: new Date(+now - this.options.keepDays * 86400_000) },
        },
      })
    }
  }

  async list(states: readonly JobState[], limit = 100): Promise<JobSummary[]> {
    const rows = await this.db.job.findMany({
      where: { state: { in: [...states] } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    })
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      key: r.key,
      state: r.state as JobState,
      attempts: r.attempts,
      maxAttempts: r.maxAttempts,
      lastError: r.lastError,
      createdAt: r.createdAt,
      runAt: r.runAt,
      completedAt: r.completedAt,
    }))
  }

  async counts(): Promise<JobCounts> {
    const groups = await this.db.job.groupBy({ by: ['state'], _count: { _all: true } })
    const of = (state: JobState) => groups.find((g) => g.state === state)?._count._all ?? 0
    return { queued: of('queued'), active: of('active'), failed: of('failed'), dead: of('dead') }
  }

  async retry(id: string) {
    const job = await this.db.job.findUnique({ where: { id }, select: { attempts: true } })
    if (!job) return false
    const { count } = await this.db.job.updateMany({
      where: { id, state: 'dead' },
      data: { state: 'queued', runAt: new Date(), maxAttempts: job.attempts + 1 },
    })
    if (count === 1) this.workers.wake()
    return count === 1
  }
}
