import { isDeepStrictEqual } from 'node:util'
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose'
import { prisma } from '#app/db.server.ts'
import { epochSeconds, type Credential } from './credential.server.ts'
import { verifyDataIntegrityProof } from './data-integrity.server.ts'
import { resolveOwnDid } from './did-web.server.ts'
import { isClr } from './clr.server.ts'
import { recordIdFrom } from './issuer.server.ts'
import { recordStatus, type RecordStatus } from './record-status.ts'
import { publishedJwks } from './signing-keys.server.ts'
import { publishedRevocationBit } from './status-list.server.ts'

export type VerificationStatus = RecordStatus | 'not_authentic'

export type Verification = {
  status: VerificationStatus
  /** Why, as a stable key the page translates (e.g. signature, claims, unknown_record). */
  reason?: string
  credential?: Credential
  recordId?: string
  revocation?: { revokedAt: Date; reason: string }
  suspension?: { suspendedAt: Date }
  /**
   * What the published status list says (true: the revocation bit is set), as any other
   * verifier reads it; null when the credential carries no status entry.
   */
  statusListRevoked?: boolean | null
  /**
   * How it was checked: the VC-JWT signature, the embedded Data Integrity proof, or (for JSON
   * without a proof) the issuer's register.
   */
  method: 'jwt' | 'data_integrity' | 'register'
  /** A CLR: each record it bundles, checked on its own. */
  parts?: Array<{ recordId: string | null; name: string; status: VerificationStatus }>
}

const notAuthentic = (reason: string, method: Verification['method'] = 'jwt'): Verification => ({
  status: 'not_authentic',
  reason,
  method,
})

/** The claims a VC-JWT must repeat from its credential; any mismatch is a forgery. */
function claimsMismatch(payload: Record<string, unknown>): string | null {
  const c = payload as unknown as Credential
  const issuerId = typeof c.issuer === 'string' ? c.issuer : c.issuer?.id
  if (!Array.isArray(c.type) || !c.type.includes('VerifiableCredential')) return 'type'
  if (payload.iss !== issuerId) return 'iss'
  if (payload.sub !== c.credentialSubject?.id) return 'sub'
  if (typeof c.validFrom !== 'string' || payload.nbf !== epochSeconds(c.validFrom)) return 'nbf'
  if (payload.jti !== c.id) return 'jti'
  const exp = c.validUntil ? epochSeconds(c.validUntil) : undefined
  if (payload.exp !== exp) return 'exp'
  return null
}

/**
 * A CLR whose own signature held: authentic as a bundle, and each record in it is checked as
 * if presented alone (its proof, then revocation, suspension, expiry), since each can change
 * after the bundle was made.
 */
async function clrStatus(clr: Credential, method: Verification['method']): Promise<Verification> {
  // A CLR is made on request and kept nowhere: without a proof nothing vouches for it.
  if (method === 'register') return notAuthentic('unknown_record', method)
  const nested = ((clr.credentialSubject as { verifiableCredential?: Credential[] })
    .verifiableCredential ?? []) as Credential[]
  const parts = await Promise.all(
    nested.map(async (c) => {
      const v = await verifyDataIntegrity(c)
      const achievement = (c.credentialSubject as { achievement?: { name?: string } }).achievement
      return { recordId: v.recordId ?? null, name: achievement?.name ?? c.id, status: v.status }
    }),
  )
  return { status: 'valid', credential: clr, method, parts }
}

/** Revocation and expiry of a credential this platform issued. */
async function statusOf(credential: Credential, method: Verification['method']) {
  if (isClr(credential)) return clrStatus(credential, method)
  const recordId = recordIdFrom(credential.id)
  const record = recordId
    ? await prisma.completionRecord.findUnique({
        where: { id: recordId },
        select: {
          credential: true,
          statusListId: true,
          statusListIndex: true,
          revocation: { select: { revokedAt: true, reason: true } },
          // Since when only: what is being looked into is not public.
          suspension: { select: { suspendedAt: true } },
        },
      })
    : null
  if (!record || !recordId) return notAuthentic('unknown_record', method)
  const base = { credential, recordId, method }
  if (method === 'register' && !isDeepStrictEqual(JSON.parse(record.credential), credential)) {
    return notAuthentic('differs', method)
  }
  // Expiry as the credential states it: that is what the holder presents and was signed.
  const validUntil = credential.validUntil ? new Date(credential.validUntil) : null
  const status = recordStatus({ ...record, validUntil }, new Date())
  return {
    ...base,
    status,
    ...(record.revocation ? { revocation: record.revocation } : {}),
    ...(record.suspension ? { suspension: record.suspension } : {}),
    statusListRevoked: await publishedRevocationBit(record),
  }
}

/**
 * Verify a credential with an embedded Data Integrity proof: the key from our DID document,
 * the canonical form, the signature; then revocation, suspension and expiry.
 */
export async function verifyDataIntegrity(credential: Credential): Promise<Verification> {
  const check = await verifyDataIntegrityProof(credential, (url) => resolveOwnDid(url))
  if (!check.verified) return notAuthentic('signature', 'data_integrity')
  return statusOf(credential, 'data_integrity')
}

/**
 * Verify a VC-JWT: the signature with the key its `kid` names in our published JWKS, the
 * claims against the credential, then revocation and expiry.
 */
export async function verifyJwt(jwt: string): Promise<Verification> {
  let header
  try {
    header = decodeProtectedHeader(jwt)
  } catch {
    return notAuthentic('malformed')
  }
  const jwk = (await publishedJwks()).keys.find((k) => k.kid === header.kid)
  if (!jwk || header.alg !== jwk.alg) return notAuthentic('unknown_key')
  let payload: Record<string, unknown>
  try {
    const { payload: bytes } = await compactVerify(jwt, await importJWK(jwk, jwk.alg))
    payload = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>
  } catch {
    return notAuthentic('signature')
  }
  if (claimsMismatch(payload)) return notAuthentic('claims')
  const {
    iss: _iss,
    sub: _sub,
    nbf: _nbf,
    iat: _iat,
    jti: _jti,
    exp: _exp,
    ...credential
  } = payload
  return statusOf(credential as unknown as Credential, 'jwt')
}

/**
 * Verify what someone pasted or uploaded: a VC-JWT, a credential with a Data Integrity proof,
 * or the credential's bare JSON, which has no proof of its own and so is authentic only when
 * it equals what the register holds.
 */
export async function verifyText(text: string): Promise<Verification> {
  const trimmed = text.trim()
  if (/^[\w-]+\.[\w-]+\.[\w-]+$/.test(trimmed)) return verifyJwt(trimmed)
  let parsed: unknown
  try {
    parsed = JSON.parse(trimmed)
  } catch {
    return notAuthentic('malformed', 'register')
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    typeof (parsed as Credential).id !== 'string'
  )
    return notAuthentic('malformed', 'register')
  if ('proof' in parsed) return verifyDataIntegrity(parsed as unknown as Credential)
  return statusOf(parsed as Credential, 'register')
}
