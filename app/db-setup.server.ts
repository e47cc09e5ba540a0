import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { engineOf } from '#app/db.server.ts'

/**
 * Bring a database up to the committed migrations with Prisma's own `migrate deploy`
 * (the bundled wasm schema engine, configured in prisma.config.ts). Safe to run on every
 * start: on an up-to-date database it changes nothing.
 */
export function migrateDatabase(url: string) {
  if (engineOf(url) === 'sqlite') prepareSqliteFile(url)
  const prisma = path.resolve('node_modules', '.bin', 'prisma')
  const deploy = () =>
    spawnSync(prisma, ['migrate', 'deploy'], {
      // Prisma's update check cannot reach its server here; don't let it try.
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1' },
      encoding: 'utf8',
    })
  let result = deploy()
  // Instances started together queue on Prisma's migration lock, which gives up after 10 s;
  // the one that waited finds the migrations applied by the other when it tries again.
  for (let attempt = 1; attempt < 6 && result.status !== 0 && waitedForLock(result); attempt++)
    result = deploy()
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`)
  }
}

function waitedForLock(result: { stdout: string; stderr: string }) {
  return /P1002[\s\S]*advisory lock/.test(result.stdout + result.stderr)
}

/**
 * Create the folder of an SQLite file and switch the file to WAL mode once (the mode is
 * stored in the file): readers then never block the writer, which matters when the CLI
 * imports while the server runs.
 */
function prepareSqliteFile(url: string) {
  const file = sqliteFilePath(url)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file)
  try {
    db.pragma('journal_mode = WAL')
  } finally {
    db.close()
  }
}

export function sqliteFilePath(url: string): string {
  return path.resolve(url.replace(/^file:/, '').replace(/\?.*$/, ''))
}
