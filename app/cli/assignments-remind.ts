/**
 * `npm run assignments:remind`: run today's assignment reminders now, unless they ran today
 * already. The app schedules them itself every day after 07:00 (app/jobs/daily-schedule),
 * so this is for a manual run; it uses the same once-a-day key, so the app will not repeat
 * it. The reminder e-mails are delivered here too, or by the app's workers.
 */
import { prisma } from '#app/db.server.ts'
import { reminderKey } from '#app/jobs/daily-schedule.server.ts'
import { amsterdamDay, now } from '#app/jobs/clock.server.ts'
import { drainJobs, enqueueJob, stopJobs } from '#app/jobs/index.server.ts'

const { date } = amsterdamDay(now())
const id = await enqueueJob('assignments.remind', { date }, { key: reminderKey(date) })
const ran = await drainJobs()
await stopJobs()
await prisma.$disconnect()
console.log(
  id
    ? `assignments:remind: reminders for ${date} run; ${ran} job(s) done here`
    : `assignments:remind: the reminders for ${date} were queued or done already; ${ran} job(s) done here`,
)
