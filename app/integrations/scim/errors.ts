import type { z } from 'zod'
/** SCIM's error detail types (RFC 7644 §3.12) that this server answers with. */
export type ScimType =
  | 'invalidSyntax'
  | 'invalidValue'
  | 'invalidPath'
  | 'invalidFilter'
  | 'uniqueness'
  | 'mutability'
  | 'noTarget'
  | 'tooMany'

export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error'
export const SCIM_CONTENT_TYPE = 'application/scim+json'

/**
 * A refusal the identity system can read: thrown anywhere below a SCIM route and turned into
 * an error object (status as a string, as the RFC's examples and Entra expect).
 */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail)
  }

  toResponse(headers: Record<string, string> = {}): Response {
    return scimJson(
      {
        schemas: [ERROR_SCHEMA],
        status: String(this.status),
        ...(this.scimType ? { scimType: this.scimType } : {}),
        detail: this.detail,
      },
      { status: this.status, headers },
    )
  }
}

export const invalidValue = (detail: string) => new ScimError(400, detail, 'invalidValue')
export const invalidPath = (detail: string) => new ScimError(400, detail, 'invalidPath')
export const notFound = (what = 'Resource') => new ScimError(404, `${what} not found`)

export function scimJson(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers)
  headers.set('Content-Type', SCIM_CONTENT_TYPE)
  return new Response(body === null ? null : JSON.stringify(body), { ...init, headers })
}

/**
 * A body checked against a resource's schema; the first issue becomes invalidValue, naming
 * where it is (an unknown attribute by name).
 */
export function parseResource<S extends z.ZodTypeAny>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const where = issue.path.join('.') || 'body'
  if (issue.code === 'unrecognized_keys')
    throw invalidValue(`Unknown attribute ${issue.keys.join(', ')} in ${where}`)
  throw invalidValue(`${where}: ${issue.message}`)
}
