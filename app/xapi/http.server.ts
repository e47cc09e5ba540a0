import { BodyTooLarge, readBoundedBytes } from '#app/utils/bounded-body.server.ts'

/**
 * The HTTP side of our LRS: every /xapi/ answer carries the version header and open CORS,
 * because cmi5 content runs in an opaque-origin iframe (`Origin: null`) and authenticates
 * with a Basic credential, never a cookie: no credentials mode is needed or allowed.
 */
export const XAPI_VERSION = '1.0.3'
/** Request versions we understand: 1.0.x and 2.0.0 (what the statement shape allows). */
const ACCEPTED_VERSION = /^(1\.0(\.\d+)?|2\.0\.0)$/

/** The largest request body we read (statements or a document). */
export const MAX_BODY_BYTES = 1_000_000

/**
 * Our LRS's paths: written to from the opaque-origin sandbox (`Origin: null`), so exempt
 * from the cross-origin write check (app/root.tsx). No cookie is read there: every request
 * carries its launch's Basic credential (or, for the fetch URL, its one-time token).
 */
export const isXapiPath = (pathname: string) => pathname.startsWith('/xapi/')

export const corsHeaders: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, PUT, POST, DELETE, HEAD, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match',
  'Access-Control-Expose-Headers':
    'ETag, Last-Modified, X-Experience-API-Version, X-Experience-API-Consistent-Through',
  'Access-Control-Max-Age': '600',
}

export class XapiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

export function xapiHeaders(extra: Record<string, string> = {}): Headers {
  return new Headers({ ...corsHeaders, 'X-Experience-API-Version': XAPI_VERSION, ...extra })
}

export function jsonResponse(body: unknown, status = 200, extra: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: xapiHeaders({ 'Content-Type': 'application/json; charset=utf-8', ...extra }),
  })
}

export function emptyResponse(status = 204, extra: Record<string, string> = {}) {
  return new Response(null, { status, headers: xapiHeaders(extra) })
}

export function preflight() {
  return new Response(null, { status: 204, headers: xapiHeaders() })
}

/** Throws 400 unless the request names an xAPI version we speak. */
export function requireVersion(request: Request) {
  const version = request.headers.get('X-Experience-API-Version')
  if (!version) throw new XapiError(400, 'X-Experience-API-Version header missing')
  if (!ACCEPTED_VERSION.test(version.trim()))
    throw new XapiError(400, `X-Experience-API-Version ${version} not supported`)
}

/** The body as bytes, refusing more than MAX_BODY_BYTES even without a Content-Length. */
export async function readBody(request: Request): Promise<Uint8Array> {
  try {
    return await readBoundedBytes(request, MAX_BODY_BYTES)
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new XapiError(413, 'Request body too large')
    throw error
  }
}

export async function readJson(request: Request): Promise<unknown> {
  const text = new TextDecoder().decode(await readBody(request))
  try {
    return JSON.parse(text)
  } catch {
    throw new XapiError(400, 'Body is not valid JSON')
  }
}

/**
 * Run a handler and turn an XapiError into its answer; anything else is a real fault and
 * goes to React Router's error handling.
 */
export async function xapiHandler(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof XapiError)
      return jsonResponse({ error: error.message }, error.status, error.headers)
    throw error
  }
}

/** A JSON query parameter (agent): 400 when it is not JSON. */
export function jsonParam(url: URL, name: string): unknown {
  const value = url.searchParams.get(name)
  if (value === null) return undefined
  try {
    return JSON.parse(value)
  } catch {
    throw new XapiError(400, `${name} is not valid JSON`)
  }
}
