#!/usr/bin/env node
// Run a command against a throwaway PostgreSQL cluster: initdb into a temp folder, start it on
// 127.0.0.1 on a free port, export TEST_POSTGRES_URL, run the command, stop and delete it.
// As root (CI), the server runs as the `postgres` user, since PostgreSQL refuses root.
// Usage: node scripts/with-postgres.mjs <command> [args…]
import { spawnSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

function findBinDir() {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' })
  const candidates = [
    process.env.PG_BINDIR,
    fromConfig.status === 0 ? fromConfig.stdout.trim() : undefined,
    ...(fs.existsSync('/usr/lib/postgresql')
      ? fs
          .readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ]
  const dir = candidates.find((d) => d && fs.existsSync(path.join(d, 'initdb')))
  if (!dir) {
    console.error(
      'with-postgres: PostgreSQL server binaries not found. Install them (Debian: apt-get install postgresql) or set PG_BINDIR.',
    )
    process.exit(1)
  }
  return dir
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

const isRoot = process.getuid?.() === 0
/** Run a PostgreSQL tool, as `postgres` when we are root. */
function pg(bin, args) {
  const cmd = path.join(binDir, bin)
  const result = isRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' })
  if (result.status !== 0) {
    throw new Error(`${bin} failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
  }
}

const command = process.argv.slice(2)
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs <command> [args…]')
  process.exit(2)
}

const binDir = findBinDir()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leerplein-pg-'))
if (isRoot) spawnSync('chown', ['postgres:', dir])
const port = await freePort()
let started = false

function stop() {
  if (started) {
    try {
      pg('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop'])
    } catch (error) {
      console.error(String(error))
    }
    started = false
  }
  fs.rmSync(dir, { recursive: true, force: true })
}

try {
  pg('initdb', [
    '-D',
    path.join(dir, 'data'),
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-locale',
  ])
  // Durability is pointless for a cluster that is deleted afterwards; speed is not.
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
  ].join(' ')
  pg('pg_ctl', [
    '-D',
    path.join(dir, 'data'),
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    options,
    '-w',
    'start',
  ])
  started = true
} catch (error) {
  console.error(String(error))
  stop()
  process.exit(1)
}

const url = `postgresql://postgres@127.0.0.1:${port}/postgres`
console.log(`with-postgres: PostgreSQL on 127.0.0.1:${port}`)
const child = spawn(command[0], command.slice(1), {
  stdio: 'inherit',
  env: { ...process.env, TEST_POSTGRES_URL: url },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => {
  stop()
  process.exit(code ?? (signal ? 1 : 0))
})
