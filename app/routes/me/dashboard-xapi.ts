import type { Route } from './+types/dashboard-xapi'
import { requireUser } from '#app/auth/authorize.server.ts'
import { xapiStatements } from '#app/domain/xapi.server.ts'

/** The learner's own learning record as xAPI 1.0.3 statements (a JSON download). */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const statements = await xapiStatements(user.id)
  return new Response(JSON.stringify(statements, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="leerplein-xapi.json"',
      'X-Experience-API-Version': '1.0.3',
    },
  })
}
