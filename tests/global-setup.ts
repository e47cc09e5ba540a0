import fs from 'node:fs'
import {
  POSTGRES_TEMPLATE,
  SQLITE_TEMPLATE,
  TEST_DATA_DIR,
  onPostgresServer,
  postgresUrlFor,
  testPostgresUrl,
} from './test-database.ts'

export default async function globalSetup() {
  fs.rmSync(TEST_DATA_DIR, { recursive: true, force: true })
  fs.mkdirSync(TEST_DATA_DIR, { recursive: true })
  const { migrateDatabase } = await import('#app/db-setup.server.ts')

  // The SQLite template is always made: PostgreSQL runs use it as a source too (db:copy).
  migrateDatabase(`file:${SQLITE_TEMPLATE}`)
  // A WAL-mode file copies as its main file only once the WAL is checkpointed: go back to a
  // rollback journal for the template so each copy is complete on its own.
  const { default: Database } = await import('better-sqlite3')
  const db = new Database(SQLITE_TEMPLATE)
  db.pragma('journal_mode = DELETE')
  db.close()

  if (testPostgresUrl) {
    await onPostgresServer(
      `DROP DATABASE IF EXISTS "${POSTGRES_TEMPLATE}"`,
      `CREATE DATABASE "${POSTGRES_TEMPLATE}"`,
    )
    migrateDatabase(postgresUrlFor(POSTGRES_TEMPLATE))
  }
}
