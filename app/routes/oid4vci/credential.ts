import type { Route } from './+types/credential'
import { issueToWallet } from '#app/integrations/openid4vci/credential-issuance.server.ts'
import {
  bearerToken,
  BodyTooLarge,
  noStoreJson,
  oauthError,
  readBody,
} from '#app/integrations/openid4vci/http.server.ts'

/** The credential endpoint: the record, bound to the holder's key (OpenID4VCI 1.0, section 8). */
export async function action({ request }: Route.ActionArgs) {
  if (request.method !== 'POST') return oauthError(405, 'invalid_request', 'Use POST')
  const accessToken = bearerToken(request)
  let body: unknown
  try {
    const text = await readBody(request)
    body = JSON.parse(text)
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return oauthError(413, 'invalid_credential_request', 'Body too large')
    // Not JSON: the token still decides first whether this caller is told anything more.
    body = undefined
  }
  const result = await issueToWallet({ accessToken, body })
  if (result.ok) return noStoreJson({ credentials: result.credentials })
  if (result.error === 'invalid_token')
    return oauthError(401, 'invalid_token', result.description, {
      // RFC 6750, section 3: the challenge says why.
      'WWW-Authenticate': accessToken
        ? `Bearer error="invalid_token", error_description="${result.description}"`
        : 'Bearer',
    })
  return oauthError(400, result.error, result.description)
}
