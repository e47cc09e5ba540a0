import { createHash } from 'node:crypto'
import path from 'node:path'
import { prisma } from '#app/db.server.ts'
import type { ContentProblem } from '#app/content/content-error.ts'
import {
  checkCourses,
  type CheckedCourse,
  type CompileCache,
} from '#app/content/course-check.server.ts'
import { lessonBody } from '#app/content/course-files.server.ts'
import { readFramework } from '#app/content/dossier-files.server.ts'
import type { QuizKey } from '#app/content/lesson-kit-spec.ts'
import { toJsonList } from '#app/utils/json-list.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import { audit } from './audit.server.ts'

export const COURSES_FOLDER = 'courses'

type Db = typeof prisma

export type CourseImportResult = {
  courses: Array<{ id: string; version: number; status: 'created' | 'unchanged' }>
  /** Courses with problems: their published version (if any) stays as it was. */
  rejected: Array<{ id: string | null; dir: string }>
  problems: ContentProblem[]
}

/** The stored answer key: per question the correct options, and feedback per language. */
export type StoredQuizKey = {
  passMark: number
  /** Attempts after which the key is shown; null: only after a pass. Absent in keys stored
   * before quizzes had it: then the default. */
  revealAfter?: number | null
  questions: Array<{
    type: 'single' | 'multiple'
    options: number
    correct: number[]
    feedback: { nl: string; en: string | null }
  }>
}

/** Compiled lessons from the database, so an unchanged lesson is never compiled again. */
export function databaseCompileCache(db: Db): CompileCache {
  return {
    async get(hashes) {
      const rows = await db.compiledMdx.findMany({ where: { hash: { in: hashes } } })
      return new Map(rows.map((r) => [r.hash, { code: r.code, analysis: JSON.parse(r.analysis) }]))
    },
  }
}

/**
 * Check and publish every course in the folder. A valid course whose content changed becomes
 * a new version in one transaction; a course with any problem is not touched.
 */
export async function importCourses(
  root = COURSES_FOLDER,
  db: Db = prisma,
): Promise<CourseImportResult> {
  const framework = await readFramework(path.join(root, 'dossiers'))
  const { courses, problems } = await checkCourses(root, framework, databaseCompileCache(db))
  const result: CourseImportResult = { courses: [], rejected: [], problems }
  const browserCourses = new Set(
    (
      await db.course.findMany({
        where: { id: { in: courses.map((c) => c.source.meta.id) }, source: 'browser' },
        select: { id: true },
      })
    ).map((c) => c.id),
  )
  for (const course of courses) {
    if (browserCourses.has(course.source.meta.id)) {
      // A folder must never overwrite a course trainers maintain in the browser.
      const problem = {
        file: course.source.file,
        line: 1,
        col: 1,
        message: `course id "${course.source.meta.id}" belongs to a course authored in the browser; rename this folder's id`,
      }
      course.problems.push(problem)
      result.problems.push(problem)
    }
    if (course.problems.length > 0) {
      result.rejected.push({ id: course.source.meta.id, dir: course.source.dir })
      continue
    }
    result.courses.push(await publishWithRetry(course, db))
  }
  return result
}

async function publishWithRetry(course: CheckedCourse, db: Db) {
  try {
    return await publishCourse(course, db)
  } catch (error) {
    // Another instance published the same version at the same moment.
    if (isUniqueViolation(error)) return publishCourse(course, db)
    throw error
  }
}

/** Who publishes a version from the browser, and why when it is not a plain edit. */
export type BrowserPublication = { publishedById: string; note?: string }

/** A lesson file's place inside its course (`01-module/01-lesson.mdx`), wherever it was read. */
const placeInCourse = (course: CheckedCourse, file: string) =>
  path.relative(course.source.dir, file).split(path.sep).join('/')

export function courseContentHash(course: CheckedCourse): string {
  const hash = createHash('sha256').update(JSON.stringify(course.source.meta))
  for (const module of course.source.modules) {
    hash.update(JSON.stringify(module.meta))
    for (const lesson of module.lessons) {
      const checked = course.lessons.get(lesson.meta.id)
      hash
        .update(placeInCourse(course, lesson.file))
        .update(checked?.nl.hash ?? '')
        .update(checked?.enCompiled?.hash ?? '')
    }
  }
  return hash.digest('hex')
}

/**
 * Write a checked course as its next version and make it current, in one transaction;
 * nothing when its content equals the current version. `db` may be a transaction already.
 */
export async function publishCourse(
  course: CheckedCourse,
  db: Db,
  publication?: BrowserPublication,
) {
  const { meta } = course.source
  const contentHash = courseContentHash(course)
  const current = await db.course.findUnique({
    where: { id: meta.id },
    select: { currentVersion: { select: { version: true, contentHash: true } } },
  })
  if (current?.currentVersion?.contentHash === contentHash) {
    return { id: meta.id, version: current.currentVersion.version, status: 'unchanged' as const }
  }
  return db.$transaction(
    async (tx) => {
      await tx.course.upsert({ where: { id: meta.id }, create: { id: meta.id }, update: {} })
      const latest = await tx.courseVersion.findFirst({
        where: { courseId: meta.id },
        orderBy: { version: 'desc' },
        select: { version: true },
      })
      const version = (latest?.version ?? 0) + 1
      const courseVersion = await tx.courseVersion.create({
        data: {
          courseId: meta.id,
          version,
          contentHash,
          dossierSlug: meta.dossier,
          titleNl: meta.title.nl,
          titleEn: meta.title.en,
          summaryNl: meta.summary.nl,
          summaryEn: meta.summary.en,
          audienceNl: meta.audience.nl,
          audienceEn: meta.audience.en,
          languages: toJsonList(meta.languages),
          selfEnrol: meta.selfEnrol,
          publishedById: publication?.publishedById ?? null,
          note: publication?.note ?? null,
        },
        select: { id: true },
      })
      let position = 0
      for (const [m, module] of course.source.modules.entries()) {
        for (const source of module.lessons) {
          const lesson = course.lessons.get(source.meta.id)!
          for (const compiled of [lesson.nl, lesson.enCompiled]) {
            if (!compiled) continue
            const known = await tx.compiledMdx.findUnique({
              where: { hash: compiled.hash },
              select: { hash: true },
            })
            if (!known) {
              await tx.compiledMdx.create({
                data: {
                  hash: compiled.hash,
                  code: compiled.code,
                  analysis: JSON.stringify(compiled.analysis),
                },
              })
            }
          }
          await tx.lesson.create({
            data: {
              courseVersionId: courseVersion.id,
              lessonKey: source.meta.id,
              moduleKey: module.meta.id,
              moduleTitleNl: module.meta.title.nl,
              moduleTitleEn: module.meta.title.en,
              modulePosition: m,
              position: position++,
              type: source.meta.type,
              duration: source.meta.duration,
              titleNl: source.meta.title,
              titleEn: source.en?.title ?? null,
              competencies: toJsonList(source.meta.competencies),
              codeNlHash: lesson.nl.hash,
              codeEnHash: lesson.enCompiled?.hash ?? null,
              quizKey: quizKeyOf(lesson.nl.analysis.quiz, lesson.enCompiled?.analysis.quiz ?? null),
              sourceFile: `${meta.id}/${placeInCourse(course, source.file)}`,
              bodyNl: lessonBody(source.source),
              bodyEn: source.en ? lessonBody(source.en.source) : null,
              workProcesses: {
                create: source.meta.workProcesses.map((workProcessCode) => ({ workProcessCode })),
              },
            },
          })
        }
      }
      const published = await tx.course.update({
        where: { id: meta.id },
        data: { currentVersionId: courseVersion.id },
        select: { organisationId: true },
      })
      if (publication) {
        await audit(tx, {
          actorId: publication.publishedById,
          organisationId: published.organisationId,
          action: 'course.published',
          subjectType: 'course',
          subjectId: meta.id,
          detail: { version, ...(publication.note ? { note: publication.note } : {}) },
        })
      }
      return { id: meta.id, version, status: 'created' as const }
    },
    { timeout: 60_000 },
  )
}

/** A compile's answer key (per language) as the grader reads it. */
export function storedQuizKey(nl: QuizKey, en: QuizKey | null): StoredQuizKey {
  return {
    passMark: nl.passMark,
    revealAfter: nl.revealAfter,
    questions: nl.questions.map((q, i) => ({
      type: q.type,
      options: q.options,
      correct: q.correct,
      feedback: { nl: q.feedback, en: en?.questions[i]?.feedback ?? null },
    })),
  }
}

function quizKeyOf(nl: QuizKey | null, en: QuizKey | null): string | null {
  return nl ? JSON.stringify(storedQuizKey(nl, en)) : null
}
