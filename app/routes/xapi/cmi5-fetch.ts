import type { Route } from './+types/cmi5-fetch'
import { fetchCredential } from '#app/packages/cmi5-launch.server.ts'
import { jsonResponse, preflight } from '#app/xapi/http.server.ts'

/** The cmi5 fetch URL: POST once for the AU's xAPI credential (opaque-origin CORS). */
export async function action({ request, params }: Route.ActionArgs) {
  if (request.method !== 'POST') return jsonResponse({ error: 'Method not allowed' }, 405)
  // cmi5 8.2.3: errors are answered as JSON with an error code, not as an HTTP failure.
  return jsonResponse(await fetchCredential(params.token))
}

/** React Router sends OPTIONS (the CORS preflight) and GET to the loader. */
export function loader({ request }: Route.LoaderArgs) {
  if (request.method === 'OPTIONS') return preflight()
  return jsonResponse({ error: 'Method not allowed' }, 405)
}
