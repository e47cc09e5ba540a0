import type { Route } from './+types/about'
import { jsonResponse, preflight } from '#app/xapi/http.server.ts'

/** xAPI /about: the versions our LRS speaks (no credential needed). */
export function loader({ request }: Route.LoaderArgs) {
  if (request.method === 'OPTIONS') return preflight()
  return jsonResponse({ version: ['1.0.3', '1.0.2', '1.0.1', '1.0.0', '2.0.0'] })
}
