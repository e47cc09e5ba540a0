import { describe, expect, test } from 'vitest'
import { createClient } from './db.server.ts'
import { copyDatabase } from './db-copy.server.ts'
import { TABLES } from './db-tables.server.ts'
import { readFramework } from '#app/content/dossier-files.server.ts'
import { DOSSIER_FOLDER } from '#app/domain/dossier-folder.server.ts'
import { importFramework } from '#app/domain/dossier-import.server.ts'
import { ModelName } from '#app/generated/prisma/internal/prismaNamespace.ts'
import { dossierFixture, replaceOnce } from '#tests/dossier-fixtures.ts'
import {
  freshSqliteUrl,
  onPostgresServer,
  postgresUrlFor,
  testEngine,
} from '#tests/test-database.ts'

test('the table list covers every model of the schema', () => {
  const models = Object.values(ModelName).map((m) => m[0]!.toLowerCase() + m.slice(1))
  expect(TABLES.map((t) => t.model).sort()).toEqual(models.sort())
})

describe.runIf(testEngine === 'postgresql')('copying a site from SQLite to PostgreSQL', () => {
  test('keeps every row of every table', { timeout: 120_000 }, async () => {
    const from = freshSqliteUrl()
    const source = createClient(from)
    // Two versions of a dossier, so ids, dates and links all have to survive the move.
    await importFramework(await readFramework(DOSSIER_FOLDER), source)
    const reworded = dossierFixture({
      'contactcenter-teamleider.yaml': replaceOnce('level: 4', 'level: 3'),
    })
    await importFramework(await readFramework(reworded), source)

    const name = `copy_target_${Date.now()}`
    await onPostgresServer(`CREATE DATABASE "${name}"`)
    const to = postgresUrlFor(name)
    const report = await copyDatabase(from, to)

    expect(report.map((r) => r.table)).toEqual(TABLES.map((t) => t.model))
    for (const row of report) {
      expect(row.source, row.table).toBeGreaterThan(0)
      expect(row.target, row.table).toBe(row.source)
    }
    const target = createClient(to)
    const spotCheck = (client: typeof source) =>
      client.workProcess.findMany({
        where: { code: 'TL-K2-W3' },
        orderBy: { dossier: { version: 'asc' } },
        include: {
          dossier: true,
          indicators: { orderBy: { position: 'asc' } },
          competencies: { orderBy: { position: 'asc' } },
        },
      })
    const copied = await spotCheck(target)
    expect(copied).toHaveLength(2)
    expect(copied).toEqual(await spotCheck(source))

    // Copying into a database that already has rows is refused and changes nothing.
    await expect(copyDatabase(from, to)).rejects.toThrow(/not empty/)
    expect(await target.dossier.count()).toBe(await source.dossier.count())
    await Promise.all([source.$disconnect(), target.$disconnect()])
  })
})
