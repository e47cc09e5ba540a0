import { afterAll, afterEach, beforeEach, vi } from 'vitest'
import { freshTestDatabaseUrl } from './test-database.ts'

// Runs before every test file, before the file's own imports: point the one Prisma client
// at this file's own database, on the engine under test.
process.env.DATABASE_URL = await freshTestDatabaseUrl()
process.env.NODE_ENV = 'test'
// Signing keys and evidence files of test runs stay under the test data folder.
process.env.SIGNING_KEY_DIR ??= 'data/test/keys'
process.env.EVIDENCE_DIR ??= 'data/test/evidence'
// Server errors a test provokes on purpose are not news; app processes tests start log again.
process.env.LOG_LEVEL ??= 'silent'

// An unexpected console.error is a failed test: errors must not scroll by unnoticed.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
  })
})
afterEach(() => {
  vi.restoreAllMocks()
})
// No job workers run in tests: jobs stay queued until a test runs them (drainJobs() in
// app/jobs/index.server.ts, or a queue's runDue). The process's queue holds connections
// on PostgreSQL: close it before the database client.
afterAll(async () => {
  const { closeJobQueue } = await import('#app/jobs/process-queue.server.ts')
  await closeJobQueue()
  const { prisma } = await import('#app/db.server.ts')
  await prisma.$disconnect()
})
