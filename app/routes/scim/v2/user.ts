import type { Route } from './+types/user'
import { getScimResource, modifyScimResource } from '#app/integrations/scim/http.server.ts'
import { readUser, USER_ATTRIBUTES, userResource } from '#app/integrations/scim/user-resource.ts'
import {
  deleteScimUser,
  getScimUser,
  updateScimUser,
} from '#app/integrations/scim/user-provisioning.server.ts'

export function loader({ request, params }: Route.LoaderArgs) {
  return getScimResource(request, {
    get: (client) => getScimUser(client, params.userId),
    toResource: userResource,
  })
}

/** PUT replaces, PATCH applies operations to the stored user, DELETE deprovisions. */
export function action({ request, params }: Route.ActionArgs) {
  return modifyScimResource(request, {
    read: readUser,
    toResource: userResource,
    attributes: USER_ATTRIBUTES,
    maxOperations: 100,
    update: (client, change) => updateScimUser(client, params.userId, change),
    remove: (client) => deleteScimUser(client, params.userId),
  })
}
