import type { Route } from './+types/groups'
import { scimJson } from '#app/integrations/scim/errors.ts'
import { parseFilter, parsePaging } from '#app/integrations/scim/filter.ts'
import {
  createScimGroup,
  listScimGroups,
} from '#app/integrations/scim/group-provisioning.server.ts'
import { groupResource, readGroup } from '#app/integrations/scim/group-resource.ts'
import {
  handleScim,
  listResponse,
  methodNotAllowed,
  readScimBody,
  scimBaseUrl,
} from '#app/integrations/scim/http.server.ts'

/** GET /scim/v2/Groups?filter=displayName eq "…"; Entra asks excludedAttributes=members. */
export function loader({ request }: Route.LoaderArgs) {
  return handleScim(request, async (client) => {
    const params = new URL(request.url).searchParams
    const filter = parseFilter(params.get('filter'), ['displayName'])
    const paging = parsePaging(params)
    const withMembers = !/\bmembers\b/i.test(params.get('excludedAttributes') ?? '')
    const { total, groups } = await listScimGroups(client, filter, paging, withMembers)
    const base = scimBaseUrl(request)
    return listResponse(
      groups.map((g) => groupResource(g, base)),
      total,
      paging.startIndex,
    )
  })
}

/** POST /scim/v2/Groups: a new team. */
export function action({ request }: Route.ActionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('GET, POST')
  return handleScim(request, async (client) => {
    const group = await createScimGroup(client, readGroup(await readScimBody(request)))
    const resource = groupResource(group, scimBaseUrl(request))
    return scimJson(resource, { status: 201, headers: { Location: resource.meta.location } })
  })
}
