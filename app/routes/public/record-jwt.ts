import type { Route } from './+types/record-jwt'
import { erasedRecordResponse, signedRecord } from '#app/records/record-downloads.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/** The signed credential (VC-JWT), as a file to hand to a wallet or another platform. */
export async function loader({ params }: Route.LoaderArgs) {
  const record = await signedRecord(params.recordId)
  invariantResponse(record)
  if (record.user?.erasedAt) return erasedRecordResponse()
  return new Response(record.jwt, {
    headers: {
      'Content-Type': 'application/vc+jwt',
      'Content-Disposition': `attachment; filename="bewijs-${record.code}.jwt"`,
      'Access-Control-Allow-Origin': '*',
    },
  })
}
