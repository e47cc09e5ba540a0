import { prisma } from '#app/db.server.ts'
import { TABLES } from '#app/db-tables.server.ts'

type Deletable = { deleteMany(): Promise<unknown> }

/** Empty every table of this test file's database, children first: a fresh install's state. */
export async function resetDatabase() {
  const client = prisma as unknown as Record<string, Deletable>
  for (const { model } of [...TABLES].reverse()) await client[model]!.deleteMany()
}
