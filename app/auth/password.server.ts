import { hash, verify } from '@node-rs/argon2'

// argon2id with OWASP's minimum (m=19 MiB, t=2, p=1): ~20 ms here.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/**
 * A hash to verify against when the e-mail is unknown, so a failed login for a missing
 * account costs the same time as one for a wrong password (no account enumeration).
 */
let dummyHash: Promise<string> | undefined
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-but-as-expensive-to-check')
  await verifyPassword(await dummyHash, password)
  return false
}
