import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose'

/**
 * Verify a platform's id_token: RS256 signature against the platform's JWKS (fetched and
 * cached by jose, refetched for an unknown kid), `iss` and `aud` of the registration, `exp`
 * and `iat` (with a little clock tolerance), `azp` when several audiences are named, and our
 * nonce. Returns the payload, or why it was refused.
 */
export type TokenRefusal = 'signature' | 'expired' | 'issuer' | 'audience' | 'nonce' | 'unreachable'

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>()

function keySet(jwksUrl: string) {
  let set = keySets.get(jwksUrl)
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 })
    keySets.set(jwksUrl, set)
  }
  return set
}

export async function verifyIdToken(
  idToken: string,
  platform: { issuer: string; clientId: string; jwksUrl: string },
  expectedNonce: string,
): Promise<{ ok: true; payload: JWTPayload } | { ok: false; reason: TokenRefusal }> {
  let payload: JWTPayload
  try {
    ;({ payload } = await jwtVerify(idToken, keySet(platform.jwksUrl), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'iat', 'sub', 'nonce'],
      clockTolerance: 30,
      maxTokenAge: '10m',
    }))
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' }
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === 'iss') return { ok: false, reason: 'issuer' }
      if (error.claim === 'aud') return { ok: false, reason: 'audience' }
      if (error.claim === 'iat') return { ok: false, reason: 'expired' }
      return { ok: false, reason: 'signature' }
    }
    if (error instanceof errors.JWKSTimeout) return { ok: false, reason: 'unreachable' }
    if (error instanceof TypeError) return { ok: false, reason: 'unreachable' }
    return { ok: false, reason: 'signature' }
  }
  // Several audiences: the authorised party must be us (OIDC Core §3.1.3.7 and LTI).
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud]
  if ((audiences.length > 1 || payload.azp !== undefined) && payload.azp !== platform.clientId) {
    return { ok: false, reason: 'audience' }
  }
  if (payload.nonce !== expectedNonce) return { ok: false, reason: 'nonce' }
  return { ok: true, payload }
}
