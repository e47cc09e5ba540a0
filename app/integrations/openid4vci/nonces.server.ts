import { prisma } from '#app/db.server.ts'
import { randomSecret, sha256 } from './secrets.server.ts'

/** A c_nonce is good for 5 minutes and one credential request. */
export const NONCE_LIFETIME_MS = 5 * 60 * 1000

/**
 * A fresh c_nonce (OpenID4VCI 1.0, section 7); stored as its hash. Expired nonces are
 * deleted on the way, so the table holds only the last minutes' worth whatever wallets ask.
 */
export async function issueNonce(now = new Date()) {
  const nonce = randomSecret()
  await prisma.walletNonce.deleteMany({ where: { expiresAt: { lt: now } } })
  await prisma.walletNonce.create({
    data: {
      nonceHash: sha256(nonce),
      expiresAt: new Date(now.getTime() + NONCE_LIFETIME_MS),
      createdAt: now,
    },
  })
  return nonce
}

/** Use a c_nonce up: true once for an issued, unexpired nonce, false ever after. */
export async function consumeNonce(nonce: string, now = new Date()) {
  const { count } = await prisma.walletNonce.updateMany({
    where: { nonceHash: sha256(nonce), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  })
  return count === 1
}
