import { amsterdamDay, now as clockNow } from './clock.server.ts'
import type { JobQueue } from './job-queue.ts'

/** The daily assignment reminders start once Amsterdam's clocks are past this hour. */
export const REMINDER_HOUR = 7

/** The idempotency key of a day's reminder run: one run per Amsterdam date. */
export function reminderKey(date: string) {
  return `assignments.remind:${date}`
}

/**
 * The schedule inside the app, no cron: every instance ticks (every minute) and, once it is
 * past 07:00 in Amsterdam, enqueues today's reminder run under the key of today's date.
 * The key makes every tick after the first a no-op, on every instance: one run per day.
 */
export class DailySchedule {
  private timer?: NodeJS.Timeout

  constructor(
    private readonly queue: JobQueue,
    private readonly now: () => Date = clockNow,
  ) {}

  /** Enqueue what is due today; the new job's id, or null when nothing (new) was due. */
  async tick(): Promise<string | null> {
    const { date, hour } = amsterdamDay(this.now())
    if (hour < REMINDER_HOUR) return null
    return this.queue.enqueue('assignments.remind', { date }, { key: reminderKey(date) })
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
