import { z } from 'zod'
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { recordStatus } from '#app/records/record-status.ts'
import { walletCredential } from '#app/records/wallet-credential.server.ts'
import { offerForAccessToken } from './access-tokens.server.ts'
import {
  CREDENTIAL_CONFIGURATIONS,
  isCredentialConfigurationId,
} from './credential-configurations.ts'
import { checkHolderProof } from './holder-proof.server.ts'
import { consumeNonce } from './nonces.server.ts'

/** The credential request of OpenID4VCI 1.0 (section 8.2), as far as this issuer reads it. */
const credentialRequestSchema = z.object({
  credential_configuration_id: z.string().max(200),
  proofs: z.object({ jwt: z.array(z.string().max(8_000)).min(1).max(10) }).strict(),
})

export type CredentialErrorCode =
  | 'invalid_token'
  | 'invalid_credential_request'
  | 'unknown_credential_configuration'
  | 'invalid_proof'
  | 'invalid_nonce'
  | 'credential_request_denied'

export type IssuanceResult =
  | { ok: true; credentials: Array<{ credential: string | object }> }
  | { ok: false; error: CredentialErrorCode; description: string }

const refuse = (error: CredentialErrorCode, description: string): IssuanceResult => ({
  ok: false,
  error,
  description,
})

/**
 * Issue the record an access token was made for, bound to the key the holder proved it has.
 * Batch issuance is not offered, so exactly one proof; its c_nonce is used up only once the
 * proof's signature holds, so a forged proof cannot spend someone else's nonce.
 */
export async function issueToWallet(
  { accessToken, body }: { accessToken: string | null; body: unknown },
  now = new Date(),
): Promise<IssuanceResult> {
  const offer = accessToken ? await offerForAccessToken(accessToken, now) : null
  if (!offer) return refuse('invalid_token', 'The access token is unknown or expired')
  const parsed = credentialRequestSchema.safeParse(body)
  if (!parsed.success) {
    const proofsMissing =
      !!body && typeof body === 'object' && !Array.isArray(body) && !('proofs' in body)
    return proofsMissing
      ? refuse('invalid_proof', 'proofs is required')
      : refuse('invalid_credential_request', 'The credential request is malformed')
  }
  const { credential_configuration_id: configurationId, proofs } = parsed.data
  if (!isCredentialConfigurationId(configurationId))
    return refuse(
      'unknown_credential_configuration',
      'This issuer does not offer that configuration',
    )
  if (proofs.jwt.length !== 1)
    return refuse('invalid_proof', 'Batch issuance is not supported: send exactly one proof')
  const proof = await checkHolderProof(proofs.jwt[0]!, now)
  if (!proof.ok) return refuse('invalid_proof', proof.description)
  if (!proof.nonce) return refuse('invalid_proof', 'The proof has no nonce')
  if (!(await consumeNonce(proof.nonce, now)))
    return refuse('invalid_nonce', 'The nonce is unknown, used or expired')

  const record = await prisma.completionRecord.findUnique({
    where: { id: offer.recordId },
    select: {
      validUntil: true,
      organisationId: true,
      revocation: { select: { recordId: true } },
      suspension: { select: { recordId: true } },
    },
  })
  // Revoked or expired since the offer was made: nothing more leaves the platform.
  if (!record || recordStatus(record, now) !== 'valid')
    return refuse('credential_request_denied', 'The record is no longer valid')
  const format = CREDENTIAL_CONFIGURATIONS[configurationId].format
  const credential = await walletCredential({
    recordId: offer.recordId,
    holderId: proof.holder.did,
    format,
  })
  await prisma.$transaction((tx) =>
    audit(tx, {
      actorId: offer.userId,
      organisationId: record.organisationId,
      action: 'record.delivered-to-wallet',
      subjectType: 'record',
      subjectId: offer.recordId,
      detail: { offerId: offer.id, configurationId, holder: proof.holder.did },
    }),
  )
  return { ok: true, credentials: [{ credential }] }
}
