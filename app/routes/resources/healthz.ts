import { databaseHealth } from '#app/domain/health.server.ts'

/** Liveness and readiness for load balancers: 200 when the database answers, 503 when not. */
export async function loader() {
  const { ok, database } = await databaseHealth()
  return ok
    ? Response.json({ status: 'ok', database })
    : Response.json({ status: 'error', database }, { status: 503 })
}
