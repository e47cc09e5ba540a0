import { SCHEMAS } from '#app/integrations/scim/discovery.ts'
import { listResponse } from '#app/integrations/scim/http.server.ts'

export function loader() {
  return listResponse(SCHEMAS, SCHEMAS.length, 1)
}
