import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose'
import { PROOF_ALGORITHMS } from './credential-configurations.ts'
import { credentialIssuer } from './endpoints.ts'
import { holderFromJwk, holderFromKid, type HolderKey } from './holder-keys.ts'

/** How old a proof's iat may be, and how far a wallet's clock may run ahead. */
const PROOF_MAX_AGE_S = 300
const CLOCK_SKEW_S = 60

export type ProofCheck =
  { ok: true; holder: HolderKey; nonce: string | undefined } | { ok: false; description: string }

/**
 * Check a holder's key proof JWT (OpenID4VCI 1.0, section 8.2.1.1 and appendix F.1): its type,
 * one key named by `jwk` or a did:jwk/did:key `kid` (never both), the signature with that
 * key, the audience (this issuer) and a fresh iat. The nonce is returned for the caller to
 * use up, after the signature shows the proof is the holder's.
 */
export async function checkHolderProof(jwt: string, now = new Date()): Promise<ProofCheck> {
  let header: ReturnType<typeof decodeProtectedHeader>
  try {
    header = decodeProtectedHeader(jwt)
  } catch {
    return { ok: false, description: 'The proof is not a JWT' }
  }
  if (header.typ !== 'openid4vci-proof+jwt')
    return { ok: false, description: 'The proof typ must be openid4vci-proof+jwt' }
  if (!PROOF_ALGORITHMS.includes(header.alg as (typeof PROOF_ALGORITHMS)[number]))
    return { ok: false, description: `The proof alg must be one of ${PROOF_ALGORITHMS.join(', ')}` }
  if (header.jwk && header.kid)
    return { ok: false, description: 'The proof names its key twice (jwk and kid)' }
  const holder = header.jwk
    ? holderFromJwk(header.jwk)
    : typeof header.kid === 'string'
      ? holderFromKid(header.kid)
      : null
  if (!holder)
    return {
      ok: false,
      description: 'The proof key must be a P-256 or Ed25519 jwk, did:jwk or did:key',
    }
  try {
    const key = await importJWK(holder.jwk, header.alg)
    const { payload } = await jwtVerify(jwt, key, {
      typ: 'openid4vci-proof+jwt',
      algorithms: [...PROOF_ALGORITHMS],
      audience: credentialIssuer(),
      requiredClaims: ['iat'],
      maxTokenAge: PROOF_MAX_AGE_S,
      clockTolerance: CLOCK_SKEW_S,
      currentDate: now,
    })
    const nonce = typeof payload.nonce === 'string' ? payload.nonce : undefined
    return { ok: true, holder, nonce }
  } catch (error) {
    return {
      ok: false,
      description: `The proof does not verify: ${error instanceof Error ? error.message : 'unknown'}`,
    }
  }
}
