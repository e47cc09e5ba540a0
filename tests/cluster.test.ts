import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  buildApp,
  childPids,
  serverPid,
  startApp,
  stopApp,
  type AppProcess,
} from './app-process.ts'
import { testEngine } from './test-database.ts'

/**
 * Several workers behind one port (server.mjs with WEB_CONCURRENCY=2): requests spread over
 * them, a dead worker is replaced, /metrics counts every worker's requests, SIGHUP replaces
 * the workers without a failed request, SIGTERM ends them all. One instance for the whole file.
 */
const METRICS_TOKEN = 'cluster-test-token-0123456789'

/** A GET on a connection of its own: the cluster hands out connections, not requests. */
function get(app: AppProcess, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.get(`${app.url}${path}`, { agent: false, headers }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode!, body }))
    })
    request.on('error', reject)
    // A connection nobody answers is a failed request, not a test that waits forever.
    request.setTimeout(20_000, () => request.destroy(new Error('no answer within 20 s')))
  })
}

/** The pids that wrote request log lines. */
function answeringPids(app: AppProcess): Set<number> {
  const pids = app
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{') && l.includes('"msg":"request"'))
    .map((l) => (JSON.parse(l) as { pid: number }).pid)
  return new Set(pids)
}

async function healthzCount(app: AppProcess) {
  const { status, body } = await get(app, '/metrics', { authorization: `Bearer ${METRICS_TOKEN}` })
  expect(status).toBe(200)
  const line =
    /leerplein_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} (\d+)/
  return Number(line.exec(body)?.[1] ?? 0)
}

/** Wait for a condition; on time-out, show what the instance said (apart from requests). */
async function until(app: AppProcess, condition: () => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) {
      const said = app
        .output()
        .split('\n')
        .filter((l) => !l.includes('"msg":"request"'))
      throw new Error(`timed out; the instance said:\n${said.slice(-40).join('\n')}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

const alive = (pid: number) => fs.existsSync(`/proc/${pid}`)

describe(`an instance with two workers (${testEngine})`, () => {
  let app: AppProcess
  let primary: number

  beforeAll(async () => {
    buildApp()
    app = await startApp(process.env.DATABASE_URL!, 120_000, {
      WEB_CONCURRENCY: '2',
      METRICS_TOKEN,
      // A restart waits for each old worker's drain: a job it is running bounds that.
      DRAIN_TIMEOUT_MS: '5000',
    })
    primary = serverPid(app)
    // /healthz answers once one worker listens; the test wants both.
    await until(
      app,
      () =>
        childPids(primary).length === 2 &&
        (app.output().match(/"msg":"listening"/g) ?? []).length === 2,
    )
  }, 240_000)
  afterAll(async () => {
    await stopApp(app)
  })

  test('requests are answered by both workers, and /metrics counts them all', async () => {
    const before = await healthzCount(app)
    for (let i = 0; i < 20; i++) expect((await get(app, '/healthz')).status).toBe(200)
    // The log line is written when the response has finished.
    await new Promise((r) => setTimeout(r, 200))
    const workers = childPids(primary)
    expect([...answeringPids(app)].filter((pid) => workers.includes(pid)).sort()).toEqual(
      [...workers].sort(),
    )
    // Whichever worker answers the scrape, it reports the requests of both.
    expect((await healthzCount(app)) - before).toBe(20)
    expect(await healthzCount(app)).toBe(before + 20)
  })

  test('a worker killed outright is replaced, and requests keep succeeding', async () => {
    const [victim, survivor] = childPids(primary)
    process.kill(victim!, 'SIGKILL')
    await until(app, () => {
      const now = childPids(primary)
      return now.length === 2 && !now.includes(victim!)
    })
    const replacement = childPids(primary).find((pid) => pid !== survivor)!
    await until(app, () => app.output().includes(`"pid":${replacement},"port"`))
    for (let i = 0; i < 10; i++) expect((await get(app, '/healthz')).status).toBe(200)
    expect(app.output()).toContain('"msg":"worker died"')
  })

  test('SIGHUP replaces every worker one by one without a failed request', async () => {
    const old = childPids(primary)
    const statuses: Array<number | string> = []
    let streaming = true
    const stream = async () => {
      while (streaming) {
        statuses.push(
          await get(app, '/healthz').then(
            (r) => r.status,
            (e: Error) => e.message,
          ),
        )
      }
    }
    const streams = [stream(), stream(), stream()]
    await new Promise((r) => setTimeout(r, 300))
    process.kill(primary, 'SIGHUP')
    await until(app, () => app.output().includes('"msg":"restart done"'), 60_000)
    streaming = false
    await Promise.all(streams)
    const now = childPids(primary)
    expect(now).toHaveLength(2)
    expect(now.filter((pid) => old.includes(pid))).toEqual([])
    expect(statuses.length).toBeGreaterThan(20)
    expect(statuses.filter((s) => s !== 200)).toEqual([])
  }, 90_000)

  test('SIGTERM drains the workers and the primary exits 0, leaving no worker behind', async () => {
    const workers = childPids(primary)
    const exited = new Promise<number | null>((resolve) => app.process.once('exit', resolve))
    app.process.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(alive(primary)).toBe(false)
    expect(workers.filter(alive)).toEqual([])
  })
})

describe('workers that die before they listen (a broken build or configuration)', () => {
  test('are forked again after growing pauses, and after five the primary gives up with exit 1', async () => {
    buildApp()
    // A port no worker can listen on: each one dies at start, as with a broken build.
    const primary = spawn('node', ['server.mjs'], {
      env: { ...process.env, NODE_ENV: 'production', WEB_CONCURRENCY: '2', PORT: '70000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    primary.stdout.on('data', (d) => (output += d))
    primary.stderr.on('data', (d) => (output += d))
    const code = await new Promise<number | null>((resolve) => primary.once('exit', resolve))
    const lines = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map(
        (l) =>
          JSON.parse(l) as {
            msg: string
            time: number
            failedStarts?: number
            nextForkInMs?: number
          },
      )
    const died = lines.filter((l) => l.msg === 'worker died')
    const deaths = died.map((l) => l.time)
    expect(code, output).toBe(1)
    expect(died.map((l) => l.nextForkInMs)).toEqual([1000, 2000, 4000, 8000, undefined])
    expect(lines.at(-1)).toMatchObject({
      msg: 'workers keep dying before they listen; giving up',
      failedStarts: 5,
    })
    // The pauses are kept: the two first workers die together, and the fifth death (of the
    // worker forked 4 s after the third death) comes at least 4 s after the third.
    expect(deaths[4]! - deaths[2]!).toBeGreaterThanOrEqual(4_000)
  }, 90_000)
})
