import { requireScope } from './credentials.server.ts'
import {
  deleteDocuments,
  documentIds,
  getDocument,
  writeDocument,
  type DocumentKind,
  type DocumentScope,
} from './documents.server.ts'
import {
  XapiError,
  emptyResponse,
  jsonParam,
  jsonResponse,
  preflight,
  readBody,
  requireVersion,
  xapiHandler,
  xapiHeaders,
} from './http.server.ts'
import { learnerAgent } from './learner-agent.server.ts'
import { sameAgent } from './statements.server.ts'

/**
 * The three document resources over HTTP. A credential reaches only its own learner's
 * documents and its own AU's activity (403 otherwise).
 */
const ID_PARAM: Record<DocumentKind, string> = {
  state: 'stateId',
  'activity-profile': 'profileId',
  'agent-profile': 'profileId',
}

async function scopeOf(request: Request, kind: DocumentKind) {
  requireVersion(request)
  const launch = await requireScope(request)
  const url = new URL(request.url)
  let userId: string | null = null
  let activityId: string | null = null
  let registration: string | null = null
  if (kind !== 'agent-profile') {
    activityId = url.searchParams.get('activityId')
    if (!activityId) throw new XapiError(400, 'activityId is required')
    if (activityId !== launch.activityId)
      throw new XapiError(403, 'This credential is for another activity')
  }
  if (kind !== 'activity-profile') {
    const agent = jsonParam(url, 'agent')
    if (agent === undefined) throw new XapiError(400, 'agent is required')
    if (!sameAgent(agent, learnerAgent(launch.userId)))
      throw new XapiError(403, 'This credential is for another learner')
    userId = launch.userId
  }
  if (kind === 'state') {
    registration = url.searchParams.get('registration')?.toLowerCase() ?? null
    if (registration !== null && registration !== launch.registration)
      throw new XapiError(403, 'This credential is for another registration')
  }
  const scope: DocumentScope = { kind, userId, activityId, registration }
  const documentId = url.searchParams.get(ID_PARAM[kind])
  return { scope, documentId, url }
}

const preconditions = (request: Request) => ({
  ifMatch: request.headers.get('If-Match'),
  ifNoneMatch: request.headers.get('If-None-Match'),
})

/** GET, HEAD and (React Router sends it to the loader) the CORS preflight OPTIONS. */
export function documentGet(request: Request, kind: DocumentKind) {
  if (request.method === 'OPTIONS') return Promise.resolve(preflight())
  return xapiHandler(async () => {
    const { scope, documentId, url } = await scopeOf(request, kind)
    if (documentId === null) {
      const sinceParam = url.searchParams.get('since')
      const since = sinceParam === null ? undefined : new Date(sinceParam)
      if (since && Number.isNaN(since.getTime()))
        throw new XapiError(400, 'since is not a timestamp')
      return jsonResponse(await documentIds(scope, since))
    }
    const document = await getDocument(scope, documentId)
    if (!document) return jsonResponse({ error: 'No such document' }, 404)
    return new Response(Buffer.from(document.content), {
      status: 200,
      headers: xapiHeaders({
        'Content-Type': document.contentType,
        ETag: `"${document.etag}"`,
        'Last-Modified': document.updatedAt.toUTCString(),
      }),
    })
  })
}

export function documentWrite(request: Request, kind: DocumentKind) {
  return xapiHandler(async () => {
    const { scope, documentId } = await scopeOf(request, kind)
    if (request.method === 'DELETE') {
      if (documentId === null && kind !== 'state')
        throw new XapiError(400, `${ID_PARAM[kind]} is required`)
      await deleteDocuments(scope, documentId, preconditions(request))
      return emptyResponse(204)
    }
    if (request.method !== 'PUT' && request.method !== 'POST')
      throw new XapiError(405, 'Method not allowed')
    if (documentId === null) throw new XapiError(400, `${ID_PARAM[kind]} is required`)
    await writeDocument(
      scope,
      documentId,
      {
        method: request.method,
        contentType: request.headers.get('Content-Type') ?? 'application/octet-stream',
        content: await readBody(request),
      },
      preconditions(request),
    )
    return emptyResponse(204)
  })
}
