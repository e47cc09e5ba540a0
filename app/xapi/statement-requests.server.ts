import { requireScope } from './credentials.server.ts'
import {
  XapiError,
  emptyResponse,
  jsonParam,
  jsonResponse,
  preflight,
  readJson,
  requireVersion,
  xapiHandler,
} from './http.server.ts'
import { queryStatements, receiveStatements, type StatementQuery } from './statements.server.ts'

/**
 * The Statements resource over HTTP (xAPI 1.0.3 part 3, 2.1): parses the request, calls
 * statements.server.ts and shapes the answer, `more` included.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function dateParam(url: URL, name: string) {
  const value = url.searchParams.get(name)
  if (value === null) return undefined
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) throw new XapiError(400, `${name} is not a timestamp`)
  return date
}

function boolParam(url: URL, name: string) {
  const value = url.searchParams.get(name)
  if (value === null) return undefined
  if (value !== 'true' && value !== 'false')
    throw new XapiError(400, `${name} must be true or false`)
  return value === 'true'
}

const encodeCursor = (after: { storedAt: Date; id: string }) =>
  Buffer.from(JSON.stringify([after.storedAt.toISOString(), after.id])).toString('base64url')

function decodeCursor(cursor: string) {
  try {
    const [storedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      string,
      string,
    ]
    const date = new Date(storedAt)
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor')
    return { storedAt: date, id }
  } catch {
    throw new XapiError(400, 'cursor is not one of ours')
  }
}

/** GET, HEAD and (React Router sends it to the loader) the CORS preflight OPTIONS. */
export function statementsGet(request: Request) {
  if (request.method === 'OPTIONS') return Promise.resolve(preflight())
  return xapiHandler(async () => {
    requireVersion(request)
    const scope = await requireScope(request)
    const url = new URL(request.url)
    const statementId = url.searchParams.get('statementId') ?? undefined
    const voidedStatementId = url.searchParams.get('voidedStatementId') ?? undefined
    for (const id of [statementId, voidedStatementId])
      if (id !== undefined && !UUID.test(id)) throw new XapiError(400, 'Not a statement id')
    if (statementId && voidedStatementId)
      throw new XapiError(400, 'statementId and voidedStatementId exclude each other')
    const format = url.searchParams.get('format') ?? 'exact'
    if (!['exact', 'ids', 'canonical'].includes(format))
      throw new XapiError(400, 'format must be ids, exact or canonical')
    const limit = url.searchParams.get('limit')
    if (limit !== null && !/^\d+$/.test(limit)) throw new XapiError(400, 'limit must be a number')
    const cursor = url.searchParams.get('cursor')
    const query: StatementQuery = {
      statementId,
      voidedStatementId,
      agent: jsonParam(url, 'agent'),
      verb: url.searchParams.get('verb') ?? undefined,
      activity: url.searchParams.get('activity') ?? undefined,
      registration: url.searchParams.get('registration') ?? undefined,
      relatedActivities: boolParam(url, 'related_activities'),
      since: dateParam(url, 'since'),
      until: dateParam(url, 'until'),
      limit: limit === null ? undefined : Number(limit),
      ascending: boolParam(url, 'ascending'),
      after: cursor ? decodeCursor(cursor) : undefined,
    }
    boolParam(url, 'attachments')
    boolParam(url, 'related_agents')
    const consistentThrough = new Date().toISOString()
    const page = await queryStatements(scope, query)
    const headers = { 'X-Experience-API-Consistent-Through': consistentThrough }
    if (statementId || voidedStatementId) {
      const statement = page.statements[0]
      if (!statement) return jsonResponse({ error: 'No such statement' }, 404, headers)
      return jsonResponse(statement, 200, {
        ...headers,
        'Last-Modified': new Date(statement.stored as string).toUTCString(),
      })
    }
    let more = ''
    if (page.next) {
      const next = new URLSearchParams(url.searchParams)
      next.set('cursor', encodeCursor(page.next))
      more = `/xapi/statements?${next.toString()}`
    }
    return jsonResponse({ statements: page.statements, more }, 200, headers)
  })
}

export function statementsWrite(request: Request) {
  return xapiHandler(async () => {
    requireVersion(request)
    const scope = await requireScope(request)
    const type = request.headers.get('Content-Type') ?? ''
    if (!type.toLowerCase().startsWith('application/json'))
      throw new XapiError(400, 'Statements are sent as application/json (no attachments)')
    if (request.method === 'PUT') {
      const statementId = new URL(request.url).searchParams.get('statementId')
      if (!statementId || !UUID.test(statementId))
        throw new XapiError(400, 'PUT needs a statementId parameter')
      await receiveStatements(scope, await readJson(request), { statementId })
      return emptyResponse(204)
    }
    if (request.method === 'POST') {
      return jsonResponse(await receiveStatements(scope, await readJson(request)))
    }
    throw new XapiError(405, 'Method not allowed')
  })
}
