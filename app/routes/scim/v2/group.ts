import type { Route } from './+types/group'
import {
  deleteScimGroup,
  getScimGroup,
  updateScimGroup,
} from '#app/integrations/scim/group-provisioning.server.ts'
import {
  GROUP_ATTRIBUTES,
  groupResource,
  MAX_GROUP_OPERATIONS,
  readGroup,
} from '#app/integrations/scim/group-resource.ts'
import { getScimResource, modifyScimResource } from '#app/integrations/scim/http.server.ts'

export function loader({ request, params }: Route.LoaderArgs) {
  return getScimResource(request, {
    get: (client, search) =>
      getScimGroup(
        client,
        params.groupId,
        !/\bmembers\b/i.test(search.get('excludedAttributes') ?? ''),
      ),
    toResource: groupResource,
  })
}

/** PUT replaces name and members, PATCH renames or adds/removes members, DELETE removes. */
export function action({ request, params }: Route.ActionArgs) {
  return modifyScimResource(request, {
    read: readGroup,
    toResource: groupResource,
    attributes: GROUP_ATTRIBUTES,
    maxOperations: MAX_GROUP_OPERATIONS,
    update: (client, change) => updateScimGroup(client, params.groupId, change),
    remove: (client) => deleteScimGroup(client, params.groupId),
    // Entra ignores the body of a group PATCH; answering 204 spares serialising 1,000 members.
    patchNoContent: true,
  })
}
