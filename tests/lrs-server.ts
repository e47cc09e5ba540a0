import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { isDeepStrictEqual } from 'node:util'

/**
 * A tiny Learning Record Store on 127.0.0.1 for tests: POST and PUT statements with id
 * dedupe (same content again: accepted, other content under a known id: 409, as xAPI 1.0.3
 * says), GET about, GET statements (for the credentials probe), Basic auth. It can be "down"
 * (503 on everything) or "unreachable" (the port refuses connections), and it counts how
 * often each statement id arrived, so a test can check "exactly once".
 */
export type TestLrs = {
  endpoint: string
  /** Statements stored, by id. */
  stored: Map<string, unknown>
  /** How many times each id arrived in a request (also the refused and duplicate ones). */
  arrivals: Map<string, number>
  requests: number
  /** 503 to every request. */
  answer503(on: boolean): void
  /** Close the port (connections refused) or open it again on the same port. */
  unreachable(on: boolean): Promise<void>
  close(): Promise<void>
}

export async function startTestLrs(
  credentials = { username: 'leerplein', secret: 'lrs-geheim' },
): Promise<TestLrs> {
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.secret}`).toString('base64')}`
  let down = false
  const sockets = new Set<Socket>()
  const lrs: Omit<TestLrs, 'endpoint' | 'answer503' | 'unreachable' | 'close'> = {
    stored: new Map(),
    arrivals: new Map(),
    requests: 0,
  }

  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, {
      'X-Experience-API-Version': '1.0.3',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    })
    res.end(body === undefined ? undefined : JSON.stringify(body))
  }

  const readJson = async (req: IncomingMessage) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  }

  /** Store one statement: 'new', 'same' (already there, same content) or 'conflict'. */
  const store = (statement: { id: string }) => {
    lrs.arrivals.set(statement.id, (lrs.arrivals.get(statement.id) ?? 0) + 1)
    const known = lrs.stored.get(statement.id)
    if (known === undefined) {
      lrs.stored.set(statement.id, statement)
      return 'new'
    }
    return isDeepStrictEqual(known, statement) ? 'same' : 'conflict'
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    lrs.requests++
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (down) return send(res, 503, { message: 'maintenance' })
    if (req.method === 'GET' && url.pathname === '/xapi/about')
      return send(res, 200, { version: ['1.0.3'] })
    if (req.headers.authorization !== expected) return send(res, 401, { message: 'no' })
    if (url.pathname !== '/xapi/statements') return send(res, 404)
    if (req.headers['x-experience-api-version'] !== '1.0.3') return send(res, 400)
    if (req.method === 'GET') return send(res, 200, { statements: [], more: '' })
    const body = await readJson(req)
    if (req.method === 'PUT') {
      const id = url.searchParams.get('statementId')
      const statement = body as { id?: string }
      if (!id || (statement.id && statement.id !== id)) return send(res, 400)
      return send(res, store({ ...statement, id }) === 'conflict' ? 409 : 204)
    }
    if (req.method === 'POST') {
      const statements = (Array.isArray(body) ? body : [body]) as Array<{ id: string }>
      // A batch is all or nothing: a conflict anywhere refuses it (and stores none of it).
      const before = new Map(lrs.stored)
      const outcomes = statements.map(store)
      if (outcomes.includes('conflict')) {
        lrs.stored.clear()
        for (const [k, v] of before) lrs.stored.set(k, v)
        return send(res, 409)
      }
      return send(
        res,
        200,
        statements.map((s) => s.id),
      )
    }
    return send(res, 405)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 400))
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  const listen = (port: number) =>
    new Promise<number>((resolve) =>
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    )
  const closeServer = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    })
  const port = await listen(0)

  return Object.assign(lrs, {
    endpoint: `http://127.0.0.1:${port}/xapi/`,
    answer503(on: boolean) {
      down = on
    },
    async unreachable(on: boolean) {
      if (on && server.listening) await closeServer()
      if (!on && !server.listening) await listen(port)
    },
    close: async () => {
      if (server.listening) await closeServer()
    },
  }) as TestLrs
}
