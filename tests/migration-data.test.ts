import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterEach, describe, expect, test } from 'vitest'
import { parseJsonList, toJsonList } from '#app/utils/json-list.ts'
import { onPostgresServer, postgresUrlFor, TEST_DATA_DIR, testEngine } from './test-database.ts'

/**
 * Migrations that convert data: an existing database, filled as the code before the migration
 * wrote it, must come out of the migration readable by the code after it. Each test replays
 * the committed migrations up to the one under test on an empty database of the engine under
 * test, writes rows the old way, applies the migration and reads the rows back.
 */
type Row = Record<string, unknown>
type Scratch = { run(sql: string): Promise<void>; rows(sql: string): Promise<Row[]> }

const migrationsDir =
  testEngine === 'sqlite'
    ? path.join('prisma', 'migrations')
    : path.join('prisma', 'postgresql', 'migrations')
const migrations = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
const sqlOf = (migration: string) =>
  fs.readFileSync(path.join(migrationsDir, migration, 'migration.sql'), 'utf8')

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

async function scratchDatabase(): Promise<Scratch> {
  const name = `migration_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`
  if (testEngine === 'sqlite') {
    const db = new Database(path.join(TEST_DATA_DIR, `${name}.db`))
    closers.push(async () => void db.close())
    return {
      run: async (sql) => void db.exec(sql),
      rows: async (sql) => db.prepare(sql).all() as Row[],
    }
  }
  await onPostgresServer(`CREATE DATABASE "${name}"`)
  const client = new pg.Client({ connectionString: postgresUrlFor(name) })
  await client.connect()
  closers.push(async () => {
    await client.end()
    await onPostgresServer(`DROP DATABASE "${name}"`)
  })
  return {
    run: async (sql) => void (await client.query(sql)),
    rows: async (sql) => (await client.query(sql)).rows as Row[],
  }
}

/** A database at the state just before `name`, and a way to apply `name` itself. */
async function databaseBefore(name: string) {
  const index = migrations.findIndex((m) => m.endsWith(`_${name}`))
  expect(index).toBeGreaterThan(0)
  const db = await scratchDatabase()
  for (const migration of migrations.slice(0, index)) await db.run(sqlOf(migration))
  return { db, migrate: () => db.run(sqlOf(migrations[index]!)) }
}

const AT = `'2026-11-01 09:00:00'`

describe(`data conversion in the ${testEngine} migrations`, () => {
  test('json_list_columns: comma text becomes JSON lists, empty text an empty list', async () => {
    const { db, migrate } = await databaseBefore('json_list_columns')
    await db.run(`
      INSERT INTO "User" ("id", "email", "name", "passwordHash") VALUES ('u1', 'a@example.test', 'Ann', 'x');
      INSERT INTO "Organisation" ("id", "slug", "name", "kind") VALUES ('o1', 'noord', 'Noord', 'in_house');
      INSERT INTO "Invitation" ("id", "organisationId", "email", "roles", "tokenHash", "expiresAt", "invitedById")
        VALUES ('i1', 'o1', 'b@example.test', 'learner,team_leader', 'h1', ${AT}, 'u1'),
               ('i2', 'o1', 'c@example.test', 'trainer', 'h2', ${AT}, 'u1');
      INSERT INTO "ApiToken" ("id", "organisationId", "name", "tokenHash", "scopes", "createdById")
        VALUES ('t1', 'o1', 'HR', 'h3', 'progress:read,records:read', 'u1');
      INSERT INTO "Course" ("id") VALUES ('c1');
      INSERT INTO "CourseVersion" ("id", "courseId", "version", "contentHash", "dossierSlug", "titleNl", "titleEn", "summaryNl", "summaryEn", "audienceNl", "audienceEn", "languages", "selfEnrol")
        VALUES ('v1', 'c1', 1, 'h', 'd', 't', 't', 's', 's', 'a', 'a', 'nl,en', true),
               ('v2', 'c1', 2, 'h', 'd', 't', 't', 's', 's', 'a', 'a', 'nl', true);
      INSERT INTO "Lesson" ("id", "courseVersionId", "lessonKey", "moduleKey", "moduleTitleNl", "moduleTitleEn", "modulePosition", "position", "type", "duration", "titleNl", "competencies", "codeNlHash", "sourceFile")
        VALUES ('l1', 'v1', 'k1', 'm', 'm', 'm', 1, 1, 'reading', 5, 'Les', 'C,H,R', 'h', 'f'),
               ('l2', 'v1', 'k2', 'm', 'm', 'm', 1, 2, 'reading', 5, 'Les', '', 'h', 'f');
      INSERT INTO "CourseDraft" ("courseId", "dossierSlug", "titleNl", "titleEn", "summaryNl", "summaryEn", "audienceNl", "audienceEn", "languages", "selfEnrol", "updatedAt")
        VALUES ('c1', 'd', 't', 't', 's', 's', 'a', 'a', 'nl', false, ${AT});
      INSERT INTO "DraftModule" ("id", "courseId", "moduleKey", "titleNl", "titleEn", "position") VALUES ('dm1', 'c1', 'm', 'm', 'm', 0);
      INSERT INTO "DraftLesson" ("id", "courseId", "moduleId", "lessonKey", "position", "type", "duration", "titleNl", "workProcesses", "competencies", "bodyNl", "updatedAt")
        VALUES ('dl1', 'c1', 'dm1', 'k3', 0, 'reading', 5, 'Les', 'TL-K2-W3,TL-K2-W4', 'C', 'body', ${AT}),
               ('dl2', 'c1', 'dm1', 'k4', 1, 'reading', 5, 'Les', '', '', 'body', ${AT});
      INSERT INTO "Evidence" ("id", "userId", "organisationId", "dossierSlug", "kind", "title", "narrative", "competencies")
        VALUES ('e1', 'u1', 'o1', 'd', 'assignment', 'Gesprek', 'n', 'Q,M');
      INSERT INTO "LearningEvent" ("id", "userId", "verb", "objectType", "objectId", "workProcessCodes")
        VALUES ('le1', 'u1', 'completed', 'lesson', 'k1', 'TL-K2-W3,TL-K2-W4'),
               ('le2', 'u1', 'enrolled', 'course', 'c1', '');
      INSERT INTO "LearningEvent" ("id", "userId", "verb", "objectType", "objectId") VALUES ('le3', 'u1', 'enrolled', 'course', 'c1');
    `)
    await migrate()

    const column = async (table: string, col: string, key = 'id') =>
      (await db.rows(`SELECT "${key}" AS k, "${col}" AS v FROM "${table}" ORDER BY "${key}"`)).map(
        (r) => [r.k, r.v as string],
      )
    // Exactly the text the app writes, so the migrated and the new rows never differ.
    const expected = (rows: Array<[string, string[]]>) => rows.map(([k, l]) => [k, toJsonList(l)])
    expect(await column('Invitation', 'roles')).toEqual(
      expected([
        ['i1', ['learner', 'team_leader']],
        ['i2', ['trainer']],
      ]),
    )
    expect(await column('ApiToken', 'scopes')).toEqual(
      expected([['t1', ['progress:read', 'records:read']]]),
    )
    expect(await column('CourseVersion', 'languages')).toEqual(
      expected([
        ['v1', ['nl', 'en']],
        ['v2', ['nl']],
      ]),
    )
    expect(await column('CourseDraft', 'languages', 'courseId')).toEqual(expected([['c1', ['nl']]]))
    expect(await column('Lesson', 'competencies')).toEqual(
      expected([
        ['l1', ['C', 'H', 'R']],
        ['l2', []],
      ]),
    )
    expect(await column('DraftLesson', 'workProcesses')).toEqual(
      expected([
        ['dl1', ['TL-K2-W3', 'TL-K2-W4']],
        ['dl2', []],
      ]),
    )
    expect(await column('DraftLesson', 'competencies')).toEqual(
      expected([
        ['dl1', ['C']],
        ['dl2', []],
      ]),
    )
    expect(await column('Evidence', 'competencies')).toEqual(expected([['e1', ['Q', 'M']]]))
    expect(await column('LearningEvent', 'workProcessCodes')).toEqual(
      expected([
        ['le1', ['TL-K2-W3', 'TL-K2-W4']],
        ['le2', []],
        ['le3', []],
      ]),
    )
    // A new event without codes gets an empty list too.
    await db.run(
      `INSERT INTO "LearningEvent" ("id", "userId", "verb", "objectType", "objectId") VALUES ('le4', 'u1', 'enrolled', 'course', 'c1')`,
    )
    const [fresh] = await db.rows(
      `SELECT "workProcessCodes" AS v FROM "LearningEvent" WHERE "id" = 'le4'`,
    )
    expect(parseJsonList(fresh!.v as string)).toEqual([])
  })

  test('record_achievement_name: the name comes out of the stored credential', async () => {
    const { db, migrate } = await databaseBefore('record_achievement_name')
    // The credential as issued: a glued title on top, the bare name in the achievement.
    const credential = (code: string, name: string) =>
      JSON.stringify({ name: `${code} ${name}`, credentialSubject: { achievement: { name } } })
    const text = (value: string) => `'${value.replaceAll("'", "''")}'`
    await db.run(`
      INSERT INTO "CompletionRecord" ("id", "level", "dossierSlug", "dossierVersion", "code", "recipientName", "credential", "jwt", "kid", "issuedAt")
        VALUES ('r1', 'work_process', 'd', 1, 'TL-K1-W1', 'Ann', ${text(credential('TL-K1-W1', 'Gesprekken voeren'))}, 'j', 'k', ${AT}),
               ('r2', 'qualification', 'd', 1, '93860', 'Ann', ${text(credential('93860', "Klant's teamleider"))}, 'j', 'k', ${AT});
    `)
    await migrate()
    expect(
      await db.rows(`SELECT "id", "code", "name" FROM "CompletionRecord" ORDER BY "id"`),
    ).toEqual([
      { id: 'r1', code: 'TL-K1-W1', name: 'Gesprekken voeren' },
      { id: 'r2', code: '93860', name: "Klant's teamleider" },
    ])
  })
})
