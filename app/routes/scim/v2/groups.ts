import type { Route } from './+types/groups'
import {
  createScimGroup,
  listScimGroups,
} from '#app/integrations/scim/group-provisioning.server.ts'
import { groupResource, readGroup } from '#app/integrations/scim/group-resource.ts'
import { createScimResource, listScimResources } from '#app/integrations/scim/http.server.ts'

/** GET /scim/v2/Groups?filter=displayName eq "…"; Entra asks excludedAttributes=members. */
export function loader({ request }: Route.LoaderArgs) {
  return listScimResources(request, {
    filterBy: ['displayName'],
    list: async (client, filter, paging, search) => {
      const withMembers = !/\bmembers\b/i.test(search.get('excludedAttributes') ?? '')
      const { total, groups } = await listScimGroups(client, filter, paging, withMembers)
      return { total, items: groups }
    },
    toResource: groupResource,
  })
}

/** POST /scim/v2/Groups: a new team. */
export function action({ request }: Route.ActionArgs) {
  return createScimResource(request, {
    read: readGroup,
    create: createScimGroup,
    toResource: groupResource,
  })
}
