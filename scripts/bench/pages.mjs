#!/usr/bin/env node
// Benchmark (issue 23): the pages people use side by side with /healthz, on the production
// build, once per worker count. For each count it starts `npm start`'s script on a fresh
// SQLite file on a free loopback port (WEB_CONCURRENCY=<n>), logs in through the login form
// as the demo learner and the Noord employer, checks that every page answers 200 (not a
// redirect to /login), warms each page up, then measures it with autocannon.
// Usage: node scripts/bench/pages.mjs [--workers 1,2] [--duration 8] [--connections 32]
//   (default workers: 1 and one per core; prints a Markdown table per worker count)
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'

const { values: options } = parseArgs({
  options: {
    workers: { type: 'string', default: `1,${os.availableParallelism()}` },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '32' },
  },
})
const workerCounts = [...new Set(options.workers.split(',').map(Number))]
const duration = Number(options.duration)
const connections = Number(options.connections)
if (
  workerCounts.some((n) => !Number.isInteger(n) || n < 1) ||
  !(duration > 0) ||
  !(connections > 0)
)
  throw new Error('--workers takes whole numbers (1,2), --duration seconds, --connections a count')

const PASSWORD = 'Demo-Wachtwoord-2026'
const LEARNER = 'leerling@noord.demo.test'
const EMPLOYER = 'werkgever@noord.demo.test'
const NOORD = 'klantcontact-noord'
const LESSON = '/courses/tl-k2-coachen/tl-k2-w3-coachgesprek'
const DB = 'data/bench-pages.db'

/** What is measured, in this order: path and whose session (none: anonymous). */
const PAGES = [
  { name: '/healthz', path: '/healthz', as: null },
  { name: 'lesson, anonymous', path: LESSON, as: null },
  { name: 'lesson, learner', path: LESSON, as: LEARNER },
  { name: 'dashboard (learner)', path: '/dashboard', as: LEARNER },
  { name: 'records (learner)', path: '/records', as: LEARNER },
  { name: 'matrix (employer)', path: `/orgs/${NOORD}/matrix`, as: EMPLOYER },
]

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

/** Start the product with `workers` workers; resolves with its URL and a stop function. */
async function startServer(workers) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(DB + suffix, { force: true })
  const port = await freePort()
  // Its own process group, so stopping it reaches the primary and every worker.
  const server = spawn('node', ['scripts/start.mjs'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: `file:./${DB}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      WEB_CONCURRENCY: String(workers),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  const exited = new Promise((resolve) => server.once('exit', resolve))
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return
    try {
      process.kill(-server.pid, 'SIGTERM')
    } catch {
      return
    }
    await exited
  }
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 480; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`)
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (up) return { url, stop }
    await new Promise((r) => setTimeout(r, 500))
  }
  await stop()
  throw new Error('the server did not answer /healthz within 4 minutes')
}

/** Log in through the login form as a browser would; returns the session cookie. */
async function logIn(url, email) {
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    // React Router refuses a page action's POST from another origin.
    headers: { Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: PASSWORD }),
    redirect: 'manual',
  })
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => !c.endsWith('='))
  if (response.status !== 302 || !cookie)
    throw new Error(`logging in as ${email} failed: ${response.status}`)
  return cookie
}

/** One request per page before measuring: a redirect (to /login) or an error stops the run. */
async function checkPage(url, page, headers) {
  const response = await fetch(url + page.path, { headers, redirect: 'manual' })
  await response.arrayBuffer()
  if (response.status !== 200)
    throw new Error(
      `${page.name} answered ${response.status} ${response.headers.get('location') ?? ''}`,
    )
}

// Ctrl-C reaches this process only (the server has its own group): stop the server too.
let running
process.on(
  'SIGINT',
  () => void (running?.stop() ?? Promise.resolve()).then(() => process.exit(130)),
)

async function measure(workers) {
  const server = await startServer(workers)
  running = server
  try {
    const cookies = {
      [LEARNER]: await logIn(server.url, LEARNER),
      [EMPLOYER]: await logIn(server.url, EMPLOYER),
    }
    const rows = []
    let failed = false
    for (const page of PAGES) {
      const headers = page.as ? { cookie: cookies[page.as] } : {}
      await checkPage(server.url, page, headers)
      const run = (seconds) =>
        autocannon({ url: server.url + page.path, headers, connections, duration: seconds })
      await run(2) // warm-up
      const result = await run(duration)
      const wrong = result.non2xx + result.errors + result.timeouts
      if (wrong > 0) failed = true
      rows.push({
        page,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        wrong,
      })
    }
    return { rows, failed }
  } finally {
    await server.stop()
  }
}

function table(workers, rows) {
  const healthz = rows[0].rps
  const lines = [
    `### ${workers} worker${workers === 1 ? '' : 's'}`,
    '',
    '| page | req/s | p50 ms | p99 ms | ratio to /healthz | non-2xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const { page, rps, p50, p99, wrong } of rows)
    lines.push(
      `| ${page.name} | ${Math.round(rps)} | ${p50} | ${p99} | ${(rps / healthz).toFixed(2)} | ${wrong} |`,
    )
  return lines.join('\n')
}

const built = spawnSync('node', ['scripts/start.mjs', '--build-only'], { stdio: 'inherit' })
if (built.status !== 0) process.exit(built.status ?? 1)

const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ')
console.log(
  `\n${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average before the run: ${load}; ` +
    `${connections} connections, ${duration} s per page, Node ${process.version}, SQLite\n`,
)
let failed = false
for (const workers of workerCounts) {
  const result = await measure(workers)
  failed ||= result.failed
  console.log(`${table(workers, result.rows)}\n`)
}
if (failed) {
  console.error('Some page answered non-2xx or failed during the run.')
  process.exit(1)
}
