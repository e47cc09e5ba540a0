/**
 * `npm run demo:idp`: a local OpenID provider for trying single sign-on with the demo data
 * (Klantcontact Noord is configured to use it). Sign in at /login under "Inloggen met je
 * werkaccount" with a Noord address, e.g. leerling@noord.demo.test, or the newcomer
 * nieuw@noord.demo.test, who is created just-in-time. PORT: where the product runs (3000).
 */
import { DEMO_ORGANISATIONS, DEMO_SSO } from '#app/demo/demo-people.ts'
import { startLocalProvider, type LocalPerson } from '#app/integrations/oidc/local-provider.ts'

const appPort = process.env.PORT ?? '3000'
const noord = DEMO_ORGANISATIONS.find((o) => o.slug === DEMO_SSO.organisation)!
const everyone: Array<{ email: string; name: string; team?: string }> = [
  ...noord.employers,
  ...noord.teamLeaders,
  ...noord.learners,
  DEMO_SSO.newcomer,
]
const people: LocalPerson[] = everyone.map((p) => ({
  sub: `demo-${p.email.split('@')[0]}`,
  email: p.email,
  name: p.name,
  groups: p.team ? [p.team] : [],
}))

const provider = await startLocalProvider({
  port: DEMO_SSO.port,
  issuerHost: new URL(DEMO_SSO.issuer).hostname,
  client: {
    id: DEMO_SSO.clientId,
    secret: DEMO_SSO.clientSecret,
    redirectUris: ['localhost', '127.0.0.1'].map(
      (host) => `http://${host}:${appPort}/auth/sso/callback`,
    ),
  },
  people,
})
console.log(
  `demo identity provider at ${provider.issuer} (${people.length} people); Ctrl+C stops it`,
)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void provider.close().then(() => process.exit(0)))
}
