import { createClient } from '#app/db.server.ts'
import { migrateDatabase } from '#app/db-setup.server.ts'
import { TABLES, type TableName } from '#app/db-tables.server.ts'

const BATCH = 1000

type Row = Record<string, unknown>
/** The part of a Prisma model delegate that copying needs, the same for every model. */
type Delegate = {
  count(): Promise<number>
  findMany(args: { orderBy: Row[]; skip: number; take: number }): Promise<Row[]>
  createMany(args: { data: Row[] }): Promise<{ count: number }>
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
        for (const { model, key } of TABLES) await copyTable(source, tx, model, key)
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

async function copyTable(source: Client, tx: unknown, model: TableName, key: readonly string[]) {
  const orderBy = key.map((k) => ({ [k]: 'asc' }))
  for (let skip = 0; ; skip += BATCH) {
    const rows = await table(source, model).findMany({ orderBy, skip, take: BATCH })
    if (rows.length === 0) return
    await table(tx, model).createMany({ data: rows })
  }
}
