/**
 * `npm run courses:check [folder]`: validate every course against the schema, the dossiers
 * and the component kit, and the recertification policy against the dossiers. Each problem is printed as `file:line:col message`; exit code 1 on
 * any problem. Needs no database.
 */
import path from 'node:path'
import { ContentError, formatProblem } from '#app/content/content-error.ts'
import { checkCourses } from '#app/content/course-check.server.ts'
import { readFramework } from '#app/content/dossier-files.server.ts'
import { checkRecertificationPolicy } from '#app/records/recertification.server.ts'

const root = process.argv[2] ?? 'courses'
try {
  const framework = await readFramework(path.join(root, 'dossiers'))
  const started = Date.now()
  const checked = await checkCourses(root, framework)
  const { courses } = checked
  const recertification = await checkRecertificationPolicy(
    path.join(root, 'recertification.yaml'),
    framework,
  )
  const problems = [...checked.problems, ...recertification.problems]
  for (const p of problems) console.error(formatProblem(p))
  const lessons = courses.reduce((n, c) => n + c.lessons.size, 0)
  console.log(
    `courses:check: ${courses.length} courses, ${lessons} lessons, ${problems.length} problems (${Date.now() - started} ms)`,
  )
  process.exitCode = problems.length > 0 ? 1 : 0
} catch (error) {
  if (!(error instanceof ContentError)) throw error
  console.error(error.message)
  process.exitCode = 1
}
