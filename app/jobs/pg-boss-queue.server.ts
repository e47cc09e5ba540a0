import { randomUUID } from 'node:crypto'
import PgBoss from 'pg-boss'
import pg from 'pg'
import { survivingConnectionErrors } from '#app/utils/pg-pool-errors.server.ts'
import { policyOf } from './job-catalog.ts'
import { WorkerLoops } from './worker-loops.server.ts'
import type {
  EnqueueOptions,
  JobCounts,
  JobHandler,
  JobHandlers,
  JobPayload,
  JobQueue,
  JobState,
  JobSummary,
} from './job-queue.ts'

export type PgBossQueueOptions = {
  url: string
  /** An active job whose worker has not finished it after this long is failed and retried. */
  expireSeconds: number
  /** How often this instance fails expired jobs (pg-boss maintenance). */
  maintenanceSeconds: number
  /** How often an idle worker asks for a job. */
  pollSeconds: number
  /** Idempotency keys are kept this many days. */
  keepDays: number
}

const SCHEMA = 'pgboss'
/** pg-boss's names for our states. */
const BOSS_STATE: Record<JobState, string> = {
  queued: 'created',
  active: 'active',
  failed: 'retry',
  dead: 'failed',
  completed: 'completed',
}
const OUR_STATE = Object.fromEntries(Object.entries(BOSS_STATE).map(([a, b]) => [b, a])) as Record<
  string,
  JobState
>
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type BossJobRow = {
  id: string
  name: string
  singleton_key: string | null
  state: string
  retry_count: number
  retry_limit: number
  last_error: string | null
  created_on: Date
  start_after: Date
  started_on: Date | null
  completed_on: Date | null
}

/**
 * The job queue on PostgreSQL: pg-boss 10, shared by every instance on the database.
 * pg-boss dedupes by key only while a job is queued or active, so the idempotency key is
 * claimed in our JobKey table in the same transaction that inserts the job: it holds for
 * completed jobs too (a daily job runs once a day, however often it is enqueued).
 * A job whose worker was killed stays active until it expires (expireSeconds); the next
 * maintenance run of any instance then fails it, and pg-boss retries it.
 */
export class PgBossJobQueue implements JobQueue {
  readonly engine = 'postgresql'
  private readonly pool: pg.Pool
  private readonly boss: PgBoss
  private started?: Promise<void>
  private readonly queues = new Map<string, Promise<void>>()
  private maintenance?: NodeJS.Timeout
  private lastPrune = 0
  private closed = false
  private readonly workers: WorkerLoops

  constructor(private readonly options: PgBossQueueOptions) {
    this.workers = new WorkerLoops(options.pollSeconds * 1000)
    // allowExitOnIdle: a command-line run that only enqueued (setup's demo data) still ends.
    // A connection that breaks (server restart, network) must not crash the process.
    this.pool = survivingConnectionErrors(
      new pg.Pool({ connectionString: options.url, max: 4, allowExitOnIdle: true }),
      'jobs',
    )
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => this.pool.query(text, values) },
      schema: SCHEMA,
      // Maintenance and monitoring run on our own timer (start), only in worker processes.
      supervise: false,
      schedule: false,
      migrate: true,
    })
    this.boss.on('error', (error) => console.warn('jobs: pg-boss:', error))
  }

  /** Install or upgrade pg-boss's schema (once per process; pg-boss locks against races). */
  private ready() {
    this.started ??= this.boss.start().then(() => undefined)
    return this.started
  }

  private queue(name: string) {
    let created = this.queues.get(name)
    if (!created) {
      const policy = policyOf(name)
      created = this.ready().then(() =>
        this.boss.createQueue(name, {
          name,
          policy: 'standard',
          retryLimit: policy.attempts - 1,
          retryDelay: policy.backoffSeconds,
          retryBackoff: true,
          expireInSeconds: this.options.expireSeconds,
        }),
      )
      created.catch(() => this.queues.delete(name))
      this.queues.set(name, created)
    }
    return created
  }

  async enqueue(name: string, payload: JobPayload, options: EnqueueOptions = {}) {
    await this.queue(name)
    const policy = policyOf(name)
    const id = randomUUID()
    const key = options.key ?? `${name}:${id}`
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const claimed = await client.query(
        'INSERT INTO "JobKey" ("key", "name", "jobId") VALUES ($1, $2, $3) ON CONFLICT ("key") DO NOTHING',
        [key, name, id],
      )
      if (claimed.rowCount === 0) {
        await client.query('ROLLBACK')
        return null
      }
      await this.boss.send(name, payload, {
        id,
        singletonKey: key,
        startAfter: options.runAt,
        retryLimit: (options.attempts ?? policy.attempts) - 1,
        retryDelay: options.backoffSeconds ?? policy.backoffSeconds,
        retryBackoff: true,
        expireInSeconds: this.options.expireSeconds,
        db: { executeSql: (text, values) => client.query(text, values) },
      })
      await client.query('COMMIT')
      // This instance's idle workers look at once; other instances on their next poll.
      this.workers.wake()
      return id
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  /**
   * One worker loop per queue, ours rather than pg-boss's `work()`: pg-boss records a job's
   * outcome without awaiting it, so a database cut off at that moment became an unhandled
   * rejection that killed the server (tests/operations.test.ts). Here every query is awaited;
   * a failure is logged and the loop asks again after the poll interval. A job whose outcome
   * could not be recorded stays active until it expires, and maintenance then retries it.
   */
  async start(handlers: JobHandlers) {
    await this.ready()
    for (const [name, handler] of Object.entries(handlers)) {
      await this.queue(name)
      this.workers.start(name, () => this.runOne(name, handler))
    }
    this.maintenance ??= setInterval(() => {
      this.maintain().catch((error) => console.warn('jobs: maintenance failed:', error))
    }, this.options.maintenanceSeconds * 1000)
  }

  /** Take one job of this queue and run it, recording its outcome; false when none was due. */
  private async runOne(name: string, handler: JobHandler) {
    const [job] = await this.boss.fetch<JobPayload>(name, { batchSize: 1 })
    if (!job) return false
    let failure: unknown
    let timer: NodeJS.Timeout | undefined
    try {
      // A handler that hangs must not hold its queue: past the expiry it counts as failed.
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`did not finish within ${this.options.expireSeconds} s`)),
          this.options.expireSeconds * 1000,
        )
      })
      await Promise.race([handler(job.data ?? {}, { id: job.id, name: job.name }), expired])
    } catch (error) {
      failure = error
    } finally {
      clearTimeout(timer)
    }
    if (failure === undefined) await this.boss.complete(name, job.id)
    else {
      const output = failure instanceof Error ? failure : { value: failure }
      await this.boss.fail(name, job.id, output)
    }
    return true
  }

  /** Fail expired jobs (they retry), archive and drop old ones, forget old keys. */
  private async maintain() {
    await this.boss.expire()
    if (Date.now() - this.lastPrune > 10 * 60_000) {
      this.lastPrune = Date.now()
      await this.boss.maintain()
      await this.pool.query(
        `DELETE FROM "JobKey" WHERE "createdAt" < now() - make_interval(days => $1)`,
        [this.options.keepDays],
      )
    }
  }

  async stop(timeoutMs = 30_000) {
    if (this.closed) return
    this.closed = true
    clearInterval(this.maintenance)
    this.maintenance = undefined
    // Running jobs may finish; one still running at the timeout expires later and is retried.
    await this.workers.stop(timeoutMs)
    if (this.started) {
      await this.started.catch(() => {})
      await this.boss.stop({ graceful: false, close: false })
    }
    await this.pool.end()
  }

  async runDue(handlers: JobHandlers) {
    await this.ready()
    await this.boss.expire()
    let ran = 0
    for (let busy = true; busy;) {
      busy = false
      for (const [name, handler] of Object.entries(handlers)) {
        await this.queue(name)
        if (await this.runOne(name, handler)) {
          busy = true
          ran++
        }
      }
    }
    return ran
  }

  async list(states: readonly JobState[], limit = 100): Promise<JobSummary[]> {
    await this.ready()
    const { rows } = await this.pool.query<BossJobRow>(
      `SELECT id, name, singleton_key, state, retry_count, retry_limit,
              COALESCE(output->>'message', output->'value'->>'message') AS last_error,
              created_on, start_after, started_on, completed_on
         FROM ${SCHEMA}.job
        WHERE state::text = ANY($1::text[])
        ORDER BY created_on DESC, id DESC
        LIMIT $2`,
      [states.map((s) => BOSS_STATE[s]), limit],
    )
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      key: r.singleton_key,
      state: OUR_STATE[r.state]!,
      attempts: r.started_on ? r.retry_count + 1 : 0,
      maxAttempts: r.retry_limit + 1,
      // A completed job's output is its result, not an error.
      lastError: r.state === 'completed' ? null : r.last_error,
      createdAt: r.created_on,
      runAt: r.start_after,
      completedAt: r.completed_on,
    }))
  }

  async counts(): Promise<JobCounts> {
    await this.ready()
    const { rows } = await this.pool.query<{ state: string; count: string }>(
      `SELECT state::text AS state, count(*) AS count FROM ${SCHEMA}.job GROUP BY state`,
    )
    const of = (state: JobState) =>
      Number(rows.find((r) => r.state === BOSS_STATE[state])?.count ?? 0)
    return { queued: of('queued'), active: of('active'), failed: of('failed'), dead: of('dead') }
  }

  async retry(id: string) {
    if (!UUID.test(id)) return false
    await this.ready()
    const { rows } = await this.pool.query<{ name: string }>(
      `SELECT name FROM ${SCHEMA}.job WHERE id = $1 AND state = 'failed'`,
      [id],
    )
    const name = rows[0]?.name
    if (!name) return false
    await this.boss.retry(name, id)
    const after = await this.pool.query(
      `SELECT 1 FROM ${SCHEMA}.job WHERE id = $1 AND state = 'retry'`,
      [id],
    )
    return after.rowCount === 1
  }
}
