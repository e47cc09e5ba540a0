import { prisma } from '#app/db.server.ts'
import { loginFailures } from '#app/operations/metrics.server.ts'
import { verifyAgainstDummy, verifyPassword } from './password.server.ts'
import { hit, reset, retryAfter, type Limit } from './rate-limit.server.ts'

const WINDOW = 15 * 60 * 1000
/** Failed logins allowed per account, and per client address, in 15 minutes. */
export const MAX_FAILURES_PER_ACCOUNT = 5
export const MAX_FAILURES_PER_ADDRESS = 20

const accountLimit = (email: string): Limit => ({
  key: `login:account:${email}`,
  max: MAX_FAILURES_PER_ACCOUNT,
  windowMs: WINDOW,
})
const addressLimit = (address: string): Limit => ({
  key: `login:address:${address}`,
  max: MAX_FAILURES_PER_ADDRESS,
  windowMs: WINDOW,
})

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfter: number }

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase()
}

/**
 * Check a login. Unknown e-mail and wrong password give the same answer and cost the same
 * argon2 verification; failures count per account and per address, and past the limit the
 * answer is "throttled" without checking the password at all.
 */
export async function attemptLogin(input: {
  email: string
  password: string
  address: string
}): Promise<LoginResult> {
  const email = normalizeEmail(input.email)
  const limits = [accountLimit(email), addressLimit(input.address)]
  const waits = (await Promise.all(limits.map(retryAfter))).filter((w): w is number => w !== null)
  if (waits.length > 0) {
    loginFailures.inc({ reason: 'throttled' })
    return { ok: false, reason: 'throttled', retryAfter: Math.max(...waits) }
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true },
  })
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password)
  if (!user || !valid) {
    await Promise.all(limits.map(hit))
    loginFailures.inc({ reason: 'invalid' })
    return { ok: false, reason: 'invalid' }
  }
  await reset(limits[0]!)
  return { ok: true, userId: user.id }
}
