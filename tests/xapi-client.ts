import * as about from '#app/routes/xapi/about.ts'
import * as activityProfile from '#app/routes/xapi/activities-profile.ts'
import * as state from '#app/routes/xapi/activities-state.ts'
import * as agentProfile from '#app/routes/xapi/agents-profile.ts'
import * as fetchRoute from '#app/routes/xapi/cmi5-fetch.ts'
import * as statements from '#app/routes/xapi/statements.ts'
import { ORIGIN } from './cmi5-fixtures.ts'

/**
 * Calls our /xapi/ routes as React Router would, with real Requests, the way a cmi5 AU in
 * its sandbox sends them (Origin: null, Basic credential, version header).
 */
const ROUTES: Record<string, { loader?: unknown; action?: unknown }> = {
  about,
  statements,
  'activities/state': state,
  'activities/profile': activityProfile,
  'agents/profile': agentProfile,
}

/** A parsed JSON answer, read freely in assertions: whatever JSON.parse gives. */
export type Json = ReturnType<typeof JSON.parse>

type Handler = (args: {
  request: Request
  params: Record<string, string>
  context: never
}) => Response | Promise<Response>

export type XapiCall = {
  auth?: string | null
  body?: unknown
  /** Raw body text (then `body` is ignored). */
  raw?: string
  contentType?: string
  headers?: Record<string, string>
  version?: string | null
}

export async function xapi(method: string, path: string, call: XapiCall = {}) {
  const url = new URL(`/xapi/${path}`, ORIGIN)
  const route = ROUTES[url.pathname.slice('/xapi/'.length)]
  if (!route) throw new Error(`No route for ${path}`)
  const headers: Record<string, string> = { Origin: 'null', ...call.headers }
  if (call.version !== null) headers['X-Experience-API-Version'] = call.version ?? '1.0.3'
  if (call.auth) headers.Authorization = call.auth
  const hasBody = call.raw !== undefined || call.body !== undefined
  if (hasBody) headers['Content-Type'] = call.contentType ?? 'application/json'
  const request = new Request(url, {
    method,
    headers,
    body: hasBody ? (call.raw ?? JSON.stringify(call.body)) : undefined,
  })
  // As React Router does: only mutations go to the action; OPTIONS goes to the loader.
  const handler = (
    ['GET', 'HEAD', 'OPTIONS'].includes(method) ? route.loader : route.action
  ) as Handler
  const response = await handler({ request, params: {}, context: undefined as never })
  const text = await response.text()
  let json: unknown = undefined
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json: json as Json }
}

export async function cmi5Fetch(token: string, method = 'POST') {
  const request = new Request(`${ORIGIN}/xapi/cmi5/fetch/${token}`, {
    method,
    headers: { Origin: 'null' },
  })
  const handler = method === 'POST' ? fetchRoute.action : fetchRoute.loader
  const response = await (handler as unknown as Handler)({
    request,
    params: { token },
    context: undefined as never,
  })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    json: text ? JSON.parse(text) : null,
  }
}
