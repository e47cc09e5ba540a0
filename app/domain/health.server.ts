import { databaseEngine, prisma } from '#app/db.server.ts'

/** Whether the database answers a trivial query: what load balancers ask /healthz. */
export async function databaseHealth() {
  try {
    await prisma.$queryRawUnsafe('SELECT 1')
    return { ok: true, database: databaseEngine }
  } catch {
    return { ok: false, database: databaseEngine }
  }
}
