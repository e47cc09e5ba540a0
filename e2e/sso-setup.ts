/**
 * Setup for e2e/sso.spec.ts, run in a child process against the e2e server's database: an
 * organisation of its own that has switched password login off, with one member. (No page
 * creates organisations, and switching a demo organisation's password login off would lock
 * out the specs that run in parallel.) Idempotent, so a retried spec can run it again.
 */
import { prisma } from '#app/db.server.ts'
import { addMember, createOrganisation } from '#app/domain/organisations.server.ts'
import { createUser, findUserByEmail } from '#app/domain/users.server.ts'
import { saveSsoSettings } from '#app/integrations/oidc/sso-config.server.ts'

const [slug, domain, email, password] = process.argv.slice(2) as [string, string, string, string]

const existing = await prisma.organisation.findUnique({ where: { slug }, select: { id: true } })
const organisation =
  existing ?? (await createOrganisation({ slug, name: 'Servicedesk Zuid', kind: 'in_house' }))
const user =
  (await findUserByEmail(email)) ?? (await createUser({ email, name: 'Zoë Zuid', password }))
await prisma.$transaction((tx) =>
  addMember(tx, { organisationId: organisation.id, userId: user.id, roles: ['learner'] }),
)
const saved = await saveSsoSettings({
  organisationId: organisation.id,
  actorId: null,
  clientSecret: 'zuid-secret',
  settings: {
    issuer: 'http://127.0.0.1:9',
    clientId: 'zuid',
    domains: [domain],
    jitEnabled: false,
    jitRole: 'learner',
    groupsClaim: 'groups',
    groupTeams: [],
    passwordLoginDisabled: true,
  },
})
if (!saved.ok) throw new Error(`sso-setup: ${saved.message}`)
await prisma.$disconnect()
