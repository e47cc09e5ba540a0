import type pg from 'pg'

/**
 * A PostgreSQL pool whose connections never crash the process when the network drops them.
 * pg's pool listens for errors only on idle connections; a connection that is checked out
 * (between a query's end and its release, or held by a driver) emits its error with no
 * listener, which Node turns into an uncaught exception. Each connection gets a listener
 * for its whole life, so a cut-off database is a failed query and a 503 on /readyz, never a
 * dead server (tests/operations.test.ts).
 */
export function survivingConnectionErrors(pool: pg.Pool, label: string) {
  pool.on('error', (error) => console.warn(`${label}: PostgreSQL connection lost:`, error.message))
  pool.on('connect', (client) => {
    client.on('error', (error) =>
      console.warn(`${label}: PostgreSQL connection lost:`, error.message),
    )
  })
  return pool
}
