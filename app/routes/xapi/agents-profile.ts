import type { Route } from './+types/agents-profile'
import { documentGet, documentWrite } from '#app/xapi/document-requests.server.ts'

/** Our LRS's agent-profile documents (xAPI 1.0.3), for cmi5 content with a launch credential. */
export function loader({ request }: Route.LoaderArgs) {
  return documentGet(request, 'agent-profile')
}

export function action({ request }: Route.ActionArgs) {
  return documentWrite(request, 'agent-profile')
}
