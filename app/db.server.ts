import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { env } from '#app/env.server.ts'

export type DatabaseEngine = 'sqlite' | 'postgresql'

export function engineOf(url: string): DatabaseEngine {
  return url.startsWith('file:') ? 'sqlite' : 'postgresql'
}

export const databaseEngine = engineOf(env.DATABASE_URL)

function createClient(url: string) {
  // better-sqlite3 waits up to `timeout` ms for a lock held by another connection
  // (another instance, a CLI import) instead of failing at once with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 })
  return new PrismaClient({ adapter })
}

// One client per process; in dev the module is re-evaluated on change, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createClient> }

export const prisma = globalForPrisma.prisma ?? createClient(env.DATABASE_URL)
if (env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma
