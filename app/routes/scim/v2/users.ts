import type { Route } from './+types/users'
import { scimJson } from '#app/integrations/scim/errors.ts'
import { parseFilter, parsePaging } from '#app/integrations/scim/filter.ts'
import {
  handleScim,
  listResponse,
  methodNotAllowed,
  readScimBody,
  scimBaseUrl,
} from '#app/integrations/scim/http.server.ts'
import { readUser, userResource } from '#app/integrations/scim/user-resource.ts'
import { createScimUser, listScimUsers } from '#app/integrations/scim/user-provisioning.server.ts'

/** GET /scim/v2/Users?filter=userName eq "…"&startIndex=&count= */
export function loader({ request }: Route.LoaderArgs) {
  return handleScim(request, async (client) => {
    const params = new URL(request.url).searchParams
    const filter = parseFilter(params.get('filter'), ['userName', 'externalId'])
    const paging = parsePaging(params)
    const { total, users } = await listScimUsers(client, filter, paging)
    const base = scimBaseUrl(request)
    return listResponse(
      users.map((u) => userResource(u, base)),
      total,
      paging.startIndex,
    )
  })
}

/** POST /scim/v2/Users: provision a person into the token's organisation. */
export function action({ request }: Route.ActionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('GET, POST')
  return handleScim(request, async (client) => {
    const user = await createScimUser(client, readUser(await readScimBody(request)))
    const resource = userResource(user, scimBaseUrl(request))
    return scimJson(resource, { status: 201, headers: { Location: resource.meta.location } })
  })
}
