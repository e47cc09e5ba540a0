/**
 * Setup for e2e/lti.spec.ts, run in a child process against the e2e server's database: the
 * spec's loopback test platform registered (active, one deployment), the way an org admin's
 * manual registration leaves it, for an organisation of its own (its launches add members,
 * which would change the demo organisations' pages under the specs that run in parallel).
 * Idempotent, so a retried spec can run it again. Argument: the registration as JSON.
 */
import { prisma } from '#app/db.server.ts'
import { createOrganisation } from '#app/domain/organisations.server.ts'

const input = JSON.parse(process.argv[2]!) as {
  organisation: string
  name: string
  issuer: string
  clientId: string
  deploymentId: string
  authLoginUrl: string
  authTokenUrl: string
  jwksUrl: string
}
const organisation =
  (await prisma.organisation.findUnique({
    where: { slug: input.organisation },
    select: { id: true },
  })) ??
  (await createOrganisation({
    slug: input.organisation,
    name: 'Leerbedrijf Oost',
    kind: 'in_house',
  }))
const fields = {
  name: input.name,
  authLoginUrl: input.authLoginUrl,
  authTokenUrl: input.authTokenUrl,
  jwksUrl: input.jwksUrl,
  productFamily: 'moodle',
  registeredVia: 'manual',
  status: 'active',
}
await prisma.ltiPlatform.upsert({
  where: { issuer_clientId: { issuer: input.issuer, clientId: input.clientId } },
  create: {
    ...fields,
    organisationId: organisation.id,
    issuer: input.issuer,
    clientId: input.clientId,
    deployments: { create: { deploymentId: input.deploymentId } },
  },
  update: fields,
})
await prisma.$disconnect()
