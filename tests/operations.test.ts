import http from 'node:http'
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildApp, freePort, startApp, stopApp, type AppProcess } from './app-process.ts'
import { testEngine } from './test-database.ts'

/**
 * What operators and their tooling see of a running instance: request ids and JSON logs,
 * Prometheus metrics, readiness, and a SIGTERM that lets in-flight requests finish.
 */
const METRICS_TOKEN = 'metrics-test-token-0123456789'

async function scrape(app: AppProcess) {
  const response = await fetch(`${app.url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  })
  expect(response.status).toBe(200)
  return response.text()
}

describe('an instance, as operations see it', () => {
  let app: AppProcess

  beforeAll(async () => {
    buildApp()
    process.env.METRICS_TOKEN = METRICS_TOKEN
    app = await startApp(process.env.DATABASE_URL!)
  }, 240_000)
  afterAll(async () => {
    await stopApp(app)
  })

  test('every response carries a request id, and the JSON log line has the same one', async () => {
    const response = await fetch(`${app.url}/dossiers/contactcenter-teamleider?secret=x`)
    const id = response.headers.get('x-request-id')
    // The line is written when the response has finished, after the streamed body.
    await response.text()
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    // A balancer's own id is kept, so its logs and ours line up.
    const forwarded = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'lb-42' } })
    expect(forwarded.headers.get('x-request-id')).toBe('lb-42')
    await new Promise((r) => setTimeout(r, 200))
    const lines = app
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    const line = lines.find((l) => l.requestId === id)
    expect(line).toMatchObject({
      msg: 'request',
      method: 'GET',
      path: '/dossiers/contactcenter-teamleider',
      route: '/dossiers/:slug',
      status: 200,
    })
    // The query string (which can carry tokens) is never logged.
    expect(JSON.stringify(line)).not.toContain('secret')
  })

  test('/metrics needs the token and exposes request durations by route and login failures', async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(401)
    const wrong = await fetch(`${app.url}/metrics`, { headers: { authorization: 'Bearer nope' } })
    expect(wrong.status).toBe(401)
    await fetch(`${app.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'leerling@noord.demo.test', password: 'fout-wachtwoord' }),
      redirect: 'manual',
    })
    const text = await scrape(app)
    expect(text).toMatch(
      /leerplein_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/dossiers\/:slug",status="200"\} \d+/,
    )
    expect(text).toMatch(/leerplein_login_failures_total\{reason="invalid"\} [1-9]/)
    expect(text).toContain('leerplein_process_resident_memory_bytes')
    // The queue's depth and its failures, read at scrape time.
    for (const state of ['queued', 'active', 'failed', 'dead'])
      expect(text).toMatch(new RegExp(`leerplein_jobs\\{state="${state}"\\} \\d+`))
  })

  test('/readyz answers 200 with each check while the dependencies answer', async () => {
    const response = await fetch(`${app.url}/readyz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      status: 'ready',
      database: 'ok',
      draining: false,
    })
  })

  // Last in this block: it ends the instance the tests above share (a fresh one would cost
  // another database set-up).
  test('SIGTERM: an in-flight request still gets its answer, then the process exits 0', async () => {
    const { port } = new URL(app.url)
    // A login whose body arrives in two halves, with SIGTERM in between.
    const body = new URLSearchParams({
      email: 'leerling@noord.demo.test',
      password: 'Demo-Wachtwoord-2026',
    }).toString()
    const answer = new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/login',
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume()
          resolve(response.statusCode!)
        },
      )
      request.on('error', reject)
      request.write(body.slice(0, 10))
      setTimeout(() => {
        app.process.kill('SIGTERM')
        setTimeout(async () => {
          // Draining: not ready any more, and no new connections are taken.
          await expect(fetch(`${app.url}/readyz`)).rejects.toThrow()
          request.end(body.slice(10))
        }, 500)
      }, 300)
    })
    const exited = new Promise<number | null>((resolve) => app.process.once('exit', resolve))
    expect(await answer).toBe(302)
    expect(await exited).toBe(0)
    expect(app.output()).toContain('"msg":"draining"')
  }, 180_000)
})

describe.runIf(testEngine === 'postgresql')('readiness when the database is unreachable', () => {
  let app: AppProcess
  let proxy: net.Server
  const sockets = new Set<net.Socket>()
  let proxyPort: number
  let open = true

  // A TCP relay between the app and PostgreSQL that the test can cut, as a network would.
  function startProxy(target: URL) {
    proxy = net.createServer((client) => {
      if (!open) return client.destroy()
      const upstream = net.connect(Number(target.port), target.hostname)
      for (const s of [client, upstream]) {
        sockets.add(s)
        s.on('close', () => sockets.delete(s))
        s.on('error', () => {})
      }
      client.pipe(upstream).pipe(client)
    })
    return new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve))
  }

  beforeAll(async () => {
    buildApp()
    const target = new URL(process.env.DATABASE_URL!)
    proxyPort = await freePort()
    await startProxy(target)
    const viaProxy = new URL(target)
    viaProxy.host = `127.0.0.1:${proxyPort}`
    app = await startApp(viaProxy.toString())
  }, 240_000)
  afterAll(async () => {
    await stopApp(app)
    proxy.close()
  })

  test('/readyz fails within seconds when the database is cut off, and recovers', async () => {
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200)
    open = false
    for (const s of sockets) s.destroy()
    const started = Date.now()
    // If the app died of the cut, its own last words say why.
    const down = await fetch(`${app.url}/readyz`).catch((error: unknown) => {
      throw new Error(`${String(error)}; the app's output:\n${app.output().slice(-6000)}`)
    })
    expect(down.status).toBe(503)
    expect(await down.json()).toMatchObject({ status: 'unavailable', database: 'down' })
    expect(Date.now() - started).toBeLessThan(10_000)
    open = true
    let status = 0
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await fetch(`${app.url}/readyz`)).status
      if (status !== 200) await new Promise((r) => setTimeout(r, 250))
    }
    expect(status).toBe(200)
  })
})
