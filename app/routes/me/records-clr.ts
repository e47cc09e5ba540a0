import type { Route } from './+types/records-clr'
import { requireUser } from '#app/auth/authorize.server.ts'
import { buildLearnerClr } from '#app/records/clr.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/**
 * All of the learner's current records in one CLR 2.0 credential: `/records/clr.json` (with
 * its Data Integrity proof) or `/records/clr.jwt` (the VC-JWT over it). Signed afresh on each
 * download, for the learner only.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const signed = await buildLearnerClr(user.id)
  invariantResponse(signed, 'No current records', { status: 404 })
  const asJwt = new URL(request.url).pathname.endsWith('.jwt')
  return new Response(asJwt ? signed.jwt : JSON.stringify(signed.credential, null, 2), {
    headers: {
      'Content-Type': asJwt ? 'application/vc+jwt' : 'application/vc',
      'Content-Disposition': `attachment; filename="alle-bewijzen.${asJwt ? 'jwt' : 'json'}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
