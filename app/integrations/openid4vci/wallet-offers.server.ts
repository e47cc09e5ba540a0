import { prisma } from '#app/db.server.ts'
import { recordStatus } from '#app/records/record-status.ts'
import { type CredentialConfigurationId } from './credential-configurations.ts'
import { credentialIssuer, endpoints, PRE_AUTHORIZED_CODE_GRANT } from './endpoints.ts'
import { pinHash, preAuthorizedCodeFor, randomPin, randomSecret, sha256 } from './secrets.server.ts'

/** An offer lives 10 minutes: long enough to open a wallet and type a PIN, short if seen. */
export const OFFER_LIFETIME_MS = 10 * 60 * 1000
/** Wrong PINs an offer takes before it is burnt: 5 guesses at 1 in 10^6 each. */
export const MAX_WRONG_PINS = 5

/** Both forms of the record: the wallet takes the one it reads. */
export const OFFER_CONFIGURATIONS: CredentialConfigurationId[] = [
  'OpenBadgeCredential_ldp_vc',
  'OpenBadgeCredential_jwt_vc_json',
]

export type MadeOffer = {
  /** `openid-credential-offer://?credential_offer_uri=…`, for the QR code and a same-phone link. */
  offerLink: string
  /** Shown once to the learner, never stored. */
  pin: string
  expiresAt: Date
}

/**
 * Make a credential offer for one record, for the learner who holds it. Anyone else gets null
 * (the page answers 404, revealing nothing), and so does a revoked or expired record. A new
 * offer ends the record's earlier open ones: only the newest QR code works.
 */
export async function makeWalletOffer(
  { recordId, userId }: { recordId: string; userId: string },
  now = new Date(),
): Promise<MadeOffer | null> {
  const record = await prisma.completionRecord.findFirst({
    where: { id: recordId, userId },
    select: {
      id: true,
      validUntil: true,
      revocation: { select: { recordId: true } },
      suspension: { select: { recordId: true } },
    },
  })
  if (!record || recordStatus(record, now) !== 'valid') return null
  const reference = randomSecret()
  const code = preAuthorizedCodeFor(reference)
  const pin = randomPin()
  const expiresAt = new Date(now.getTime() + OFFER_LIFETIME_MS)
  await prisma.$transaction([
    // Offers that ended more than a day ago are of no use to anyone (deliveries are in the
    // audit trail): they go, with their access tokens.
    prisma.walletOffer.deleteMany({
      where: { expiresAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
    }),
    prisma.walletOffer.updateMany({
      where: { recordId, redeemedAt: null, burntAt: null },
      data: { burntAt: now },
    }),
    prisma.walletOffer.create({
      data: {
        id: sha256(reference),
        recordId,
        userId,
        codeHash: sha256(code),
        pinHash: pinHash(code, pin),
        expiresAt,
        createdAt: now,
      },
    }),
  ])
  const offerUri = endpoints().offer(reference)
  return {
    offerLink: `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(offerUri)}`,
    pin,
    expiresAt,
  }
}

/**
 * The credential offer object a wallet fetches by reference (OpenID4VCI 1.0, section 4.1.1),
 * while the offer can still be redeemed; null otherwise.
 */
export async function credentialOfferByReference(reference: string, now = new Date()) {
  const offer = await prisma.walletOffer.findUnique({
    where: { id: sha256(reference) },
    select: { expiresAt: true, redeemedAt: true, burntAt: true },
  })
  if (!offer || offer.redeemedAt || offer.burntAt || offer.expiresAt <= now) return null
  return {
    credential_issuer: credentialIssuer(),
    credential_configuration_ids: OFFER_CONFIGURATIONS,
    grants: {
      [PRE_AUTHORIZED_CODE_GRANT]: {
        'pre-authorized_code': preAuthorizedCodeFor(reference),
        tx_code: {
          input_mode: 'numeric',
          length: 6,
          description: 'Vul de pincode van 6 cijfers in die Leerplein naast de QR-code toont.',
        },
      },
    },
  }
}

/** The record a learner may put in a wallet: theirs only (null otherwise), with its status. */
export async function walletRecord(
  { recordId, userId }: { recordId: string; userId: string },
  now = new Date(),
) {
  const record = await prisma.completionRecord.findFirst({
    where: { id: recordId, userId },
    select: {
      id: true,
      code: true,
      name: true,
      level: true,
      validUntil: true,
      revocation: { select: { recordId: true } },
      suspension: { select: { recordId: true } },
    },
  })
  if (!record) return null
  const { revocation: _revocation, ...shown } = record
  return { ...shown, status: recordStatus(record, now) }
}
