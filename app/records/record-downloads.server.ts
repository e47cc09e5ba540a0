import { prisma } from '#app/db.server.ts'

/**
 * What a record's public downloads serve: the VC-JWT and the credential exactly as signed,
 * with the code their file names carry.
 */
export async function signedRecord(recordId: string) {
  return prisma.completionRecord.findUnique({
    where: { id: recordId },
    select: { jwt: true, credential: true, code: true },
  })
}
