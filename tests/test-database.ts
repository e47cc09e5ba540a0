import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'

/**
 * Tests run on real databases. Global setup migrates one template database with the
 * committed migrations; every test file then gets its own copy, so files never see each
 * other's rows and can run in parallel.
 *
 * SQLite (default): the template is a file, copied per test file.
 * PostgreSQL (when TEST_POSTGRES_URL names a server, as `npm run test:postgres` does): the
 * template is a database, and each test file gets `CREATE DATABASE … TEMPLATE …`.
 */
export const TEST_DATA_DIR = path.resolve('data', 'test')
export const SQLITE_TEMPLATE = path.join(TEST_DATA_DIR, 'template.db')
export const POSTGRES_TEMPLATE = 'leerplein_test_template'

export const testPostgresUrl = process.env.TEST_POSTGRES_URL
export const testEngine = testPostgresUrl ? 'postgresql' : 'sqlite'

function uniqueName(prefix: string) {
  return `${prefix}_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`
}

export function freshSqliteUrl(): string {
  const file = path.join(TEST_DATA_DIR, `${uniqueName('run')}.db`)
  fs.copyFileSync(SQLITE_TEMPLATE, file)
  return `file:${file}`
}

/** The URL of another database on the test server (same credentials, other name). */
export function postgresUrlFor(database: string): string {
  const url = new URL(testPostgresUrl!)
  url.pathname = `/${database}`
  return url.toString()
}

/** Run statements on the test server's maintenance database. */
export async function onPostgresServer(...statements: string[]) {
  const client = new pg.Client({ connectionString: testPostgresUrl })
  await client.connect()
  try {
    for (const sql of statements) await client.query(sql)
  } finally {
    await client.end()
  }
}

export async function freshPostgresUrl(template = POSTGRES_TEMPLATE): Promise<string> {
  const name = uniqueName('test').toLowerCase()
  await onPostgresServer(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)
  return postgresUrlFor(name)
}

/** A database of its own for one test file, on the engine under test. */
export async function freshTestDatabaseUrl(): Promise<string> {
  return testPostgresUrl ? freshPostgresUrl() : freshSqliteUrl()
}
