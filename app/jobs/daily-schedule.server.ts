import { amsterdamDay, now as clockNow } from './clock.server.ts'
import type { JobQueue } from './job-queue.ts'

/** The daily assignment reminders start once Amsterdam's clocks are past this hour. */
export const REMINDER_HOUR = 7

/** The idempotency key of a day's reminder run: one run per Amsterdam date. */
export function reminderKey(date: string) {
  return `assignments.remind:${date}`
}

/** The idempotency key of a day's clean-up of stale uploads. */
export function uploadCleanupKey(date: string) {
  return `uploads.cleanup:${date}`
}

/** The idempotency key of a day's re-check of erasures that were waiting. */
export function erasureRecheckKey(date: string) {
  return `privacy.erase:due:${date}`
}

/** The idempotency key of a day's retention run (docs/decisions/035-retention.md). */
export function retentionKey(date: string) {
  return `privacy.retention:${date}`
}

/**
 * The schedule inside the app, no cron: every instance ticks (every minute) and, once it is
 * past 07:00 in Amsterdam, enqueues today's daily jobs (the reminders, the clean-up of stale
 * uploads, retention, the re-check of waiting erasures) under keys with today's date. The keys make every tick after the first a no-op,
 * on every instance: one run of each per day.
 */
export class DailySchedule {
  private timer?: NodeJS.Timeout

  constructor(
    private readonly queue: JobQueue,
    private readonly now: () => Date = clockNow,
  ) {}

  /** Enqueue what is due today; the ids of the jobs this tick created (none when done). */
  async tick(): Promise<string[]> {
    const { date, hour } = amsterdamDay(this.now())
    if (hour < REMINDER_HOUR) return []
    const ids = [
      await this.queue.enqueue('assignments.remind', { date }, { key: reminderKey(date) }),
      await this.queue.enqueue('uploads.cleanup', { date }, { key: uploadCleanupKey(date) }),
      await this.queue.enqueue('privacy.erase', { date }, { key: erasureRecheckKey(date) }),
      await this.queue.enqueue('privacy.retention', { date }, { key: retentionKey(date) }),
    ]
    return ids.filter((id): id is string => id !== null)
  }

  start(intervalMs = 60_000) {
    const tick = () => {
      this.tick().catch((error) => console.warn('jobs: schedule tick failed:', error))
    }
    tick()
    this.timer = setInterval(tick, intervalMs)
  }

  stop() {
    clearInterval(this.timer)
    this.timer = undefined
  }
}
