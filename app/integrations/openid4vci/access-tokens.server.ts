import { prisma } from '#app/db.server.ts'
import { MAX_WRONG_PINS } from './wallet-offers.server.ts'
import { pinHash, randomSecret, sameHash, sha256 } from './secrets.server.ts'

/** An access token lives as long as an offer: it is used within seconds of being issued. */
export const ACCESS_TOKEN_LIFETIME_S = 600

export type TokenResult =
  | { ok: true; accessToken: string; expiresIn: number }
  | { ok: false; error: 'invalid_grant' | 'invalid_request'; description: string }

const invalidGrant = (description: string): TokenResult => ({
  ok: false,
  error: 'invalid_grant',
  description,
})

/**
 * Redeem a pre-authorized code with its PIN (OpenID4VCI 1.0, section 6). A code works once;
 * every wrong PIN counts, and the fifth burns the offer. Every refusal of a code says the
 * same, so a wallet learns nothing about why beyond "no".
 */
export async function redeemPreAuthorizedCode(
  { code, pin }: { code: string; pin: string | undefined },
  now = new Date(),
): Promise<TokenResult> {
  const offer = await prisma.walletOffer.findUnique({
    where: { codeHash: sha256(code) },
    select: { id: true, pinHash: true, expiresAt: true, redeemedAt: true, burntAt: true },
  })
  if (!offer || offer.redeemedAt || offer.burntAt || offer.expiresAt <= now)
    return invalidGrant('The pre-authorized code is invalid, used or expired')
  if (pin === undefined)
    return { ok: false, error: 'invalid_request', description: 'tx_code is required' }
  if (!sameHash(pinHash(code, pin), offer.pinHash)) {
    // Counted in the database, so guesses spread over instances count together.
    const counted = await prisma.walletOffer.update({
      where: { id: offer.id },
      data: { wrongPins: { increment: 1 } },
      select: { wrongPins: true },
    })
    if (counted.wrongPins >= MAX_WRONG_PINS)
      await prisma.walletOffer.updateMany({
        where: { id: offer.id, burntAt: null },
        data: { burntAt: now },
      })
    return invalidGrant('The transaction code is wrong')
  }
  const accessToken = randomSecret()
  const redeemed = await prisma.$transaction(async (tx) => {
    // Only one of two concurrent redemptions wins the row.
    const { count } = await tx.walletOffer.updateMany({
      where: { id: offer.id, redeemedAt: null, burntAt: null, expiresAt: { gt: now } },
      data: { redeemedAt: now },
    })
    if (count !== 1) return false
    await tx.walletAccessToken.create({
      data: {
        tokenHash: sha256(accessToken),
        offerId: offer.id,
        expiresAt: new Date(now.getTime() + ACCESS_TOKEN_LIFETIME_S * 1000),
        createdAt: now,
      },
    })
    return true
  })
  if (!redeemed) return invalidGrant('The pre-authorized code is invalid, used or expired')
  return { ok: true, accessToken, expiresIn: ACCESS_TOKEN_LIFETIME_S }
}

/** The offer an unexpired access token was issued for, with its record and learner; else null. */
export async function offerForAccessToken(accessToken: string, now = new Date()) {
  const token = await prisma.walletAccessToken.findUnique({
    where: { tokenHash: sha256(accessToken) },
    select: { expiresAt: true, offer: { select: { id: true, recordId: true, userId: true } } },
  })
  if (!token || token.expiresAt <= now) return null
  return token.offer
}
