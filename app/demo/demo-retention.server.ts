import { prisma } from '#app/db.server.ts'
import { saveRetentionPolicy } from '#app/privacy/retention.server.ts'
import { DEFAULT_RETENTION } from '#app/privacy/retention-policy.ts'

/**
 * Klantcontact Noord has set its own retention periods, as an employer does on its retention
 * page: the defaults, with KPI weeks kept for a year (they are context for coaching, not a
 * record). The demo's history is half a year old at most, so the nightly run deletes nothing
 * of it. CallForce keeps the defaults without a row, the way most organisations start.
 */
export async function seedDemoRetention() {
  const employer = await prisma.user.findUnique({
    where: { email: 'werkgever@noord.demo.test' },
    select: { id: true },
  })
  const noord = await prisma.organisation.findUnique({
    where: { slug: 'klantcontact-noord' },
    select: { id: true },
  })
  if (!employer || !noord) return
  await saveRetentionPolicy(noord.id, { ...DEFAULT_RETENTION, kpiMonths: 12 }, employer.id)
}
