/**
 * `npm run courses:import`: check and publish the courses in courses/ (what start does for
 * content). A course with a problem keeps its published version; the problems are printed
 * as file:line:col and the exit code is 1.
 */
import { formatProblem } from '#app/content/content-error.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { prisma } from '#app/db.server.ts'

const result = await importCourses()
for (const p of result.problems) console.error(formatProblem(p))
for (const c of result.courses) console.log(`${c.id}: version ${c.version} (${c.status})`)
for (const r of result.rejected) console.error(`${r.id ?? r.dir}: not published`)
await prisma.$disconnect()
process.exitCode = result.problems.length > 0 ? 1 : 0
