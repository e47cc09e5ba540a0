import type { Route } from './+types/group'
import { scimJson } from '#app/integrations/scim/errors.ts'
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
import {
  handleScim,
  methodNotAllowed,
  readScimBody,
  scimBaseUrl,
} from '#app/integrations/scim/http.server.ts'
import { applyPatch } from '#app/integrations/scim/patch.ts'

export function loader({ request, params }: Route.LoaderArgs) {
  const excluded = new URL(request.url).searchParams.get('excludedAttributes') ?? ''
  return handleScim(request, async (client) => {
    const group = await getScimGroup(client, params.groupId, !/\bmembers\b/i.test(excluded))
    return scimJson(groupResource(group, scimBaseUrl(request)))
  })
}

/** PUT replaces name and members, PATCH renames or adds/removes members, DELETE removes. */
export function action({ request, params }: Route.ActionArgs) {
  const method = request.method
  if (!['PUT', 'PATCH', 'DELETE'].includes(method))
    return methodNotAllowed('GET, PUT, PATCH, DELETE')
  return handleScim(request, async (client) => {
    const base = scimBaseUrl(request)
    if (method === 'DELETE') {
      await deleteScimGroup(client, params.groupId)
      return scimJson(null, { status: 204 })
    }
    const body = await readScimBody(request)
    const group = await updateScimGroup(client, params.groupId, (current) =>
      readGroup(
        method === 'PUT'
          ? body
          : applyPatch(groupResource(current, base), body, {
              attributes: GROUP_ATTRIBUTES,
              maxOperations: MAX_GROUP_OPERATIONS,
            }),
      ),
    )
    // Entra ignores the body of a group PATCH; answering 204 spares serialising 1,000 members.
    return method === 'PATCH'
      ? scimJson(null, { status: 204 })
      : scimJson(groupResource(group, base))
  })
}
