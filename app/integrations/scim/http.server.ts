import { LastAdminError } from '#app/domain/organisations.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import { ScimError, scimJson } from './errors.ts'
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
  const declared = Number(request.headers.get('Content-Length') ?? 0)
  if (declared > MAX_BODY_BYTES) throw tooLarge()
  const reader = request.body?.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  while (reader) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
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
