import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { PrismaClient as PostgresPrismaClient } from '#app/generated/prisma-postgres/client.ts'
import { env } from '#app/env.server.ts'
import { survivingConnectionErrors } from '#app/utils/pg-pool-errors.server.ts'
import { withImmediateTransactions } from './sqlite-immediate-transactions.server.ts'

export type DatabaseEngine = 'sqlite' | 'postgresql'

export function engineOf(url: string): DatabaseEngine {
  return url.startsWith('file:') ? 'sqlite' : 'postgresql'
}

export const databaseEngine = engineOf(env.DATABASE_URL)

/**
 * The one Prisma client of the process. Both generated clients come from the same schema
 * (prisma/postgresql/schema.prisma is derived from prisma/schema.prisma), so they expose the
 * same model API; the PostgreSQL one is typed as the SQLite one, and code may use only
 * what both engines support (docs/decisions/006-postgresql.md).
 */
export function createClient(url: string): PrismaClient {
  if (engineOf(url) === 'sqlite') {
    // better-sqlite3 waits up to `timeout` ms for a lock held by another connection
    // (another worker, a CLI import) instead of failing at once with SQLITE_BUSY; a
    // transaction takes its write lock when it begins, so it waits too.
    const adapter = withImmediateTransactions(new PrismaBetterSQLite3({ url, timeout: 10_000 }))
    return new PrismaClient({ adapter })
  }
  // Our own pool, so its connections' errors are caught (pg-pool-errors.server.ts); the
  // adapter still ends it on $disconnect.
  const pool = survivingConnectionErrors(
    new pg.Pool({ connectionString: url, max: env.DATABASE_POOL_SIZE }),
    'database',
  )
  const adapter = new PrismaPg(pool, { disposeExternalPool: true })
  return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient
}

// In dev the module is re-evaluated on change: keep one client on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient }

export const prisma = globalForPrisma.prisma ?? createClient(env.DATABASE_URL)
if (env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma

/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]
/** Either the client or a transaction: for reads that run in both. */
export type Db = PrismaClient | Tx
