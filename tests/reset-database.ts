import { prisma } from '#app/db.server.ts'

/**
 * Empty every table of this test file's database, children before parents, so a test
 * starts from the state a fresh install has. Add new tables here in dependency order.
 */
export async function resetDatabase() {
  await prisma.$transaction([
    prisma.indicator.deleteMany(),
    prisma.workProcessCompetency.deleteMany(),
    prisma.workProcess.deleteMany(),
    prisma.coreTask.deleteMany(),
    prisma.dossier.deleteMany(),
    prisma.competency.deleteMany(),
  ])
}
