import type { Route } from './+types/record-json'
import { erasedRecordResponse, signedRecord } from '#app/records/record-downloads.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/** The credential as JSON-LD with its embedded Data Integrity proof. */
export async function loader({ params }: Route.LoaderArgs) {
  const record = await signedRecord(params.recordId)
  invariantResponse(record)
  if (record.user?.erasedAt) return erasedRecordResponse()
  return new Response(
    JSON.stringify(JSON.parse(record.dataIntegrity ?? record.credential), null, 2),
    {
      headers: {
        'Content-Type': 'application/vc',
        'Content-Disposition': `attachment; filename="bewijs-${record.code}.json"`,
        'Access-Control-Allow-Origin': '*',
      },
    },
  )
}
