import { prisma } from '#app/db.server.ts'
import { normalizeEmail } from '#app/auth/login.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { hit, retryAfter } from '#app/auth/rate-limit.server.ts'
import { generateToken, hashToken } from '#app/auth/tokens.server.ts'
import { sendEmail } from '#app/email/mailer.server.ts'
import { passwordResetEmail } from '#app/email/templates.ts'
import type { Locale } from '#app/i18n/i18n.ts'

export const RESET_LIFETIME = 60 * 60 * 1000

/**
 * Send a reset link when the address has an account. The caller always shows the same
 * answer, so the form does not reveal who has an account; at most 3 mails per address per hour.
 */
export async function requestPasswordReset(email: string, baseUrl: string, locale: Locale) {
  const address = normalizeEmail(email)
  const limit = { key: `reset:${address}`, max: 3, windowMs: RESET_LIFETIME }
  if ((await retryAfter(limit)) !== null) return
  await hit(limit)
  const user = await prisma.user.findUnique({ where: { email: address }, select: { id: true } })
  if (!user) return
  const token = generateToken()
  await prisma.passwordResetToken.create({
    data: {
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + RESET_LIFETIME),
    },
  })
  await sendEmail({
    to: address,
    ...passwordResetEmail(locale, { link: `${baseUrl}/reset-password/${token}` }),
  })
}

export async function isResetTokenUsable(token: string) {
  const row = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  })
  return !!row && !row.usedAt && row.expiresAt.getTime() > Date.now()
}

/**
 * Set a new password with a reset token. The token is claimed atomically (single use, not
 * expired); the password changes and every session of the user ends, in one transaction.
 * Returns false for an unknown, used or expired token.
 */
export async function resetPassword(token: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password)
  return prisma.$transaction(async (tx) => {
    const tokenHash = hashToken(token)
    const now = new Date()
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    })
    if (claimed.count !== 1) return false
    const { userId } = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash } })
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now } })
    await tx.session.deleteMany({ where: { userId } })
    // Other outstanding links of the same user stop working too.
    await tx.passwordResetToken.updateMany({
      where: { userId, usedAt: null },
      data: { usedAt: now },
    })
    return true
  })
}
