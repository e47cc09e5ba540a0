import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import type Database from 'better-sqlite3'

/**
 * SQLite transactions that take the write lock when they begin. Prisma 6.19's adapter opens
 * every transaction with a plain (deferred) BEGIN: a transaction that reads, then writes,
 * fails at once with SQLITE_BUSY_SNAPSHOT when another process wrote in between, without
 * waiting for the busy timeout. One process never meets that (the adapter runs transactions
 * one at a time); several workers on one file do (docs/decisions/038-one-worker-per-core.md).
 * With BEGIN IMMEDIATE a second writer waits for the first, up to the busy timeout. The
 * adapter offers no option for it, so its connection's `prepare` rewrites that one statement.
 */
export function withImmediateTransactions(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory)
  factory.connect = async () => {
    const adapter = await connect()
    const client = (adapter as unknown as { client: Database.Database }).client
    // The prototype's prepare, looked up at each call (a benchmark may count statements there).
    const prototype = Object.getPrototypeOf(client) as Database.Database
    client.prepare = ((source: string) =>
      prototype.prepare.call(
        client,
        source === 'BEGIN' ? 'BEGIN IMMEDIATE' : source,
      )) as typeof client.prepare
    return adapter
  }
  return factory
}
