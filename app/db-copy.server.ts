import { createClient } from '#app/db.server.ts'
import { migrateDatabase } from '#app/db-setup.server.ts'
import { TABLES, type Table, type TableName } from '#app/db-tables.server.ts'

const BATCH = 1000

type Row = Record<string, unknown>
/** The part of a Prisma model delegate that copying needs, the same for every model. */
type Delegate = {
  count(): Promise<number>
  findMany(args: { orderBy: Row[]; skip: number; take: number }): Promise<Row[]>
  createMany(args: { data: Row[] }): Promise<{ count: number }>
  update(args: { where: Row; data: Row }): Promise<unknown>
}
type Client = ReturnType<typeof createClient>
const table = (client: unknown, model: TableName) => (client as Record<TableName, Delegate>)[model]

export type CopyReport = Array<{ table: TableName; source: number; target: number }>

/**
 * Copy every row from one database to another (typically the SQLite file to a new
 * PostgreSQL database). The target is migrated first and must be empty; all rows are written
 * in one transaction, so a failed copy leaves the target empty. Ids are kept, so links,
 * record ids and verification URLs survive the move.
 */
export async function copyDatabase(fromUrl: string, toUrl: string): Promise<CopyReport> {
  migrateDatabase(toUrl)
  const source = createClient(fromUrl)
  const target = createClient(toUrl)
  try {
    for (const { model } of TABLES) {
      const rows = await table(target, model).count()
      if (rows > 0) throw new Error(`the target database is not empty: ${model} has ${rows} rows`)
    }
    await target.$transaction(
      async (tx) => {
        for (const t of TABLES as readonly Table[]) await copyTable(source, tx, t)
        for (const t of TABLES as readonly Table[])
          if (t.deferred) await copyDeferred(source, tx, t)
      },
      { timeout: 30 * 60_000, maxWait: 60_000 },
    )
    const report: CopyReport = []
    for (const { model } of TABLES) {
      report.push({
        table: model,
        source: await table(source, model).count(),
        target: await table(target, model).count(),
      })
    }
    return report
  } finally {
    await Promise.all([source.$disconnect(), target.$disconnect()])
  }
}

async function copyTable(source: Client, tx: unknown, { model, key, deferred = [] }: Table) {
  const orderBy = key.map((k) => ({ [k]: 'asc' }))
  for (let skip = 0; ; skip += BATCH) {
    const rows = await table(source, model).findMany({ orderBy, skip, take: BATCH })
    if (rows.length === 0) return
    const data = rows.map((row) => ({
      ...row,
      ...Object.fromEntries(deferred.map((c) => [c, null])),
    }))
    await table(tx, model).createMany({ data })
  }
}

/** Columns that point forward (a cycle between tables), set once every row exists. */
async function copyDeferred(source: Client, tx: unknown, { model, key, deferred = [] }: Table) {
  const orderBy = key.map((k) => ({ [k]: 'asc' }))
  for (let skip = 0; ; skip += BATCH) {
    const rows = await table(source, model).findMany({ orderBy, skip, take: BATCH })
    if (rows.length === 0) return
    for (const row of rows) {
      const data = Object.fromEntries(deferred.map((c) => [c, row[c]]))
      if (Object.values(data).every((v) => v === null)) continue
      await table(tx, model).update({
        where: Object.fromEntries(key.map((k) => [k, row[k]])),
        data,
      })
    }
  }
}
