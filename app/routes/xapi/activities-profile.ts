import type { Route } from './+types/activities-profile'
import { documentGet, documentWrite } from '#app/xapi/document-requests.server.ts'

/** Our LRS's activity-profile documents (xAPI 1.0.3), for cmi5 content with a launch credential. */
export function loader({ request }: Route.LoaderArgs) {
  return documentGet(request, 'activity-profile')
}

export function action({ request }: Route.ActionArgs) {
  return documentWrite(request, 'activity-profile')
}
