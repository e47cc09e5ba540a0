import { z } from 'zod'
import type { Route } from './+types/token'
import { redeemPreAuthorizedCode } from '#app/integrations/openid4vci/access-tokens.server.ts'
import { PRE_AUTHORIZED_CODE_GRANT } from '#app/integrations/openid4vci/endpoints.ts'
import {
  BodyTooLarge,
  noStoreJson,
  oauthError,
  readBody,
} from '#app/integrations/openid4vci/http.server.ts'
import { throttle } from '#app/integrations/openid4vci/throttle.server.ts'
import { clientAddress } from '#app/utils/client-address.server.ts'

const tokenRequestSchema = z.object({
  grant_type: z.string().max(100),
  'pre-authorized_code': z.string().min(1).max(200),
  tx_code: z.string().max(50).optional(),
})

/** The token endpoint: a pre-authorized code and its PIN for an access token (OpenID4VCI 6). */
export async function action({ request }: Route.ActionArgs) {
  if (request.method !== 'POST') return oauthError(405, 'invalid_request', 'Use POST')
  const wait = await throttle('token', clientAddress(request))
  if (wait !== null)
    return oauthError(429, 'slow_down', 'Too many requests', { 'Retry-After': String(wait) })
  const type = request.headers.get('Content-Type') ?? ''
  if (!type.startsWith('application/x-www-form-urlencoded'))
    return oauthError(400, 'invalid_request', 'The body must be form-encoded')
  let fields: Record<string, string>
  try {
    const params = new URLSearchParams(await readBody(request))
    // A parameter sent twice is ambiguous: refused (RFC 6749, section 3.2).
    if (new Set(params.keys()).size !== [...params.keys()].length)
      return oauthError(400, 'invalid_request', 'A parameter is repeated')
    fields = Object.fromEntries(params)
  } catch (error) {
    if (error instanceof BodyTooLarge) return oauthError(413, 'invalid_request', 'Body too large')
    throw error
  }
  if (fields.grant_type !== undefined && fields.grant_type !== PRE_AUTHORIZED_CODE_GRANT)
    return oauthError(400, 'unsupported_grant_type', 'Only the pre-authorized code grant')
  const parsed = tokenRequestSchema.safeParse(fields)
  if (!parsed.success)
    return oauthError(400, 'invalid_request', 'grant_type and pre-authorized_code are required')
  const result = await redeemPreAuthorizedCode({
    code: parsed.data['pre-authorized_code'],
    pin: parsed.data.tx_code,
  })
  if (!result.ok) return oauthError(400, result.error, result.description)
  return noStoreJson({
    access_token: result.accessToken,
    token_type: 'Bearer',
    expires_in: result.expiresIn,
  })
}
