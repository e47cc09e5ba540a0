import { prisma, type Db, type Tx } from '#app/db.server.ts'
import { signCredential, type Credential } from './credential.server.ts'
import { addDataIntegrityProof } from './data-integrity.server.ts'
import { resolveOwnDid } from './did-web.server.ts'
import { issuerProfile } from './issuer.server.ts'
import { allocateStatusIndex, statusEntry } from './status-list.server.ts'
import { activeSigningKey, PROOF_ALGORITHM } from './signing-keys.server.ts'

/**
 * A credential in both forms Open Badges 3.0 knows, in the order it prescribes: first the
 * embedded Data Integrity proof (eddsa-rdfc-2022, Ed25519 key), then the VC-JWT (RS256) over
 * the credential with that proof. Verifiers of either kind check the same credential.
 */
export async function signRecordCredential(credential: Credential, db: Db) {
  const proofKey = await activeSigningKey(db, PROOF_ALGORITHM)
  const withProof = (await addDataIntegrityProof(credential, proofKey, (url) =>
    resolveOwnDid(url, db),
  )) as unknown as Credential
  const jwtKey = await activeSigningKey(db)
  return { credential: withProof, jwt: await signCredential(withProof, jwtKey), kid: jwtKey.kid }
}

/**
 * Records issued before proofs existed get their proof-bearing form: the credential as
 * issued, with the did:web issuer and a revocation status entry, and a Data Integrity proof.
 * Same id; the stored VC-JWT is not touched and keeps verifying. One transaction per record,
 * so an interrupted run leaves whole records and the next start goes on. Returns how many.
 */
export async function addProofsToOlderRecords(db: typeof prisma = prisma) {
  const older = await db.completionRecord.findMany({
    where: { dataIntegrity: null },
    select: { id: true },
  })
  let done = 0
  for (const { id } of older) {
    const added = await db.$transaction((tx) => addProofToOlderRecord(tx, id))
    if (added) done++
  }
  return done
}

async function addProofToOlderRecord(tx: Tx, recordId: string) {
  const record = await tx.completionRecord.findUnique({
    where: { id: recordId },
    select: { credential: true, dataIntegrity: true, statusListId: true, statusListIndex: true },
  })
  // Another instance may have done it meanwhile.
  if (!record || record.dataIntegrity) return false
  const place =
    record.statusListId && record.statusListIndex !== null
      ? { statusListId: record.statusListId, statusListIndex: record.statusListIndex }
      : await allocateStatusIndex(tx)
  const { proof: _none, ...issued } = JSON.parse(record.credential) as Credential
  const credential = {
    ...issued,
    issuer: issuerProfile(),
    credentialStatus: statusEntry(place.statusListId, place.statusListIndex),
  }
  const proofKey = await activeSigningKey(tx, PROOF_ALGORITHM)
  const withProof = await addDataIntegrityProof(credential, proofKey, (url) =>
    resolveOwnDid(url, tx),
  )
  await tx.completionRecord.update({
    where: { id: recordId },
    data: { ...place, dataIntegrity: JSON.stringify(withProof) },
  })
  return true
}
