/**
 * `npm run assignments:remind`: e-mail everyone whose assignment is overdue or due within
 * three days, in every organisation, at most once a day per assignment. Run it daily (cron).
 */
import { sendReminders } from '#app/employer/assignments.server.ts'
import { prisma } from '#app/db.server.ts'

const sent = await sendReminders(null)
await prisma.$disconnect()
console.log(`assignments:remind: ${sent} reminder(s) sent`)
