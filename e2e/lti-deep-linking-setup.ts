/**
 * Setup for e2e/lti-deep-linking.spec.ts, run in a child process against the e2e server's
 * database: the demo trainer's organisation registers the spec's test platform, and the
 * trainer has a deep-linking request as the launch would leave it. Prints the request id and
 * our tool's public keys (JSON) for the platform to verify the answer with.
 */
import { prisma } from '#app/db.server.ts'
import { ltiJwks } from '#app/integrations/lti/tool-keys.server.ts'

const [issuer, returnUrl, clientId, deploymentId] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
]

const trainer = await prisma.user.findUniqueOrThrow({
  where: { email: 'trainer@demo.test' },
  select: { id: true, memberships: { select: { organisationId: true }, take: 1 } },
})
const platform = await prisma.ltiPlatform.upsert({
  where: { issuer_clientId: { issuer, clientId } },
  update: {},
  create: {
    organisationId: trainer.memberships[0]!.organisationId,
    name: 'Moodle e2e',
    issuer,
    clientId,
    authLoginUrl: `${issuer}/mod/lti/auth.php`,
    authTokenUrl: `${issuer}/mod/lti/token.php`,
    jwksUrl: `${issuer}/mod/lti/certs.php`,
    registeredVia: 'manual',
    status: 'active',
    deployments: { create: { deploymentId } },
  },
})
const request = await prisma.ltiDeepLinkingRequest.create({
  data: {
    platformId: platform.id,
    deploymentId,
    userId: trainer.id,
    returnUrl,
    data: 'e2e-section-1',
    acceptMultiple: true,
    expiresAt: new Date(Date.now() + 3600_000),
  },
})
process.stdout.write(JSON.stringify({ requestId: request.id, jwks: await ltiJwks() }))
await prisma.$disconnect()
