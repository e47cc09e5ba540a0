import { RESOURCE_TYPES } from '#app/integrations/scim/discovery.ts'
import { listResponse } from '#app/integrations/scim/http.server.ts'

export function loader() {
  return listResponse(RESOURCE_TYPES, RESOURCE_TYPES.length, 1)
}
