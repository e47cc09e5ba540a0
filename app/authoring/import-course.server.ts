import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { prisma } from '#app/db.server.ts'
import { formatProblem, type ContentProblem } from '#app/content/content-error.ts'
import { listCourseDirs } from '#app/content/course-files.server.ts'
import { COURSES_FOLDER } from '#app/domain/course-import.server.ts'
import { readSnapshot, unzipCourse } from './course-files-export.server.ts'
import type { CourseSnapshot } from './course-snapshot.ts'
import { replaceDraft } from './drafts.server.ts'
import { judgeBody } from './lesson-preview.server.ts'

/**
 * Bringing a `courses/` course into the browser editor, from a zip or from the repository.
 * It becomes a new browser course; when its ids are in use (a copy of a course that exists),
 * it needs a new course id and every module and lesson gets a new key under it, so the copy's
 * progress never mixes with the original's.
 */
export type ImportOutcome =
  { ok: true; courseId: string } | { ok: false; field: 'file' | 'id' | 'source'; message: string }

export async function importZip(
  bytes: Uint8Array,
  input: { organisationId: string | null; newId?: string },
  userId: string,
): Promise<ImportOutcome> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'course-import-'))
  try {
    const unzipped = await unzipCourse(bytes, dir)
    if (!unzipped.ok) return { ok: false, field: 'file', message: unzipped.message }
    return await importFolder(unzipped.courseDir, input, userId, dir)
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

/** The repository's courses, to copy one into the editor. */
export async function repositoryCourses() {
  return (await listCourseDirs(COURSES_FOLDER)).map((dir) => path.basename(dir))
}

export async function importRepositoryCourse(
  folder: string,
  input: { organisationId: string | null; newId?: string },
  userId: string,
): Promise<ImportOutcome> {
  if (!(await repositoryCourses()).includes(folder)) {
    return { ok: false, field: 'source', message: 'unknown course folder' }
  }
  return importFolder(path.join(COURSES_FOLDER, folder), input, userId, COURSES_FOLDER)
}

async function importFolder(
  dir: string,
  input: { organisationId: string | null; newId?: string },
  userId: string,
  root: string,
): Promise<ImportOutcome> {
  const { snapshot, problems } = await readSnapshot(dir)
  if (!snapshot || problems.length > 0) {
    return { ok: false, field: 'file', message: describe(problems, root) }
  }
  const unjudgeable = await overLimit(snapshot)
  if (unjudgeable) return { ok: false, field: 'file', message: unjudgeable }
  const copy = input.newId ? rekey(snapshot, input.newId) : snapshot
  const taken = await takenIds(copy)
  if (taken) return { ok: false, field: 'id', message: taken }
  await prisma.$transaction(async (tx) => {
    await tx.course.create({
      data: { id: copy.id, source: 'browser', organisationId: input.organisationId },
    })
    await replaceDraft(tx, copy, userId)
  })
  return { ok: true, courseId: copy.id }
}

/**
 * The first lesson text too large, deep or slow to judge, judged as the editor will: such a
 * text is not imported, as it would become a draft that cannot be opened or published.
 * Other problems are imported, to be fixed in the editor before publishing.
 */
async function overLimit(snapshot: CourseSnapshot): Promise<string | null> {
  for (const lesson of snapshot.modules.flatMap((m) => m.lessons)) {
    for (const [language, body] of [
      ['nl', lesson.bodyNl],
      ['en', lesson.bodyEn],
    ] as const) {
      if (body === null) continue
      const judged = await judgeBody(body)
      const first = !judged.ok && judged.overLimit ? judged.problems[0] : undefined
      if (first) return `lesson ${lesson.key} (${language}), line ${first.line}: ${first.message}`
    }
  }
  return null
}

/** Problems with paths inside the course, not the temporary folder they were read from. */
function describe(problems: ContentProblem[], root: string) {
  if (problems.length === 0) return 'not a course folder'
  return problems
    .slice(0, 5)
    .map((p) => formatProblem({ ...p, file: path.relative(root, path.resolve(p.file)) }))
    .join('\n')
}

async function takenIds(snapshot: CourseSnapshot): Promise<string | null> {
  if ((await prisma.course.count({ where: { id: snapshot.id } })) > 0) {
    return `course id "${snapshot.id}" is in use; give the copy a new course id`
  }
  const keys = snapshot.modules.flatMap((m) => m.lessons.map((l) => l.key))
  const [published, drafts] = await Promise.all([
    prisma.lesson.findFirst({ where: { lessonKey: { in: keys } }, select: { lessonKey: true } }),
    prisma.draftLesson.findFirst({
      where: { lessonKey: { in: keys } },
      select: { lessonKey: true },
    }),
  ])
  const used = published?.lessonKey ?? drafts?.lessonKey
  return used ? `lesson id "${used}" is in use; give the copy a new course id` : null
}

/** A copy under a new course id: new module and lesson keys, its own links rewritten. */
function rekey(snapshot: CourseSnapshot, newId: string): CourseSnapshot {
  const lessonKeys = new Map(
    snapshot.modules.flatMap((m) => m.lessons.map((l) => [l.key, `${newId}-${l.key}`] as const)),
  )
  const relink = (body: string) =>
    body.replace(/lesson:([a-z0-9-]+)/g, (link, key: string) =>
      lessonKeys.has(key) ? `lesson:${lessonKeys.get(key)}` : link,
    )
  return {
    ...snapshot,
    id: newId,
    modules: snapshot.modules.map((m) => ({
      ...m,
      key: `${newId}-${m.key}`,
      lessons: m.lessons.map((l) => ({
        ...l,
        key: lessonKeys.get(l.key)!,
        bodyNl: relink(l.bodyNl),
        bodyEn: l.bodyEn === null ? null : relink(l.bodyEn),
      })),
    })),
  }
}
