/**
 * The background jobs of a process: what the server calls on start and on shutdown, and
 * what others read (metrics, the admin page). docs/decisions/020-job-queue.md.
 *
 *   await startJobs()   // after the server listens; does nothing when JOBS=off
 *   await stopJobs()    // on SIGTERM, before exit: no new jobs, waits for running ones
 */
import { env } from '#app/env.server.ts'
import { ForwardingSweep } from '#app/integrations/lrs/delivery.server.ts'
import { DailySchedule } from './daily-schedule.server.ts'
import type { JobCounts } from './job-queue.ts'
import { closeJobQueue, jobQueue } from './process-queue.server.ts'
import { createTasks } from './tasks.server.ts'

export { enqueueJob, jobQueue } from './process-queue.server.ts'
export type { JobCounts, JobQueue, JobState, JobSummary } from './job-queue.ts'

let schedule: DailySchedule | undefined
let lrsSweep: ForwardingSweep | undefined
let starting: Promise<void> | undefined

/**
 * Start this process's workers and its daily schedule. Idempotent; with JOBS=off it does
 * nothing (the process still enqueues, other processes run the jobs).
 */
export function startJobs(): Promise<void> {
  if (env.JOBS === 'off') return Promise.resolve()
  starting ??= (async () => {
    const queue = jobQueue()
    await queue.start(createTasks())
    schedule = new DailySchedule(queue)
    schedule.start()
    lrsSweep = new ForwardingSweep()
    lrsSweep.start()
  })()
  return starting
}

/**
 * Stop taking jobs, wait up to timeoutMs for the running ones (a job still running then is
 * given up here and runs again elsewhere once its lock expires), close the connections.
 */
export async function stopJobs(timeoutMs = 20_000) {
  schedule?.stop()
  schedule = undefined
  lrsSweep?.stop()
  lrsSweep = undefined
  await starting?.catch(() => {})
  starting = undefined
  await closeJobQueue(timeoutMs)
}

/** Jobs per state, for the Prometheus metrics. failed: will retry; dead: out of attempts. */
export function jobQueueCounts(): Promise<JobCounts> {
  return jobQueue().counts()
}

/**
 * Run every due job in this process now, until none is left. For tests (no workers run
 * there) and command-line runs; returns how many jobs ran.
 */
export function drainJobs(): Promise<number> {
  return jobQueue().runDue(createTasks())
}
