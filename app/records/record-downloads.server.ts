import { prisma } from '#app/db.server.ts'

/**
 * What a record's public downloads serve: the VC-JWT, and the credential with its Data
 * Integrity proof (records from before proofs: the proof-bearing form made for them), with
 * the code their file names carry.
 */
export async function signedRecord(recordId: string) {
  return prisma.completionRecord.findUnique({
    where: { id: recordId },
    select: {
      jwt: true,
      credential: true,
      dataIntegrity: true,
      code: true,
      user: { select: { erasedAt: true } },
    },
  })
}

/**
 * The answer for a signed form the platform no longer has: the holder was erased (AVG art.
 * 17), so only their own copy exists; it still verifies against the published keys and list.
 */
export function erasedRecordResponse() {
  return new Response(
    'The holder of this record had their data erased: ask them for their copy and check it at /verify.',
    { status: 410, headers: { 'Access-Control-Allow-Origin': '*' } },
  )
}
