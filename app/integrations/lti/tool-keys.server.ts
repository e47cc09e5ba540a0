import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { calculateJwkThumbprint, SignJWT, type JWK, type JWTPayload } from 'jose'
import { prisma } from '#app/db.server.ts'
import { signingKek } from '#app/records/signing-keys.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'

/**
 * Our tool's own RS256 key for LTI: it signs deep-linking responses and the client
 * assertions we present at a platform's token endpoint (grades, rosters). Kept apart from
 * the credential signing keys, so an LTI platform never holds a key that verifies our
 * credentials and the other way round. Sealed like them under the signing KEK; made on
 * first use. Platforms fetch the public half from /lti/jwks.
 */
export const LTI_ALGORITHM = 'RS256'

let cached: { kid: string; privateKey: KeyObject } | undefined

export async function ltiToolKey(): Promise<{ kid: string; privateKey: KeyObject }> {
  if (cached) return cached
  const row = await prisma.ltiToolKey.findFirst({ orderBy: { createdAt: 'asc' } })
  if (row) {
    const privateKey = createPrivateKey(signingKek.open(row.sealedPrivateKey, row.kid))
    cached = { kid: row.kid, privateKey }
    return cached
  }
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = publicKey.export({ format: 'jwk' }) as JWK
  const kid = await calculateJwkThumbprint(jwk, 'sha256')
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
  try {
    await prisma.ltiToolKey.create({
      data: {
        kid,
        publicJwk: JSON.stringify({ ...jwk, kid, alg: LTI_ALGORITHM, use: 'sig' }),
        sealedPrivateKey: signingKek.seal(pem, kid),
        kekId: signingKek.keyId(),
      },
    })
  } catch (error) {
    // Two instances made a key at the same moment: the first one stays, both use it.
    if (!isUniqueViolation(error)) throw error
  }
  return ltiToolKey()
}

/** The public keys platforms verify our LTI messages with. */
export async function ltiJwks(): Promise<{ keys: JWK[] }> {
  await ltiToolKey()
  const rows = await prisma.ltiToolKey.findMany({ orderBy: { createdAt: 'asc' } })
  return { keys: rows.map((row) => JSON.parse(row.publicJwk) as JWK) }
}

/** A JWT signed with our tool key, with `kid` in its header; lives `lifetimeSeconds`. */
export async function signToolJwt(
  payload: JWTPayload,
  options: { lifetimeSeconds?: number; typ?: string } = {},
) {
  const key = await ltiToolKey()
  return new SignJWT(payload)
    .setProtectedHeader({ alg: LTI_ALGORITHM, kid: key.kid, typ: options.typ ?? 'JWT' })
    .setIssuedAt()
    .setExpirationTime(`${options.lifetimeSeconds ?? 300}s`)
    .sign(key.privateKey)
}

/** For tests that swap databases: forget the key read from the previous one. */
export function forgetLtiToolKey() {
  cached = undefined
}
