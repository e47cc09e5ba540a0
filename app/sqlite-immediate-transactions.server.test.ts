import { spawnSync } from 'node:child_process'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, test } from 'vitest'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { freshSqliteUrl } from '#tests/test-database.ts'
import { withImmediateTransactions } from './sqlite-immediate-transactions.server.ts'

// A second process (another worker) that writes to the file while our transaction is open;
// it waits at most 300 ms for the lock and says whether it got it.
const OTHER_WORKER = `
  const Database = require('better-sqlite3')
  const db = new Database(process.argv[1], { timeout: 300 })
  try {
    db.prepare("INSERT INTO Competency (code, position, titleNl, titleEn, descriptionNl, descriptionEn) VALUES ('OTHER', 99, 'x', 'x', '', '')").run()
    console.log('wrote')
  } catch (error) { console.log(error.code) }
`

/** A test database in WAL mode, as the product's file is (app/db-setup.server.ts). */
function walFile() {
  const url = freshSqliteUrl()
  const db = new Database(url.slice('file:'.length))
  db.pragma('journal_mode = WAL')
  db.close()
  return url
}

const clients: PrismaClient[] = []
afterAll(() => Promise.all(clients.map((c) => c.$disconnect())))

/** Read, let the other worker write, then write: what a job's transaction does. */
async function readWhileOtherWritesThenWrite(client: PrismaClient, file: string) {
  let other = ''
  await client.$transaction(async (tx) => {
    await tx.competency.count()
    other = spawnSync(process.execPath, ['-e', OTHER_WORKER, file], { encoding: 'utf8' }).stdout
    await tx.competency.create({
      data: {
        code: 'OURS',
        position: 100,
        titleNl: 'y',
        titleEn: 'y',
        descriptionNl: '',
        descriptionEn: '',
      },
    })
  })
  return other.trim()
}

describe('SQLite transactions with several workers on one file', () => {
  test('a transaction holds the write lock from its start, so it cannot fail halfway', async () => {
    const url = walFile()
    const client = new PrismaClient({
      adapter: withImmediateTransactions(new PrismaBetterSQLite3({ url, timeout: 2000 })),
    })
    clients.push(client)
    // The other worker waited for our lock and gave up; our transaction went through whole.
    expect(await readWhileOtherWritesThenWrite(client, url.slice('file:'.length))).toBe(
      'SQLITE_BUSY',
    )
    expect(await client.competency.count({ where: { code: 'OURS' } })).toBe(1)
  })

  test("without it, Prisma's plain BEGIN fails at the first write after another worker wrote", async () => {
    const url = walFile()
    const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 2000 }) })
    clients.push(client)
    await expect(readWhileOtherWritesThenWrite(client, url.slice('file:'.length))).rejects.toThrow(
      /SQLITE_BUSY|database is locked|busy/i,
    )
    expect(await client.competency.count({ where: { code: 'OURS' } })).toBe(0)
  })
})
