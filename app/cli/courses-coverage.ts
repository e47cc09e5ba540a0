/**
 * `npm run courses:coverage [dossier]`: per work process, how many published lessons,
 * quizzes, scenarios and assignments train it. Gaps (no lesson or no quiz) are marked; the
 * exit code is 1 when there is a gap.
 */
import { coverageOf, isGap } from '#app/domain/coverage.server.ts'
import { prisma } from '#app/db.server.ts'

const slug = process.argv[2] ?? 'contactcenter-teamleider'
const coverage = await coverageOf(slug)
if (!coverage) {
  console.error(`no dossier "${slug}" in the database (run npm run setup first)`)
  process.exit(2)
}
console.log(`coverage of ${coverage.dossier.qualificationNl} (${slug})`)
console.log(`${'work process'.padEnd(12)} lesson  quiz  scenario  assignment`)
for (const row of coverage.rows) {
  const c = row.counts
  const cells = [c.lesson, c.quiz, c.scenario, c.assignment].map((n, i) =>
    String(n).padStart([6, 6, 10, 12][i]!),
  )
  console.log(
    `${row.code.padEnd(12)}${cells.join('')}  ${isGap(row) ? 'GAP' : 'ok'}  ${row.titleNl}`,
  )
}
const gaps = coverage.rows.filter(isGap).length
console.log(`${coverage.rows.length} work processes, ${gaps} gaps`)
await prisma.$disconnect()
process.exitCode = gaps > 0 ? 1 : 0
