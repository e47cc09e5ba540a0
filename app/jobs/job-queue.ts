/**
 * The one job queue interface of the app (docs/decisions/020-job-queue.md). Two engines
 * implement it: pg-boss on PostgreSQL (pg-boss-queue.server.ts) and our own runner over the
 * Job table on SQLite (sqlite-queue.server.ts). Delivery is at least once: a handler must be
 * idempotent, because a job whose worker died runs again.
 */

/** queued: waiting (or scheduled later); active: running; failed: failed, will retry;
 *  dead: out of attempts (an admin may retry it); completed: done (kept for a while). */
export type JobState = 'queued' | 'active' | 'failed' | 'dead' | 'completed'
export const JOB_STATES: readonly JobState[] = ['queued', 'active', 'failed', 'dead', 'completed']

export type JobPayload = Record<string, unknown>

export type EnqueueOptions = {
  /**
   * The idempotency key: while a job with this key exists (in any state, until it is
   * pruned after JOB_KEEP_DAYS), a second enqueue with it does nothing. Default: a new key.
   */
  key?: string
  /** Not before this moment. */
  runAt?: Date
  /** How often the job is tried in all, the first run included (default from the catalog). */
  attempts?: number
  /** Seconds before the first retry; doubles with each further one (default from the catalog). */
  backoffSeconds?: number
}

export type JobSummary = {
  id: string
  name: string
  key: string | null
  state: JobState
  /** Runs started so far. */
  attempts: number
  maxAttempts: number
  lastError: string | null
  createdAt: Date
  /** When it runs (next): the scheduled time or the retry time. */
  runAt: Date
  completedAt: Date | null
}

export type JobCounts = { queued: number; active: number; failed: number; dead: number }

/** What a job runs. A throw fails the attempt: the queue retries with back-off, then gives up. */
export type JobHandler = (payload: JobPayload, job: { id: string; name: string }) => Promise<void>
export type JobHandlers = Record<string, JobHandler>

export interface JobQueue {
  readonly engine: 'sqlite' | 'postgresql'
  /** Add a job; null when a job with the same key exists already. */
  enqueue(name: string, payload: JobPayload, options?: EnqueueOptions): Promise<string | null>
  /** Start workers for these handlers (one job at a time per name in this process). */
  start(handlers: JobHandlers): Promise<void>
  /** Stop taking jobs; wait for running ones up to timeoutMs; release connections. */
  stop(timeoutMs?: number): Promise<void>
  /**
   * Run every job that is due now, in this process, until none is left (a failed one waits
   * for its back-off). For tests and command-line runs without workers; returns how many ran.
   */
  runDue(handlers: JobHandlers): Promise<number>
  /** The newest jobs in these states, newest first. */
  list(states: readonly JobState[], limit?: number): Promise<JobSummary[]>
  counts(): Promise<JobCounts>
  /** Give a dead job one more attempt now; false when there is no dead job with this id. */
  retry(id: string): Promise<boolean>
}

/** The delay before retry number `retry` (1 for the first): backoff · 2^(retry−1) seconds. */
export function backoffMs(backoffSeconds: number, retry: number) {
  return backoffSeconds * 1000 * 2 ** Math.min(16, Math.max(0, retry - 1))
}
