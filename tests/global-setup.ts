import fs from 'node:fs'
import { SQLITE_TEMPLATE, TEST_DATA_DIR } from './test-database.ts'

export default async function globalSetup() {
  fs.rmSync(TEST_DATA_DIR, { recursive: true, force: true })
  fs.mkdirSync(TEST_DATA_DIR, { recursive: true })
  const url = `file:${SQLITE_TEMPLATE}`
  process.env.DATABASE_URL = url
  const { migrateDatabase } = await import('#app/db-setup.server.ts')
  migrateDatabase(url)
  // A WAL-mode file copies as its main file only once the WAL is checkpointed: go back to a
  // rollback journal for the template so each copy is complete on its own.
  const { default: Database } = await import('better-sqlite3')
  const db = new Database(SQLITE_TEMPLATE)
  db.pragma('journal_mode = DELETE')
  db.close()
}
