import { prisma } from '#app/db.server.ts'
import { jobQueue } from '#app/jobs/index.server.ts'

/**
 * The back-off of failed jobs is over: what a wait of some minutes would do, on either
 * engine's queue (our Job table on SQLite, pg-boss's own table on PostgreSQL).
 */
export async function retriesDue() {
  if (jobQueue().engine === 'sqlite') {
    await prisma.job.updateMany({ where: { state: 'failed' }, data: { runAt: new Date() } })
  } else {
    await prisma.$executeRawUnsafe(
      `UPDATE pgboss.job SET start_after = now() WHERE state = 'retry'`,
    )
  }
}
