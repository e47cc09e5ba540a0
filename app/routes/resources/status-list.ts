import type { Route } from './+types/status-list'
import { STATUS_LIST_TTL_SECONDS, statusListCredential } from '#app/records/status-list.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/**
 * A published Bitstring Status List: which of the records pointing into it are revoked,
 * signed. Public and cacheable for a few minutes, so a revocation reaches every verifier soon.
 */
export async function loader({ params }: Route.LoaderArgs) {
  const credential = await statusListCredential(params.listId)
  invariantResponse(credential)
  return Response.json(credential, {
    headers: {
      'Content-Type': 'application/vc',
      'Cache-Control': `public, max-age=${STATUS_LIST_TTL_SECONDS}`,
      'Access-Control-Allow-Origin': '*',
    },
  })
}
