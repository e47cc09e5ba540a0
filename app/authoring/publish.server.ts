import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { prisma } from '#app/db.server.ts'
import { checkCourses } from '#app/content/course-check.server.ts'
import { lessonBody } from '#app/content/course-files.server.ts'
import { readFramework } from '#app/content/dossier-files.server.ts'
import {
  COURSES_FOLDER,
  databaseCompileCache,
  publishCourse,
} from '#app/domain/course-import.server.ts'
import { snapshotFiles, writeSnapshot, type CourseFile } from './course-files-export.server.ts'
import type { CourseSnapshot } from './course-snapshot.ts'
import { visibleCourses } from '#app/domain/course-visibility.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import { draftSnapshot, replaceDraft } from './drafts.server.ts'
import { versionSnapshot } from './versions.server.ts'

/**
 * Publishing a draft: the draft is written out as a `courses/` folder and judged by exactly
 * the checker `npm run courses:check` runs, in the safe mode for browser-written lessons, then
 * published by the same code that imports git courses. So a browser course can never pass a
 * rule a git course fails, and its export is what was checked.
 */
export type AuthoringProblem = {
  /** The lesson the problem is in; null for the course or a module. */
  lessonKey: string | null
  language: 'nl' | 'en'
  /** Line and column in the lesson's text; 0 when it is about the lesson's fields. */
  line: number
  col: number
  message: string
}

type CheckOutcome =
  | { ok: true; checked: Awaited<ReturnType<typeof checkCourses>>['courses'][number] }
  | { ok: false; problems: AuthoringProblem[] }

/** Check a snapshot as a git course would be checked, plus the browser's safe subset. */
async function checkSnapshot(snapshot: CourseSnapshot): Promise<CheckOutcome> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'course-draft-'))
  try {
    await writeSnapshot(snapshot, root)
    const owner = await prisma.course.findUnique({
      where: { id: snapshot.id },
      select: { organisationId: true },
    })
    const [framework, others] = await Promise.all([
      readFramework(path.join(COURSES_FOLDER, 'dossiers')),
      // `lesson:` links may go to lessons this course's learners can open: platform courses
      // and the owner's own. (Keys stay unique everywhere: they are made that way.)
      prisma.lesson.findMany({
        where: {
          courseVersion: {
            courseId: { not: snapshot.id },
            course: visibleCourses(owner?.organisationId ? [owner.organisationId] : []),
          },
        },
        distinct: ['lessonKey'],
        select: { lessonKey: true },
      }),
    ])
    const { courses, problems } = await checkCourses(
      root,
      framework,
      databaseCompileCache(prisma),
      { safe: true, knownLessonKeys: new Set(others.map((l) => l.lessonKey)) },
    )
    const course = courses[0]
    if (problems.length > 0 || !course) {
      const files = snapshotFiles(snapshot)
      return { ok: false, problems: problems.map((p) => locate(files, root, p)) }
    }
    return { ok: true, checked: course }
  } finally {
    await fs.rm(root, { recursive: true, force: true })
  }
}

/** Turn a problem in a written-out file back into "lesson X, line Y of its text". */
function locate(
  files: CourseFile[],
  root: string,
  p: { file: string; line: number; col: number; message: string },
): AuthoringProblem {
  const relative = path.relative(root, path.resolve(p.file)).split(path.sep).join('/')
  const file = files.find((f) => f.path === relative)
  const match = /\/\d{2}-([a-z0-9-]+?)(\.en)?\.mdx$/.exec(relative)
  if (!file || !match)
    return { lessonKey: null, language: 'nl', line: 0, col: 0, message: p.message }
  // The editor shows the text without the frontmatter the export adds.
  const headerLines =
    file.text.slice(0, file.text.length - lessonBody(file.text).length).split('\n').length - 1
  const inBody = p.line > headerLines
  return {
    lessonKey: match[1]!,
    language: match[2] ? 'en' : 'nl',
    line: inBody ? p.line - headerLines : 0,
    col: inBody ? p.col : 0,
    message: p.message,
  }
}

export type PublishOutcome =
  | { ok: true; version: number; status: 'created' | 'unchanged' }
  | { ok: false; problems: AuthoringProblem[] }

/** Publish the draft as the next version; with any problem nothing is published. */
export async function publishDraft(
  courseId: string,
  userId: string,
  note?: string,
): Promise<PublishOutcome> {
  const snapshot = await draftSnapshot(courseId)
  if (!snapshot) return { ok: false, problems: [] }
  const lessons = snapshot.modules.flatMap((m) => m.lessons)
  if (lessons.length === 0) {
    return {
      ok: false,
      problems: [
        { lessonKey: null, language: 'nl', line: 0, col: 0, message: 'a course needs a lesson' },
      ],
    }
  }
  const outcome = await checkSnapshot(snapshot)
  if (!outcome.ok) return outcome
  try {
    const published = await publishCourse(outcome.checked, prisma, { publishedById: userId, note })
    return { ok: true, version: published.version, status: published.status }
  } catch (error) {
    // A colleague published the same course at the same moment: their version stands.
    if (!isUniqueViolation(error)) throw error
    return {
      ok: false,
      problems: [
        {
          lessonKey: null,
          language: 'nl',
          line: 0,
          col: 0,
          message:
            'someone else published this course at the same moment; look at the versions and publish again',
        },
      ],
    }
  }
}

/**
 * Roll back: the draft becomes an earlier version again and is published as the next version,
 * so history only grows and learners keep their progress (the lesson keys are the old ones).
 */
export async function rollBack(courseId: string, version: number, userId: string) {
  const snapshot = await versionSnapshot(courseId, version)
  if (!snapshot) return null
  await prisma.$transaction((tx) => replaceDraft(tx, snapshot, userId))
  return publishDraft(courseId, userId, `rollback:${version}`)
}
