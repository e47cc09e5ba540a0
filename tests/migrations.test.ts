import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
// @ts-expect-error: a plain .mjs script without type declarations
import { SOURCE, TARGET, derivePostgresSchema } from '../prisma/derive-postgres-schema.mjs'
import { testEngine, testPostgresUrl } from './test-database.ts'

const migrationNames = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()

describe('one schema, two engines', () => {
  test('the PostgreSQL schema is exactly the derivation of prisma/schema.prisma', () => {
    const derived = (derivePostgresSchema as (s: string) => string)(fs.readFileSync(SOURCE, 'utf8'))
    expect(fs.readFileSync(TARGET as string, 'utf8')).toBe(derived)
  })

  test('every migration exists for both engines under the same name', () => {
    const sqlite = migrationNames(path.join('prisma', 'migrations'))
    expect(sqlite.length).toBeGreaterThan(0)
    expect(migrationNames(path.join('prisma', 'postgresql', 'migrations'))).toEqual(sqlite)
  })

  // Replays the committed migrations into a shadow database and compares the result with
  // the schema: a schema change without its migration (or a hand-edited migration) fails.
  test(`the ${testEngine} migrations produce exactly the schema`, () => {
    const dir = testEngine === 'sqlite' ? 'prisma' : path.join('prisma', 'postgresql')
    const result = spawnSync(
      path.resolve('node_modules', '.bin', 'prisma'),
      [
        'migrate',
        'diff',
        '--from-migrations',
        path.join(dir, 'migrations'),
        '--to-schema-datamodel',
        path.join(dir, 'schema.prisma'),
        '--exit-code',
      ],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          DATABASE_URL: testPostgresUrl ?? 'file::memory:',
          CHECKPOINT_DISABLE: '1',
        },
      },
    )
    expect(result.stdout + result.stderr).toContain('No difference detected')
    expect(result.status).toBe(0)
  })
})
