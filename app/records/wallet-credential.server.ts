import { prisma } from '#app/db.server.ts'
import { type CredentialFormat } from '#app/integrations/openid4vci/credential-configurations.ts'
import { signCredential, type Credential } from './credential.server.ts'
import { activeSigningKey } from './signing-keys.server.ts'

/**
 * A record's credential bound to the holder's key, for the learner's own wallet: the
 * credential exactly as issued, with the holder's DID as credentialSubject.id (so the
 * wallet can prove it holds it), signed now with the current signing key. The stored
 * record and its JWT stay as they are: this is another copy of the same achievement.
 */
export async function walletCredential({
  recordId,
  holderId,
  format,
}: {
  recordId: string
  holderId: string
  format: CredentialFormat
}): Promise<string> {
  const record = await prisma.completionRecord.findUniqueOrThrow({
    where: { id: recordId },
    select: { credential: true },
  })
  const stored = JSON.parse(record.credential) as Credential
  const bound: Credential = {
    ...stored,
    credentialSubject: { ...stored.credentialSubject, id: holderId },
  }
  switch (format) {
    case 'jwt_vc_json':
      return signCredential(bound, await activeSigningKey())
  }
}
