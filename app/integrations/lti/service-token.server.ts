import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { LtiServiceError, platformRequest } from './platform-http.server.ts'
import { signToolJwt } from './tool-keys.server.ts'

/**
 * An OAuth 2 access token for a platform's services (grades, rosters): the client
 * credentials grant with a signed client assertion (IMS Security Framework §4.1), so no
 * shared secret exists. Tokens are kept in this process until shortly before they expire.
 */
export type TokenPlatform = { id: string; clientId: string; authTokenUrl: string }

const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
/** Taken from the cache no later than this before the platform's expiry. */
const MARGIN_MS = 60_000

const TokenAnswer = z.object({
  access_token: z.string().min(1).max(4096),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.coerce.number().int().positive().max(86_400).optional(),
  scope: z.string().max(4096).optional(),
})

const cache = new Map<string, { token: string; scopes: string[]; until: number }>()

export type ServiceToken = { token: string; scopes: string[] }

export async function serviceToken(
  platform: TokenPlatform,
  scopes: readonly string[],
): Promise<ServiceToken> {
  const wanted = [...new Set(scopes)].sort()
  const key = `${platform.id} ${platform.authTokenUrl} ${wanted.join(' ')}`
  const kept = cache.get(key)
  if (kept && kept.until > Date.now()) return { token: kept.token, scopes: kept.scopes }

  const assertion = await signToolJwt(
    {
      iss: platform.clientId,
      sub: platform.clientId,
      aud: platform.authTokenUrl,
      jti: randomUUID(),
    },
    { lifetimeSeconds: 300 },
  )
  const answer = await platformRequest(platform.authTokenUrl, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
    },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: assertion,
      scope: wanted.join(' '),
    }).toString(),
    maxBytes: 64_000,
  })
  if (answer.status < 200 || answer.status > 299) {
    throw new LtiServiceError(
      'refused',
      `the token endpoint refused (${answer.status}): ${answer.body.slice(0, 200)}`,
      answer.status,
    )
  }
  let parsed: z.infer<typeof TokenAnswer>
  try {
    parsed = TokenAnswer.parse(JSON.parse(answer.body))
  } catch {
    throw new LtiServiceError('invalid-response', 'the token endpoint answered no access token')
  }
  // A platform may grant fewer scopes than asked; without `scope` it granted what was asked.
  const granted = parsed.scope ? parsed.scope.split(' ').filter(Boolean) : wanted
  const lifetimeMs = (parsed.expires_in ?? 3600) * 1000
  cache.set(key, {
    token: parsed.access_token,
    scopes: granted,
    until: Date.now() + lifetimeMs - MARGIN_MS,
  })
  return { token: parsed.access_token, scopes: granted }
}

/** A service refused a token (expired early, revoked): the next call asks for a new one. */
export function forgetServiceToken(platform: TokenPlatform, scopes: readonly string[]) {
  cache.delete(`${platform.id} ${platform.authTokenUrl} ${[...new Set(scopes)].sort().join(' ')}`)
}
