#!/usr/bin/env node
// `npm start`: build when the sources changed since the last build, migrate the database,
// load the dossiers and demo data, then serve the production build (PORT, HOST respected).
// `--build-only` stops after the build.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const bin = (name) => path.resolve('node_modules', '.bin', name)
const FINGERPRINT = path.join('build', '.fingerprint')
const BUILD_INPUTS = [
  'app',
  'public',
  'package-lock.json',
  'vite.config.ts',
  'react-router.config.ts',
]

function run(cmd, args, extraEnv = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

/** A hash of every file the build reads, so a fresh clone or a changed file triggers a build. */
function fingerprint() {
  const hash = createHash('sha256')
  const visit = (p) => {
    if (!fs.existsSync(p)) return
    const stat = fs.statSync(p)
    if (stat.isDirectory()) {
      if (p === path.join('app', 'generated')) return
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name))
    } else {
      hash.update(p).update(fs.readFileSync(p))
    }
  }
  BUILD_INPUTS.forEach(visit)
  hash.update(fs.readFileSync(path.join('prisma', 'schema.prisma')))
  return hash.digest('hex')
}

if (!fs.existsSync(path.join('app', 'generated', 'prisma', 'client.ts'))) {
  run(bin('prisma'), ['generate'])
}

const current = fingerprint()
const built = fs.existsSync(FINGERPRINT) ? fs.readFileSync(FINGERPRINT, 'utf8') : ''
if (built !== current || !fs.existsSync(path.join('build', 'server', 'index.js'))) {
  console.log('start: building the application…')
  run(bin('react-router'), ['build'], { NODE_ENV: 'production' })
  fs.writeFileSync(FINGERPRINT, current)
}

// `--build-only`: tests that start several servers build once first, then start them.
if (process.argv.includes('--build-only')) process.exit(0)

run(bin('tsx'), [path.join('app', 'cli', 'setup.ts')], { NODE_ENV: 'production' })

const server = spawn(process.execPath, ['server.mjs'], {
  stdio: 'inherit',
  env: { NODE_ENV: 'production', ...process.env },
})
// SIGHUP restarts the workers one by one (server.mjs), e.g. after a new build.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
