// Start the product for e2e exactly as `npm start` does, on a database of its own that is
// emptied first (unless E2E_DATABASE_URL points elsewhere, e.g. at PostgreSQL).
import { spawn } from 'node:child_process'
import fs from 'node:fs'

const url = process.env.E2E_DATABASE_URL ?? 'file:./data/e2e.db'
if (url.startsWith('file:')) {
  const file = url.slice('file:'.length)
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true })
}
const child = spawn('node', ['scripts/start.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
