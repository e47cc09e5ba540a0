/**
 * Benchmark (issue 6), run with `npx tsx scripts/bench/progress.ts [events]` on a fresh SQLite
 * file (DATABASE_URL is set below, before the app's modules load):
 * 1. recording a completion costs the same with an empty history and with a long one;
 * 2. the dashboard runs a fixed number of queries;
 * 3. a generated history of N learning events (default 100,000), recorded through the same
 *    functions learners use, rebuilds to exactly the stored steps.
 */
import fs from 'node:fs'

const file = 'data/bench-progress.db'
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
process.env.DATABASE_URL = `file:./${file}`
const target = Number(process.argv[2] ?? 100_000)

const { migrateDatabase } = await import('#app/db-setup.server.ts')
migrateDatabase(process.env.DATABASE_URL)
const { prisma } = await import('#app/db.server.ts')
const { importDossierFolder } = await import('#app/domain/dossier-folder.server.ts')
const { importCourses } = await import('#app/domain/course-import.server.ts')
const { findPublishedLesson, recordCompletion, recordQuizAttempt } =
  await import('#app/domain/progress.server.ts')
const { rebuildStatuses } = await import('#app/domain/progress-rebuild.server.ts')
const { learnerDashboard } = await import('#app/domain/dashboard.server.ts')
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
const user = (i: number) =>
  createUser({
    email: `bench${i}@example.test`,
    name: `Bench ${i}`,
    password: 'Bench-wachtwoord-1',
  })

// 1. Completion cost against history size (history made of past quiz attempts on one lesson).
const timeCompletions = async (userId: string) => {
  const started = performance.now()
  for (const l of lessons.slice(0, 20)) await recordCompletion(userId, l, 'done')
  return (performance.now() - started) / 20
}
const fresh = await user(0)
const emptyHistory = await timeCompletions(fresh.id)
const veteran = await user(1)
const quiz = lessons.find((l) => l.lessonKey === 'tl-k2-w3-quiz')!
for (let i = 0; i < 5000; i++)
  await recordQuizAttempt(veteran.id, quiz, { score: 50, passMark: 75, passed: false, answers: [] })
const events = await prisma.learningEvent.count({ where: { userId: veteran.id } })
const longHistory = await timeCompletions(veteran.id)
console.log(
  `completion: ${emptyHistory.toFixed(2)} ms with an empty history, ${longHistory.toFixed(2)} ms with ${events} events`,
)

// 2. The dashboard for a learner with a long history (its queries are fixed in code: 7).
const t0 = performance.now()
await learnerDashboard(veteran.id)
console.log(
  `dashboard: ${(performance.now() - t0).toFixed(1)} ms for a learner with ${events} events`,
)

// 3. A long generated history through the real functions, then the rebuild check.
const learners = await Promise.all(Array.from({ length: 50 }, (_, i) => user(i + 2)))
let seed = 7
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const started = performance.now()
while ((await prisma.learningEvent.count()) < target) {
  for (let i = 0; i < 1000; i++) {
    const who = learners[Math.floor(random() * learners.length)]!
    const l = lessons[Math.floor(random() * lessons.length)]!
    const score = Math.floor(random() * 101)
    if (random() < 0.5)
      await recordQuizAttempt(who.id, l, { score, passMark: 75, passed: score >= 75, answers: [] })
    else await recordCompletion(who.id, l, 'done')
  }
}
const total = await prisma.learningEvent.count()
const generation = (performance.now() - started) / 1000
const r0 = performance.now()
const report = await rebuildStatuses({ write: false })
console.log(
  `history: ${total} events in ${generation.toFixed(0)} s; rebuild compared ${report.compared} statuses in ${(performance.now() - r0).toFixed(0)} ms: ${report.differences.length} differences`,
)
await prisma.$disconnect()
process.exitCode = report.differences.length === 0 ? 0 : 1
