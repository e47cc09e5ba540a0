import type { Route } from './+types/user'
import { scimJson } from '#app/integrations/scim/errors.ts'
import {
  handleScim,
  methodNotAllowed,
  readScimBody,
  scimBaseUrl,
} from '#app/integrations/scim/http.server.ts'
import { applyPatch } from '#app/integrations/scim/patch.ts'
import { readUser, USER_ATTRIBUTES, userResource } from '#app/integrations/scim/user-resource.ts'
import {
  deleteScimUser,
  getScimUser,
  updateScimUser,
} from '#app/integrations/scim/user-provisioning.server.ts'

export function loader({ request, params }: Route.LoaderArgs) {
  return handleScim(request, async (client) =>
    scimJson(userResource(await getScimUser(client, params.userId), scimBaseUrl(request))),
  )
}

/** PUT replaces, PATCH applies operations to the stored user, DELETE deprovisions. */
export function action({ request, params }: Route.ActionArgs) {
  const method = request.method
  if (!['PUT', 'PATCH', 'DELETE'].includes(method))
    return methodNotAllowed('GET, PUT, PATCH, DELETE')
  return handleScim(request, async (client) => {
    const base = scimBaseUrl(request)
    if (method === 'DELETE') {
      await deleteScimUser(client, params.userId)
      return scimJson(null, { status: 204 })
    }
    const body = await readScimBody(request)
    const user = await updateScimUser(client, params.userId, (current) =>
      readUser(
        method === 'PUT'
          ? body
          : applyPatch(userResource(current, base), body, {
              attributes: USER_ATTRIBUTES,
              maxOperations: 100,
            }),
      ),
    )
    return scimJson(userResource(user, base))
  })
}
