import type { Route } from './+types/users'
import { createScimResource, listScimResources } from '#app/integrations/scim/http.server.ts'
import { readUser, userResource } from '#app/integrations/scim/user-resource.ts'
import { createScimUser, listScimUsers } from '#app/integrations/scim/user-provisioning.server.ts'

/** GET /scim/v2/Users?filter=userName eq "…"&startIndex=&count= */
export function loader({ request }: Route.LoaderArgs) {
  return listScimResources(request, {
    filterBy: ['userName', 'externalId'],
    list: async (client, filter, paging) => {
      const { total, users } = await listScimUsers(client, filter, paging)
      return { total, items: users }
    },
    toResource: userResource,
  })
}

/** POST /scim/v2/Users: provision a person into the token's organisation. */
export function action({ request }: Route.ActionArgs) {
  return createScimResource(request, {
    read: readUser,
    create: createScimUser,
    toResource: userResource,
  })
}
