import { LastAdminError } from '#app/domain/organisations.server.ts'
import { BodyTooLarge, readBoundedBody } from '#app/utils/bounded-body.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import { ScimError, scimJson } from './errors.ts'
import { parseFilter, parsePaging, type Filter } from './filter.ts'
import { applyPatch, type PatchSpec } from './patch.ts'
import { authenticateScim, type ScimClient } from './scim-tokens.server.ts'

/** A body larger than this is refused before it is read on: 1,000 member operations fit. */
export const MAX_BODY_BYTES = 1024 * 1024

/**
 * Run one SCIM request for the organisation of its bearer token. Every refusal below becomes
 * a SCIM error object; a unique-key race lost to a concurrent request is a 409 like any
 * other duplicate.
 */
export async function handleScim(
  request: Request,
  handle: (client: ScimClient) => Promise<Response>,
): Promise<Response> {
  try {
    return await handle(await authenticateScim(request))
  } catch (error) {
    if (error instanceof Response) return error
    if (error instanceof ScimError) return error.toResponse()
    if (error instanceof LastAdminError)
      return new ScimError(400, error.message, 'mutability').toResponse()
    if (isUniqueViolation(error))
      return new ScimError(409, 'The resource already exists', 'uniqueness').toResponse()
    throw error
  }
}

/** The request's JSON body, at most MAX_BODY_BYTES; anything unreadable is invalidSyntax. */
export async function readScimBody(request: Request): Promise<unknown> {
  let text: string
  try {
    text = await readBoundedBody(request, MAX_BODY_BYTES)
  } catch (error) {
    if (error instanceof BodyTooLarge) throw tooLarge()
    throw error
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new ScimError(400, 'The body is not valid JSON', 'invalidSyntax')
  }
}

const tooLarge = () => new ScimError(413, `The body is larger than ${MAX_BODY_BYTES} bytes`)

/** `<origin>/scim/v2`, for each resource's meta.location. */
export function scimBaseUrl(request: Request) {
  return `${new URL(request.url).origin}/scim/v2`
}

export function listResponse(resources: unknown[], total: number, startIndex: number) {
  return scimJson({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  })
}

export function methodNotAllowed(allowed: string) {
  return new ScimError(405, `Use ${allowed}`).toResponse({ Allow: allowed })
}

/** A SCIM resource as answered: JSON that PATCH can apply to, with its meta.location. */
type Resource = Parameters<typeof applyPatch>[0] & { meta: { location: string } }
type ToResource<Stored> = (stored: Stored, baseUrl: string) => Resource

/** GET of a collection: its filter (on `filterBy` only) and paging, each item a resource. */
export function listScimResources<Stored>(
  request: Request,
  spec: {
    filterBy: readonly string[]
    list: (
      client: ScimClient,
      filter: Filter,
      paging: ReturnType<typeof parsePaging>,
      params: URLSearchParams,
    ) => Promise<{ total: number; items: Stored[] }>
    toResource: ToResource<Stored>
  },
) {
  return handleScim(request, async (client) => {
    const params = new URL(request.url).searchParams
    const filter = parseFilter(params.get('filter'), spec.filterBy)
    const paging = parsePaging(params)
    const { total, items } = await spec.list(client, filter, paging, params)
    const base = scimBaseUrl(request)
    return listResponse(
      items.map((item) => spec.toResource(item, base)),
      total,
      paging.startIndex,
    )
  })
}

/** POST to a collection: 201 with the new resource and its Location; any other method 405. */
export function createScimResource<Stored, Input>(
  request: Request,
  spec: {
    read: (body: unknown) => Input
    create: (client: ScimClient, input: Input) => Promise<Stored>
    toResource: ToResource<Stored>
  },
) {
  if (request.method !== 'POST') return methodNotAllowed('GET, POST')
  return handleScim(request, async (client) => {
    const stored = await spec.create(client, spec.read(await readScimBody(request)))
    const resource = spec.toResource(stored, scimBaseUrl(request))
    return scimJson(resource, { status: 201, headers: { Location: resource.meta.location } })
  })
}

/** GET of one resource. */
export function getScimResource<Stored>(
  request: Request,
  spec: {
    get: (client: ScimClient, params: URLSearchParams) => Promise<Stored>
    toResource: ToResource<Stored>
  },
) {
  return handleScim(request, async (client) => {
    const stored = await spec.get(client, new URL(request.url).searchParams)
    return scimJson(spec.toResource(stored, scimBaseUrl(request)))
  })
}

/**
 * PUT replaces, PATCH applies operations to the stored resource, DELETE removes (204); any
 * other method 405. `patchNoContent` answers a PATCH with 204 instead of the resource.
 */
export function modifyScimResource<Stored, Input>(
  request: Request,
  spec: PatchSpec & {
    read: (body: unknown) => Input
    toResource: ToResource<Stored>
    update: (client: ScimClient, change: (current: Stored) => Input) => Promise<Stored>
    remove: (client: ScimClient) => Promise<unknown>
    patchNoContent?: boolean
  },
) {
  const method = request.method
  if (!['PUT', 'PATCH', 'DELETE'].includes(method))
    return methodNotAllowed('GET, PUT, PATCH, DELETE')
  return handleScim(request, async (client) => {
    const base = scimBaseUrl(request)
    if (method === 'DELETE') {
      await spec.remove(client)
      return scimJson(null, { status: 204 })
    }
    const body = await readScimBody(request)
    const stored = await spec.update(client, (current) =>
      spec.read(
        method === 'PUT'
          ? body
          : applyPatch(spec.toResource(current, base), body, {
              attributes: spec.attributes,
              maxOperations: spec.maxOperations,
            }),
      ),
    )
    return method === 'PATCH' && spec.patchNoContent
      ? scimJson(null, { status: 204 })
      : scimJson(spec.toResource(stored, base))
  })
}
