/**
 * Benchmark (issue 23): a learner with a long history sees their dashboard as fast as one
 * with a short history. Run with `npx tsx scripts/bench/dashboard-history.ts [events]` (default
 * 50,000) on a fresh SQLite file, or on PostgreSQL with
 * `node scripts/with-postgres.mjs npx tsx scripts/bench/dashboard-history.ts`.
 * Two learners with the same completions; one has 50 learning events, the other `events`,
 * written in bulk (a mix of the verbs the product records, spread over two years). Timed: the
 * dashboard loader's own functions, in-process, median of 30 runs after a warm-up.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'

const postgres = process.env.TEST_POSTGRES_URL
if (postgres) process.env.DATABASE_URL = postgres
else {
  const file = 'data/bench-dashboard.db'
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  process.env.DATABASE_URL = `file:./${file}`
}
const target = Number(process.argv[2] ?? 50_000)

const { migrateDatabase } = await import('#app/db-setup.server.ts')
migrateDatabase(process.env.DATABASE_URL!)
const { prisma } = await import('#app/db.server.ts')
const { importDossierFolder } = await import('#app/domain/dossier-folder.server.ts')
const { importCourses } = await import('#app/domain/course-import.server.ts')
const { findPublishedLesson, recordCompletion } = await import('#app/domain/progress.server.ts')
const { learnerDashboard } = await import('#app/domain/dashboard.server.ts')
const { ownKpiWeeks } = await import('#app/quality/kpis.server.ts')
const { ownQualitySummary } = await import('#app/quality/own-quality.server.ts')
const { ownOpenWorkProcessAssignments } = await import('#app/employer/assignments.server.ts')
const { createUser } = await import('#app/domain/users.server.ts')

await importDossierFolder()
await importCourses()
const keys = await prisma.lesson.findMany({
  where: { courseVersion: { currentOf: { isNot: null } } },
  select: { lessonKey: true },
})
const lessons = (await Promise.all(keys.map((k) => findPublishedLesson(k.lessonKey)))).filter(
  (l) => l !== null,
)

/** A learner who completed the same 12 lessons, plus `extra` older events of every kind. */
async function learner(name: string, extra: number) {
  const user = await createUser({
    email: `${name}@example.test`,
    name,
    password: 'Bench-wachtwoord-1',
  })
  for (const l of lessons.slice(0, 12)) await recordCompletion(user.id, l, 'done')
  const verbs = ['experienced', 'progressed', 'answered', 'completed', 'passed', 'failed']
  const start = Date.now() - 2 * 365 * 24 * 3600 * 1000
  for (let done = 0; done < extra; done += 1000) {
    await prisma.learningEvent.createMany({
      data: Array.from({ length: Math.min(1000, extra - done) }, (_, i) => {
        const lesson = lessons[(done + i) % lessons.length]!
        return {
          id: randomUUID(),
          userId: user.id,
          verb: verbs[(done + i) % verbs.length]!,
          objectType: 'lesson',
          objectId: lesson.lessonKey,
          courseId: lesson.courseId,
          lessonKey: lesson.lessonKey,
          timestamp: new Date(start + (done + i) * 60_000),
        }
      }),
    })
  }
  const events = await prisma.learningEvent.count({ where: { userId: user.id } })
  return { id: user.id, events }
}

/** What the dashboard's loader asks, as it asks it (app/routes/me/dashboard.tsx). */
function dashboard(userId: string) {
  return Promise.all([
    learnerDashboard(userId),
    ownKpiWeeks(userId),
    ownQualitySummary(userId),
    ownOpenWorkProcessAssignments(userId),
  ])
}

async function median(userId: string) {
  for (let i = 0; i < 5; i++) await dashboard(userId)
  const times: number[] = []
  for (let i = 0; i < 30; i++) {
    const started = performance.now()
    await dashboard(userId)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return times[15]!
}

const short = await learner('kort', 38)
const long = await learner('lang', target - 12)
const shortMs = await median(short.id)
const longMs = await median(long.id)
const ratio = longMs / shortMs
console.log(`engine: ${postgres ? 'PostgreSQL' : 'SQLite'}`)
console.log('| learner | learning events | dashboard p50 ms |')
console.log('| --- | --- | --- |')
console.log(`| short history | ${short.events.toLocaleString('en')} | ${shortMs.toFixed(2)} |`)
console.log(`| long history | ${long.events.toLocaleString('en')} | ${longMs.toFixed(2)} |`)
console.log(`ratio long / short: ${ratio.toFixed(2)} (target: at most 1.5)`)
await prisma.$disconnect()
process.exit(ratio <= 1.5 ? 0 : 1)
