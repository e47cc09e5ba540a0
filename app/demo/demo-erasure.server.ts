import { prisma } from '#app/db.server.ts'
import { requestErasure } from '#app/privacy/erasure-requests.server.ts'

/**
 * Niels Jacobs of Team Retentie leaves Klantcontact Noord and has asked to have his account
 * erased: a request waiting for the employer's decision, so the demo shows one on
 * /orgs/klantcontact-noord/privacy/erasure-requests. Nothing is erased until someone decides.
 */
export async function seedDemoErasure() {
  const niels = await prisma.user.findUnique({
    where: { email: 'niels.jacobs@noord.demo.test' },
    select: { id: true },
  })
  const noord = await prisma.organisation.findUnique({
    where: { slug: 'klantcontact-noord' },
    select: { id: true },
  })
  if (!niels || !noord) return
  const request = await requestErasure({
    userId: niels.id,
    organisationId: noord.id,
    requestedById: niels.id,
  })
  // Filed three days before the demo starts, as a real request would have been.
  const filed = new Date(Date.now() - 3 * 24 * 3600 * 1000)
  await prisma.erasureRequest.update({ where: { id: request.id }, data: { requestedAt: filed } })
}
