import { noStoreJson, oauthError } from '#app/integrations/openid4vci/http.server.ts'
import { issueNonce } from '#app/integrations/openid4vci/nonces.server.ts'
import { throttle } from '#app/integrations/openid4vci/throttle.server.ts'
import { clientAddress } from '#app/utils/client-address.server.ts'
import type { Route } from './+types/nonce'

/** The nonce endpoint: a fresh c_nonce for the next key proof (OpenID4VCI 1.0, section 7). */
export async function action({ request }: Route.ActionArgs) {
  if (request.method !== 'POST') return oauthError(405, 'invalid_request', 'Use POST')
  const wait = await throttle('nonce', clientAddress(request))
  if (wait !== null)
    return oauthError(429, 'slow_down', 'Too many requests', { 'Retry-After': String(wait) })
  return noStoreJson({ c_nonce: await issueNonce() })
}
