import type { Route } from './+types/activities-state'
import { documentGet, documentWrite } from '#app/xapi/document-requests.server.ts'

/** Our LRS's state documents (xAPI 1.0.3), for cmi5 content with a launch credential. */
export function loader({ request }: Route.LoaderArgs) {
  return documentGet(request, 'state')
}

export function action({ request }: Route.ActionArgs) {
  return documentWrite(request, 'state')
}
