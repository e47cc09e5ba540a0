// Start the product for e2e exactly as `npm start` does, on a fresh database of its own:
// an emptied SQLite file, or, when TEST_POSTGRES_URL names a server, a new PostgreSQL database.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import pg from 'pg'

async function freshDatabaseUrl() {
  const server = process.env.TEST_POSTGRES_URL
  if (!server) {
    const file = 'data/e2e.db'
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true })
    return `file:./${file}`
  }
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

const child = spawn('node', ['scripts/start.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: await freshDatabaseUrl() },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
