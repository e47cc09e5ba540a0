import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

/** 256 random bits, base64url: offer references, access tokens, nonces. */
export const randomSecret = () => randomBytes(32).toString('base64url')

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Six digits, leading zeros kept: the PIN a learner types into the wallet. */
export const randomPin = () => String(randomInt(0, 1_000_000)).padStart(6, '0')

/**
 * The pre-authorized code is derived from the offer's reference, so neither is stored: the
 * database holds hashes only, and the offer endpoint can still hand the code out.
 */
export const preAuthorizedCodeFor = (reference: string) =>
  createHmac('sha256', reference).update('pre-authorized_code').digest('base64url')

/** The PIN's hash is salted with the code: a leaked row alone does not give 6 digits away. */
export const pinHash = (code: string, pin: string) => sha256(`${code}:${pin}`)

export function sameHash(a: string, b: string) {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
