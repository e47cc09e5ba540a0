import { createClient, engineOf, prisma } from '#app/db.server.ts'
import { env } from '#app/env.server.ts'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import type { JobName } from './job-catalog.ts'
import type { EnqueueOptions, JobPayload, JobQueue } from './job-queue.ts'
import { PgBossJobQueue } from './pg-boss-queue.server.ts'
import { SqliteJobQueue } from './sqlite-queue.server.ts'

/**
 * A queue on the database at `url`, on its engine: pg-boss on PostgreSQL, the Job table on
 * SQLite (through `db`, by default the process's Prisma client when `url` is its database).
 */
export function createJobQueue(url: string = env.DATABASE_URL, db?: PrismaClient): JobQueue {
  if (engineOf(url) === 'postgresql') {
    return new PgBossJobQueue({
      url,
      expireSeconds: env.JOB_EXPIRE_SECONDS,
      maintenanceSeconds: env.JOB_MAINTENANCE_SECONDS,
      pollSeconds: env.JOB_POLL_SECONDS,
      keepDays: env.JOB_KEEP_DAYS,
    })
  }
  return new SqliteJobQueue({
    db: db ?? (url === env.DATABASE_URL ? prisma : createClient(url)),
    lockSeconds: env.JOB_EXPIRE_SECONDS,
    pollMs: env.JOB_POLL_SECONDS * 1000,
    keepDays: env.JOB_KEEP_DAYS,
  })
}

let queue: JobQueue | undefined

/** The process's queue on its database, made on first use (enqueueing needs no workers). */
export function jobQueue(): JobQueue {
  return (queue ??= createJobQueue())
}

/** Add a job of the catalog to the process's queue (see JobQueue.enqueue). */
export function enqueueJob(name: JobName, payload: JobPayload, options?: EnqueueOptions) {
  return jobQueue().enqueue(name, payload, options)
}

/** Stop the process's queue (workers, connections), if it was ever used. */
export async function closeJobQueue(timeoutMs?: number) {
  const closing = queue
  queue = undefined
  await closing?.stop(timeoutMs)
}
