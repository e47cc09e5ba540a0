import { databaseEngine, prisma } from '#app/db.server.ts'

/** Liveness and readiness for load balancers: 200 when the database answers, 503 when not. */
export async function loader() {
  try {
    await prisma.$queryRawUnsafe('SELECT 1')
    return Response.json({ status: 'ok', database: databaseEngine })
  } catch {
    return Response.json({ status: 'error', database: databaseEngine }, { status: 503 })
  }
}
