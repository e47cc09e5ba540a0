/**
 * Setup for e2e/lrs-forwarding.spec.ts, run in a child process against the e2e server's
 * database: the organisation's LRS connection to the spec's loopback test LRS. The page
 * refuses plain http in production (as the e2e server runs), so this writes what the page
 * would for an https LRS, with the same domain function (the secret sealed under the
 * server's key). Idempotent.
 */
import { prisma } from '#app/db.server.ts'
import { saveForwarding } from '#app/integrations/lrs/forwarding.server.ts'

const [slug, endpoint, username, secret] = process.argv.slice(2) as [string, string, string, string]

const organisation = await prisma.organisation.findUniqueOrThrow({
  where: { slug },
  select: { id: true },
})
const saved = await saveForwarding({
  organisationId: organisation.id,
  actorId: null,
  endpoint,
  username,
  secret,
})
if (!saved.ok) throw new Error(`lrs-forwarding-setup: ${saved.message}`)
await prisma.$disconnect()
