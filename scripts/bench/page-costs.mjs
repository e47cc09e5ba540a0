#!/usr/bin/env node
// Profiling aid (issue 23): where one page view's time goes, without HTTP or other requests in
// the way. Builds the production build, loads the demo data into a fresh SQLite file, then
// calls React Router's request handler in this process for each page the pages benchmark
// measures (scripts/bench/pages.mjs), signed in through the real login action. Per page:
// mean milliseconds per request over `--requests` sequential requests, the SQL statements one
// request prepares (counted at better-sqlite3), and the HTML's size. With `--profile DIR` it
// writes a V8 CPU profile per page there and prints each one's busy time by part (Prisma and
// the database, React Router, React rendering, garbage collection, our code).
// Usage: node scripts/bench/page-costs.mjs [--requests 200] [--profile /tmp/page-profiles]
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values: options } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    profile: { type: 'string' },
    page: { type: 'string' },
    'no-setup': { type: 'boolean', default: false },
  },
})
const DB = 'data/bench-page-costs.db'
const PAGES = {
  'lesson, anonymous': ['/courses/tl-k2-coachen/tl-k2-w3-coachgesprek', null],
  'lesson, learner': ['/courses/tl-k2-coachen/tl-k2-w3-coachgesprek', 'leerling@noord.demo.test'],
  'dashboard (learner)': ['/dashboard', 'leerling@noord.demo.test'],
  'records (learner)': ['/records', 'leerling@noord.demo.test'],
  'matrix (employer)': ['/orgs/klantcontact-noord/matrix', 'werkgever@noord.demo.test'],
  '/healthz': ['/healthz', null],
}

if (!options.page) {
  // The parent: build and load the data once, then one child process per page, so that each
  // CPU profile holds that page only.
  spawnSync('node', ['scripts/start.mjs', '--build-only'], { stdio: 'inherit' })
  if (!options['no-setup']) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(DB + suffix, { force: true })
    const setup = spawnSync(path.resolve('node_modules/.bin/tsx'), ['app/cli/setup.ts'], {
      env: { ...process.env, DATABASE_URL: `file:./${DB}`, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    if (setup.status !== 0) process.exit(setup.status ?? 1)
  }
  console.log('| page | ms per request | SQL statements | HTML bytes |')
  console.log('| --- | ---: | ---: | ---: |')
  const breakdowns = []
  for (const page of Object.keys(PAGES)) {
    const profileDir = options.profile && path.join(options.profile, page.replace(/\W+/g, '-'))
    if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true })
    const child = spawnSync(
      process.execPath,
      [
        ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
        'scripts/bench/page-costs.mjs',
        '--page',
        page,
        '--requests',
        options.requests,
      ],
      {
        env: { ...process.env, DATABASE_URL: `file:./${DB}`, NODE_ENV: 'production', JOBS: 'off' },
        encoding: 'utf8',
      },
    )
    const row = child.stdout.split('\n').find((l) => l.startsWith('|'))
    if (child.status !== 0 || !row) {
      console.error(child.stdout, child.stderr)
      process.exit(1)
    }
    console.log(row)
    if (profileDir) {
      const file = fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'))
      breakdowns.push([page, busyTimeByPart(path.join(profileDir, file))])
    }
  }
  for (const [page, parts] of breakdowns) {
    console.log(`\n${page}: ${parts.map(([part, share]) => `${part} ${share} %`).join(', ')}`)
  }
  process.exit(0)
}

// The child: one page, in-process.
const Database = (await import('better-sqlite3')).default
let statements = 0
const prepare = Database.prototype.prepare
Database.prototype.prepare = function (source) {
  statements++
  return prepare.call(this, source)
}
const { createRequestHandler } = await import('react-router')
const build = await import(path.resolve('build/server/index.js'))
const handler = createRequestHandler(build, 'production')
const base = 'http://127.0.0.1:3000'
const request = (pathname, cookie = '', init = {}) =>
  handler(
    new Request(base + pathname, {
      ...init,
      headers: { cookie, 'x-leerplein-client-address': '127.0.0.1', ...init.headers },
    }),
  )
const [pathname, email] = PAGES[options.page]
let cookie = ''
if (email) {
  const login = await request('/login', '', {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: 'Demo-Wachtwoord-2026' }),
  })
  cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}
for (let i = 0; i < 20; i++) await (await request(pathname, cookie)).text()
statements = 0
const first = await request(pathname, cookie)
const bytes = (await first.text()).length
const perRequest = statements
if (first.status !== 200) throw new Error(`${options.page}: ${first.status}`)
const requests = Number(options.requests)
const started = performance.now()
for (let i = 0; i < requests; i++) await (await request(pathname, cookie)).text()
const ms = (performance.now() - started) / requests
console.log(
  `| ${options.page} | ${ms.toFixed(2)} | ${perRequest} | ${bytes.toLocaleString('en')} |`,
)
process.exit(0)

/** A CPU profile's busy time (no idle, no module loading) by part, largest first. */
function busyTimeByPart(file) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'))
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const parents = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id)
  // A sample counts for the nearest frame, from the leaf up, that belongs to a known part.
  const partOf = (id) => {
    for (let at = id; at !== undefined; at = parents.get(at)) {
      const { url, functionName } = nodes.get(at).callFrame
      if (functionName === '(garbage collector)') return 'garbage collection'
      if (functionName === '(idle)' || functionName === '(program)') return null
      if (url.startsWith('node:internal/modules')) return null
      if (/@prisma\/|better-sqlite3|^wasm:/.test(url)) return 'Prisma and SQLite'
      if (url.includes('react-dom')) return 'React rendering'
      if (url.includes('react-router')) return 'React Router'
      if (url.includes('/build/server/')) return 'our code'
      if (url.includes('page-costs')) return null
    }
    return 'Node (streams, encoding)'
  }
  const time = new Map()
  profile.samples.forEach((id, i) => {
    const part = partOf(id)
    if (part) time.set(part, (time.get(part) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const busy = [...time.values()].reduce((a, b) => a + b, 0)
  return [...time]
    .sort((a, b) => b[1] - a[1])
    .map(([part, t]) => [part, Math.round((t / busy) * 100)])
}
