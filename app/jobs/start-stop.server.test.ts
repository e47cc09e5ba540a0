import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { sendEmail } from '#app/email/mailer.server.ts'
import { testEngine } from '#tests/test-database.ts'
import { amsterdamDay } from './clock.server.ts'
import { reminderKey, uploadCleanupKey } from './daily-schedule.server.ts'
import { jobQueue, jobQueueCounts, startJobs, stopJobs } from './index.server.ts'

/** What the server calls: startJobs() runs the workers and the schedule, stopJobs() ends them. */
afterAll(() => stopJobs())

describe(`startJobs and stopJobs (${testEngine})`, () => {
  test('started workers deliver e-mail without anyone waiting; stopped, they take no more', async () => {
    // Today's daily runs are claimed first, for tomorrow: the schedule that startJobs starts
    // then has nothing to add, so no long reminder run can still be busy when the workers stop.
    const { date } = amsterdamDay(new Date())
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000)
    await jobQueue().enqueue(
      'assignments.remind',
      { date },
      { key: reminderKey(date), runAt: tomorrow },
    )
    await jobQueue().enqueue(
      'uploads.cleanup',
      { date },
      { key: uploadCleanupKey(date), runAt: tomorrow },
    )
    await startJobs()
    await startJobs() // idempotent
    const id = await sendEmail({ to: 'werker@example.test', subject: 'Achtergrond', text: 'Hoi' })
    const deadline = Date.now() + 15_000
    while (!(await prisma.email.findUniqueOrThrow({ where: { id } })).sentAt) {
      if (Date.now() > deadline) throw new Error('not delivered by the started workers')
      await new Promise((r) => setTimeout(r, 100))
    }
    await stopJobs(5000)

    const later = await sendEmail({ to: 'werker@example.test', subject: 'Daarna', text: 'Hoi' })
    await new Promise((r) => setTimeout(r, 500))
    expect((await prisma.email.findUniqueOrThrow({ where: { id: later } })).sentAt).toBeNull()
    const queued = await jobQueue().list(['queued'])
    expect(queued.map((j) => j.key)).toContain(`email.deliver:${later}`)
    // (The daily schedule started too: today's runs wait, queued, for tomorrow.)
    expect(await jobQueueCounts()).toMatchObject({ active: 0, dead: 0 })
  }, 30_000)
})
