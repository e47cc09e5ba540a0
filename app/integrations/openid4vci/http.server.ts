import { BodyTooLarge, readBoundedBody } from '#app/utils/bounded-body.server.ts'

/**
 * HTTP shapes of the OpenID4VCI endpoints: bodies read with a limit (everything a wallet
 * sends is untrusted), and errors as RFC 6749 / OpenID4VCI JSON, never cached.
 */
export const MAX_BODY_BYTES = 64 * 1024

export { BodyTooLarge }

/** The body as text, refused past MAX_BODY_BYTES whatever Content-Length claims. */
export const readBody = (request: Request) => readBoundedBody(request, MAX_BODY_BYTES)

export const NO_STORE = { 'Cache-Control': 'no-store' }

export function noStoreJson(body: unknown, init: { status?: number; headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers)
  headers.set('Cache-Control', 'no-store')
  return Response.json(body, { status: init.status ?? 200, headers })
}

export function oauthError(
  status: number,
  error: string,
  description: string,
  headers: HeadersInit = {},
) {
  return noStoreJson({ error, error_description: description }, { status, headers })
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(request: Request): string | null {
  const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(request.headers.get('Authorization') ?? '')
  return match ? match[1]! : null
}

/** Public metadata: any wallet or web client may read it. */
export const PUBLIC_JSON = {
  'Cache-Control': 'public, max-age=300',
  'Access-Control-Allow-Origin': '*',
}
