import { prisma } from '#app/db.server.ts'
import { saveSsoSettings } from '#app/integrations/oidc/sso-config.server.ts'
import { DEMO_SSO } from './demo-people.ts'

/** Point Klantcontact Noord at the local demo provider (see DEMO_SSO). */
export async function seedDemoSso() {
  const organisation = await prisma.organisation.findUniqueOrThrow({
    where: { slug: DEMO_SSO.organisation },
    select: { id: true },
  })
  const saved = await saveSsoSettings({
    organisationId: organisation.id,
    actorId: null,
    clientSecret: DEMO_SSO.clientSecret,
    settings: {
      issuer: DEMO_SSO.issuer,
      clientId: DEMO_SSO.clientId,
      domains: DEMO_SSO.domains,
      jitEnabled: true,
      jitRole: 'learner',
      groupsClaim: 'groups',
      groupTeams: [],
      passwordLoginDisabled: false,
    },
  })
  if (!saved.ok) throw new Error(`demo single sign-on not configured: ${saved.message}`)
}
