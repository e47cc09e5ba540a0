import { prisma } from '#app/db.server.ts'
import { type CredentialFormat } from '#app/integrations/openid4vci/credential-configurations.ts'
import { type Credential } from './credential.server.ts'
import { signRecordCredential } from './sign-record.server.ts'

/**
 * A record's credential bound to the holder's key, for the learner's own wallet: the
 * credential as issued (its proof-bearing form, with the did:web issuer and the record's
 * status entry, so a revocation reaches the wallet copy too), with the holder's DID as
 * credentialSubject.id, and signed afresh both ways: the Data Integrity proof for `ldp_vc`,
 * the VC-JWT over it for `jwt_vc_json`. The stored record stays as it is: this is another
 * copy of the same achievement, under the same id.
 */
export async function walletCredential({
  recordId,
  holderId,
  format,
}: {
  recordId: string
  holderId: string
  format: CredentialFormat
}): Promise<string | Credential> {
  const record = await prisma.completionRecord.findUniqueOrThrow({
    where: { id: recordId },
    select: { credential: true, dataIntegrity: true },
  })
  const { proof: _proof, ...issued } = JSON.parse(
    record.dataIntegrity ?? record.credential,
  ) as Credential & { proof?: object }
  const signed = await signRecordCredential(
    { ...issued, credentialSubject: { ...issued.credentialSubject, id: holderId } },
    prisma,
  )
  return format === 'ldp_vc' ? signed.credential : signed.jwt
}
