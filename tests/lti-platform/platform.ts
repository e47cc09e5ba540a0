/**
 * A test LTI 1.3 platform on loopback: the counterpart our LTI tool talks to in tests, the
 * way Moodle or Canvas would. It holds its own RSA key and signs with `jsonwebtoken` (not the
 * `jose` library our tool uses), so every JWT that crosses is made or checked by an
 * independent implementation. Each part of LTI adds its endpoints with `route()`:
 * registration (registration.ts), launches (launches.ts), grades and rosters (services.ts),
 * deep linking (deep-linking.ts).
 */
import { generateKeyPairSync, createPublicKey, randomUUID, type KeyObject } from 'node:crypto'
import http from 'node:http'
import jwt from 'jsonwebtoken'

export type PlatformRequest = {
  method: string
  url: URL
  headers: http.IncomingHttpHeaders
  body: string
  /** The body as form fields (application/x-www-form-urlencoded). */
  form: URLSearchParams
}
export type PlatformResponse = {
  status?: number
  headers?: Record<string, string>
  body?: string | object
}
export type PlatformHandler = (
  request: PlatformRequest,
) => PlatformResponse | Promise<PlatformResponse>

export type TestPlatform = {
  /** The platform's issuer (its base URL, as Moodle uses its wwwroot). */
  issuer: string
  url: (path: string) => string
  kid: string
  privateKey: KeyObject
  jwksUrl: string
  /** Add an endpoint; a later route for the same method and path replaces the earlier. */
  route: (method: string, path: string, handler: PlatformHandler) => void
  /** Every request the platform received, oldest first. */
  requests: PlatformRequest[]
  /** Sign a JWT with the platform's key (RS256, kid in the header). */
  sign: (payload: object, options?: jwt.SignOptions) => string
  /**
   * Verify a JWT our tool made, against the tool's published JWKS (a URL, fetched each time,
   * or the JWKS document itself), with jsonwebtoken: the independent check.
   */
  verifyToolJwt: (
    token: string,
    toolJwks: string | { keys: object[] },
    options?: jwt.VerifyOptions,
  ) => Promise<jwt.JwtPayload>
  close: () => Promise<void>
}

export async function startTestPlatform(options: { port?: number } = {}): Promise<TestPlatform> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const kid = `platform-${randomUUID()}`
  const routes = new Map<string, PlatformHandler>()
  const requests: PlatformRequest[] = []

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const url = new URL(req.url ?? '/', base)
      const request: PlatformRequest = {
        method: req.method ?? 'GET',
        url,
        headers: req.headers,
        body,
        form: new URLSearchParams(
          String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')
            ? body
            : '',
        ),
      }
      requests.push(request)
      const handler = routes.get(`${request.method} ${url.pathname}`)
      Promise.resolve(handler ? handler(request) : { status: 404, body: 'not found' })
        .then((answer) => {
          const isJson = typeof answer.body === 'object'
          res.writeHead(answer.status ?? 200, {
            'Content-Type': isJson ? 'application/json' : 'text/html; charset=utf-8',
            ...answer.headers,
          })
          res.end(isJson ? JSON.stringify(answer.body) : (answer.body ?? ''))
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' })
          res.end(String(error))
        })
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  const base = `http://127.0.0.1:${port}`
  const url = (path: string) => new URL(path, base).href

  const route = (method: string, path: string, handler: PlatformHandler) => {
    routes.set(`${method.toUpperCase()} ${path}`, handler)
  }
  route('GET', '/mod/lti/certs.php', () => ({
    body: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] },
  }))

  return {
    issuer: base,
    url,
    kid,
    privateKey,
    jwksUrl: url('/mod/lti/certs.php'),
    route,
    requests,
    sign: (payload, options = {}) =>
      jwt.sign(payload, privateKey, { algorithm: 'RS256', keyid: kid, ...options }),
    verifyToolJwt: async (token, toolJwks, options = {}) => {
      const header = jwt.decode(token, { complete: true })?.header
      const jwks = (
        typeof toolJwks === 'string' ? await (await fetch(toolJwks)).json() : toolJwks
      ) as { keys: Array<{ kid: string }> }
      const jwk = jwks.keys.find((key) => key.kid === header?.kid)
      if (!jwk) throw new Error(`no key ${header?.kid} in the tool's JWKS`)
      const key = createPublicKey({ key: jwk as never, format: 'jwk' })
      return jwt.verify(token, key, { algorithms: ['RS256'], ...options }) as jwt.JwtPayload
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
