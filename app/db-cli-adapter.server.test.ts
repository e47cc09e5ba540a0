import { PrismaPg } from '@prisma/adapter-pg'
import { describe, expect, test } from 'vitest'
import { createMigrationAdapter } from './db-cli-adapter.server.ts'
import { freshSqliteUrl, testEngine } from '#tests/test-database.ts'

const noArgs = { args: [], argTypes: [] }

describe.runIf(testEngine === 'postgresql')('the PostgreSQL adapter for the Prisma CLI', () => {
  const url = process.env.DATABASE_URL!

  test('plain adapter-pg cannot read catalog types (why the shim exists)', async () => {
    const adapter = await new PrismaPg({ connectionString: url }).connect()
    try {
      await expect(
        adapter.queryRaw({ sql: 'SELECT current_database()::name AS db', ...noArgs }),
      ).rejects.toThrow()
    } finally {
      await adapter.dispose()
    }
  })

  test('reads `name` as text and information_schema integer domains as numbers', async () => {
    const adapter = await (await createMigrationAdapter(url)).connect()
    try {
      const result = await adapter.queryRaw({
        sql: `SELECT current_database()::name AS db,
                     'x'::information_schema.sql_identifier AS ident,
                     7::information_schema.cardinal_number AS n`,
        ...noArgs,
      })
      expect(result.columnNames).toEqual(['db', 'ident', 'n'])
      expect(result.rows[0]).toEqual([expect.stringMatching(/^test_/), 'x', 7])
    } finally {
      await adapter.dispose()
    }
  })

  test('runs an argument-less multi-statement script, as migration replay does', async () => {
    const adapter = await (await createMigrationAdapter(url)).connect()
    try {
      await adapter.executeRaw({
        sql: 'CREATE TABLE shim_a (id int); CREATE TABLE shim_b (id int); DROP TABLE shim_a; DROP TABLE shim_b;',
        ...noArgs,
      })
    } finally {
      await adapter.dispose()
    }
  })

  test('a shadow database is a separate database and is dropped afterwards', async () => {
    const factory = await createMigrationAdapter(url)
    const main = await factory.connect()
    const shadow = await factory.connectToShadowDb()
    const name = async (a: typeof main) =>
      (await a.queryRaw({ sql: 'SELECT current_database()::text AS db', ...noArgs })).rows[0]![0]
    const shadowName = await name(shadow)
    expect(shadowName).not.toBe(await name(main))
    await shadow.dispose()
    const left = await main.queryRaw({
      sql: 'SELECT count(*)::int FROM pg_database WHERE datname = $1',
      args: [shadowName],
      argTypes: [{ scalarType: 'string', arity: 'scalar' }],
    })
    expect(left.rows[0]![0]).toBe(0)
    await main.dispose()
  })
})

describe('the SQLite adapter for the Prisma CLI', () => {
  test('runs an argument-less multi-statement script, as migration replay does', async () => {
    const adapter = await (await createMigrationAdapter(freshSqliteUrl())).connect()
    try {
      await adapter.executeRaw({
        sql: 'CREATE TABLE shim_a (id int); CREATE TABLE shim_b (id int);',
        ...noArgs,
      })
      const tables = await adapter.queryRaw({
        sql: "SELECT name FROM sqlite_master WHERE name LIKE 'shim_%' ORDER BY name",
        ...noArgs,
      })
      expect(tables.rows).toEqual([['shim_a'], ['shim_b']])
    } finally {
      await adapter.dispose()
    }
  })
})
