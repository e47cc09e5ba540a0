import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type Configuration } from 'oidc-provider'

/**
 * A real OpenID provider on loopback (oidc-provider, a dev dependency), for the demo
 * (`npm run demo:idp`) and for the tests. Never imported by the application itself.
 * Its login page asks only for an e-mail address of a known person: no password, so it is a
 * stand-in for an organisation's provider, never a provider for real people.
 */
export type LocalPerson = {
  sub: string
  email: string
  name: string
  emailVerified?: boolean
  groups?: string[]
}

export type LocalProviderOptions = {
  host?: string
  /** 0: a free port. */
  port?: number
  /** The issuer's host name as the relying party writes it (localhost ≠ 127.0.0.1). */
  issuerHost?: string
  client: { id: string; secret: string; redirectUris: string[] }
  people: LocalPerson[]
  /** Tests only: replace the ID token the token endpoint answers with. */
  rewriteIdToken?: (idToken: string) => Promise<string>
}

export type LocalProvider = {
  issuer: string
  /** The key the provider signs with, so a test can sign a token "as the provider". */
  signingKey: KeyObject
  close: () => Promise<void>
}

export async function startLocalProvider(options: LocalProviderOptions): Promise<LocalProvider> {
  const host = options.host ?? '127.0.0.1'
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve))
  const { port } = server.address() as AddressInfo
  const issuer = `http://${options.issuerHost ?? host}:${port}`

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'local-1', alg: 'RS256', use: 'sig' }

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.client.id,
        client_secret: options.client.secret,
        redirect_uris: options.client.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // PKCE for every client, confidential ones included, as the product always sends it.
    pkce: { methods: ['S256'], required: () => true },
    // Put email and groups in the ID token itself, as Entra ID and Google do.
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'groups'],
    },
    features: { devInteractions: { enabled: false } },
    // Short lives, stated (the library asks for explicit values); seconds.
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AuthorizationCode: 60,
      IdToken: 300,
      AccessToken: 300,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      // Looked up on each call: a test adds people while the provider runs.
      const person = options.people.find((p) => p.sub === sub)
      if (!person) return undefined
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: person.email,
          email_verified: person.emailVerified ?? true,
          name: person.name,
          groups: person.groups ?? [],
        }),
      }
    },
    // A first-party provider: the person is never asked to consent to our own client.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      })
      grant.addOIDCScope('openid email profile')
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups'])
      await grant.save()
      return grant
    },
  }
  const provider = new Provider(issuer, configuration)
  const rewrite = options.rewriteIdToken
  if (rewrite) {
    provider.use(async (ctx, next) => {
      await next()
      const body = ctx.body as { id_token?: string } | undefined
      if (ctx.path === '/token' && body?.id_token) {
        ctx.body = { ...body, id_token: await rewrite(body.id_token) }
      }
    })
  }

  const providerHandler = provider.callback()
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      handleInteraction(provider, options.people, req, res).catch((error: unknown) => {
        res.statusCode = 400
        res.end(String(error))
      })
    } else {
      void providerHandler(req, res)
    }
  })

  return {
    issuer,
    signingKey: privateKey,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The provider's login page: GET shows it, POST signs in as the person with that address. */
async function handleInteraction(
  provider: Provider,
  people: LocalPerson[],
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const details = await provider.interactionDetails(req, res)
  if (req.method === 'POST') {
    const body = new URLSearchParams(await readBody(req))
    const email = (body.get('email') ?? '').trim().toLowerCase()
    const person = people.find((p) => p.email === email)
    if (person) {
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: person.sub } },
        { mergeWithLastSubmission: false },
      )
      return
    }
    res.statusCode = 400
  }
  const hint = String(details.params.login_hint ?? '')
  res.setHeader('Content-Type', 'text/html; charset=utf-8')
  res.end(`<!doctype html><html lang="nl"><head><title>Demo-inlogdienst</title></head><body>
<h1>Demo-inlogdienst</h1>
<p>Een lokale OpenID-provider om single sign-on te proberen. Alleen voor demo en tests.</p>
${res.statusCode === 400 ? '<p role="alert">Dit e-mailadres kent de demo-inlogdienst niet.</p>' : ''}
<form method="post" action="/interaction/${details.uid}">
<label for="email">E-mailadres bij de demo-inlogdienst</label>
<input id="email" name="email" type="email" value="${escapeHtml(hint)}" required>
<button type="submit">Aanmelden bij de demo-inlogdienst</button>
</form></body></html>`)
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      text += chunk
      if (text.length > 10_000) reject(new Error('body too large'))
    })
    req.on('end', () => resolve(text))
    req.on('error', reject)
  })
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
