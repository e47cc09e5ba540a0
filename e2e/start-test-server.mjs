// Start the product for e2e exactly as `npm start` does, on a fresh database of its own:
// a new SQLite file, or, when TEST_POSTGRES_URL names a server, a new PostgreSQL database.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import pg from 'pg'

// Everything of one run under one folder per port, so two e2e runs on one machine never
// wipe each other's database, signing key or uploaded evidence.
const folder = `data/e2e-${process.env.PORT ?? 3100}`
fs.rmSync(folder, { recursive: true, force: true })
fs.mkdirSync(folder, { recursive: true })

async function freshDatabaseUrl() {
  const server = process.env.TEST_POSTGRES_URL
  if (!server) return `file:./${folder}/leerplein.db`
  const name = `leerplein_e2e_${process.pid}`
  const client = new pg.Client({ connectionString: server })
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS "${name}"`)
  await client.query(`CREATE DATABASE "${name}"`)
  await client.end()
  const url = new URL(server)
  url.pathname = `/${name}`
  return url.toString()
}

const databaseUrl = await freshDatabaseUrl()
// The cmi5 test AU's script is bundled here, never committed (tests/packages/build-cmi5-au.mjs).
const { buildCmi5Au } = await import('../tests/packages/build-cmi5-au.mjs')
await buildCmi5Au()
// For a spec's setup step that must write what no page can (e2e/sso-setup.ts).
fs.writeFileSync(`${folder}/database-url`, databaseUrl)

// Everything the server prints (setup, JSON log, errors) also goes to server.log, which
// e2e/personal-data-in-logs.teardown.ts scans for the demo people's names and addresses once
// the run is over. Stderr still reaches Playwright, which shows it.
const log = fs.createWriteStream(`${folder}/server.log`)
const child = spawn('node', ['scripts/start.mjs'], {
  stdio: ['inherit', 'pipe', 'pipe'],
  env: {
    // One process: workers per core would cost the CI machine startup time and memory.
    WEB_CONCURRENCY: '1',
    ...process.env,
    DATABASE_URL: databaseUrl,
    SIGNING_KEY_DIR: `${folder}/keys`,
    EVIDENCE_DIR: `${folder}/evidence`,
  },
})
child.stdout.pipe(log, { end: false })
child.stderr.on('data', (chunk) => {
  log.write(chunk)
  process.stderr.write(chunk)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => log.end(() => process.exit(code ?? 0)))
