import { prisma } from '#app/db.server.ts'
import { hashToken } from '#app/auth/tokens.server.ts'

/** A started login is good for ten minutes: long enough to type a password at the provider. */
export const ATTEMPT_LIFETIME_MS = 10 * 60 * 1000

export type LoginAttempt = {
  organisationId: string
  codeVerifier: string
  nonce: string
  redirectTo: string
}

/** Keep the PKCE verifier and nonce server-side, under the hash of the state. */
export async function storeAttempt(state: string, attempt: LoginAttempt) {
  const now = Date.now()
  // Expired attempts of anyone are swept here, so the table stays small without a job.
  await prisma.ssoLoginAttempt.deleteMany({ where: { expiresAt: { lt: new Date(now) } } })
  await prisma.ssoLoginAttempt.create({
    data: { id: hashToken(state), ...attempt, expiresAt: new Date(now + ATTEMPT_LIFETIME_MS) },
  })
}

/**
 * Take the attempt a state names, once: the row is deleted by the same request that reads
 * it, and only the request whose delete removed it may use it. A replayed, raced or expired
 * state gets null.
 */
export async function claimAttempt(state: string): Promise<LoginAttempt | null> {
  const id = hashToken(state)
  const row = await prisma.ssoLoginAttempt.findUnique({ where: { id } })
  if (!row) return null
  const { count } = await prisma.ssoLoginAttempt.deleteMany({ where: { id } })
  if (count !== 1 || row.expiresAt.getTime() <= Date.now()) return null
  return {
    organisationId: row.organisationId,
    codeVerifier: row.codeVerifier,
    nonce: row.nonce,
    redirectTo: row.redirectTo,
  }
}
