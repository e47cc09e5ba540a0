import type { Route } from './+types/statements'
import { statementsGet, statementsWrite } from '#app/xapi/statement-requests.server.ts'

/** Our LRS's Statements resource (xAPI 1.0.3), for cmi5 content with a launch credential. */
export function loader({ request }: Route.LoaderArgs) {
  return statementsGet(request)
}

export function action({ request }: Route.ActionArgs) {
  return statementsWrite(request)
}
