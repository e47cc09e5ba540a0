import { prisma } from '#app/db.server.ts'

/**
 * What a record's public downloads serve: the VC-JWT, and the credential with its Data
 * Integrity proof (records from before proofs: the proof-bearing form made for them), with
 * the code their file names carry.
 */
export async function signedRecord(recordId: string) {
  return prisma.completionRecord.findUnique({
    where: { id: recordId },
    select: { jwt: true, credential: true, dataIntegrity: true, code: true },
  })
}
