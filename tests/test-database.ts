import fs from 'node:fs'
import path from 'node:path'

/**
 * Tests run on real databases. Global setup migrates one template database with the
 * committed migrations; every test file then gets its own copy, so files never see each
 * other's rows and can run in parallel.
 */
export const TEST_DATA_DIR = path.resolve('data', 'test')
export const SQLITE_TEMPLATE = path.join(TEST_DATA_DIR, 'template.db')

export function freshSqliteUrl(): string {
  const file = path.join(
    TEST_DATA_DIR,
    `run-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`,
  )
  fs.copyFileSync(SQLITE_TEMPLATE, file)
  return `file:${file}`
}
