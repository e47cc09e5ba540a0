import { prisma, type Tx } from '#app/db.server.ts'
import { courseLanguages } from '#app/domain/course-languages.ts'
import { parseJsonList, toJsonList } from '#app/utils/json-list.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import type { LessonType } from '#app/content/lesson-kit-spec.ts'
import { normaliseBody } from './course-files-export.server.ts'
import {
  COURSE_COLUMNS,
  snapshotCourse,
  type CourseSnapshot,
  type SnapshotLesson,
} from './course-snapshot.ts'

/**
 * The working copy of a browser-authored course. Every change lands here, never in a
 * published version. Lessons carry a revision: a save names the revision it was based on, and
 * one based on an older revision is refused as a conflict instead of overwriting a colleague.
 */

/** A course's own fields (course.yaml): the snapshot without its id and modules. */
export type CourseFields = Omit<CourseSnapshot, 'id' | 'modules'>

/** A lesson's editable fields: everything but its key, which never changes. */
export type LessonFields = Omit<SnapshotLesson, 'key'>

/** Someone saved the lesson since this editor loaded it: theirs is returned, nothing is saved. */
export class LessonConflict extends Error {
  constructor(
    readonly current: {
      revision: number
      updatedAt: Date
      updatedBy: string | null
      bodyNl: string
      bodyEn: string | null
      titleNl: string
    },
  ) {
    super('lesson changed since it was loaded')
  }
}

const courseColumns = (fields: CourseFields) => ({
  dossierSlug: fields.dossierSlug,
  titleNl: fields.title.nl,
  titleEn: fields.title.en,
  summaryNl: fields.summary.nl,
  summaryEn: fields.summary.en,
  audienceNl: fields.audience.nl,
  audienceEn: fields.audience.en,
  languages: toJsonList(fields.languages),
  selfEnrol: fields.selfEnrol,
})

// Stored the way the export writes them, so a draft and the version made from it compare equal.
const lessonColumns = (fields: LessonFields) => ({
  type: fields.type,
  duration: fields.duration,
  titleNl: fields.titleNl,
  titleEn: fields.titleEn,
  workProcesses: toJsonList([...new Set(fields.workProcesses)].sort()),
  competencies: toJsonList([...new Set(fields.competencies)].sort()),
  bodyNl: normaliseBody(fields.bodyNl),
  bodyEn: fields.bodyEn === null ? null : normaliseBody(fields.bodyEn),
})

/** Lowercase words joined by "-", the id format of courses, modules and lessons. */
export function slugify(text: string, max = 48): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, max)
      .replace(/^-+|-+$/g, '') || 'les'
  )
}

/** Is a course id free: not a course in the database, draft or published, from git or not. */
export async function courseIdTaken(id: string, db: Tx | typeof prisma = prisma) {
  return (await db.course.count({ where: { id } })) > 0
}

/** A lesson id no lesson uses yet, published or draft, in any course: progress hangs on it. */
async function freeLessonKey(tx: Tx, courseId: string, title: string) {
  const base = `${courseId}-${slugify(title, 40)}`
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`
    const [published, draft] = await Promise.all([
      tx.lesson.count({ where: { lessonKey: key } }),
      tx.draftLesson.count({ where: { lessonKey: key } }),
    ])
    if (published === 0 && draft === 0) return key
  }
}

/** Create a course with its draft and a first module; false when the id is (just) taken. */
export async function createBrowserCourse(
  input: { id: string; organisationId: string | null; fields: CourseFields; firstModule: string },
  userId: string,
): Promise<boolean> {
  if (await courseIdTaken(input.id)) return false
  try {
    await insertCourse(input, userId)
    return true
  } catch (error) {
    if (isUniqueViolation(error)) return false
    throw error
  }
}

function insertCourse(
  input: { id: string; organisationId: string | null; fields: CourseFields; firstModule: string },
  userId: string,
) {
  return prisma.$transaction(async (tx) => {
    await tx.course.create({
      data: { id: input.id, source: 'browser', organisationId: input.organisationId },
    })
    await tx.courseDraft.create({
      data: { courseId: input.id, ...courseColumns(input.fields), updatedById: userId },
    })
    await tx.draftModule.create({
      data: {
        courseId: input.id,
        moduleKey: `${input.id}-m1`,
        titleNl: input.firstModule,
        // A Dutch-only course has no English text anywhere, module titles included.
        titleEn: input.fields.languages.includes('en') ? input.firstModule : '',
        position: 0,
      },
    })
  })
}

/** Save the course's fields unless someone saved them since `basedOn`; false if they did. */
export async function updateCourseFields(
  courseId: string,
  basedOn: number,
  fields: CourseFields,
  userId: string,
) {
  const { count } = await prisma.courseDraft.updateMany({
    where: { courseId, revision: basedOn },
    data: { ...courseColumns(fields), revision: { increment: 1 }, updatedById: userId },
  })
  return count === 1
}

/** A draft lesson as the course outline lists it; the lesson editor asks this and more. */
const draftLessonSummary = {
  id: true,
  lessonKey: true,
  type: true,
  duration: true,
  titleNl: true,
  workProcesses: true,
  updatedAt: true,
} as const

/** The draft with its modules and lessons in order, for the editor. */
export async function getDraft(courseId: string) {
  const draft = await prisma.courseDraft.findUnique({
    where: { courseId },
    select: {
      courseId: true,
      ...COURSE_COLUMNS,
      revision: true,
      updatedAt: true,
      course: {
        select: {
          organisationId: true,
          currentVersion: { select: { version: true, publishedAt: true } },
        },
      },
      modules: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          moduleKey: true,
          titleNl: true,
          titleEn: true,
          lessons: {
            orderBy: { position: 'asc' },
            select: draftLessonSummary,
          },
        },
      },
    },
  })
  return (
    draft && {
      ...draft,
      languages: courseLanguages(draft.languages),
      modules: draft.modules.map((m) => ({
        ...m,
        lessons: m.lessons.map((l) => ({ ...l, workProcesses: parseJsonList(l.workProcesses) })),
      })),
    }
  )
}

export async function getDraftLesson(courseId: string, lessonId: string) {
  const lesson = await prisma.draftLesson.findFirst({
    where: { id: lessonId, courseId },
    select: {
      ...draftLessonSummary,
      titleEn: true,
      competencies: true,
      bodyNl: true,
      bodyEn: true,
      revision: true,
      updatedById: true,
      module: { select: { titleNl: true } },
    },
  })
  return (
    lesson && {
      ...lesson,
      workProcesses: parseJsonList(lesson.workProcesses),
      competencies: parseJsonList(lesson.competencies),
    }
  )
}

/** What the lesson editor needs of its course: dossier, languages and title. */
export function getDraftSummary(courseId: string) {
  return prisma.courseDraft.findUnique({
    where: { courseId },
    select: { dossierSlug: true, languages: true, titleNl: true },
  })
}

export async function addModule(courseId: string, title: { nl: string; en: string }) {
  return prisma.$transaction(async (tx) => {
    const modules = await tx.draftModule.findMany({
      where: { courseId },
      select: { moduleKey: true, position: true },
    })
    const taken = new Set(modules.map((m) => m.moduleKey))
    let n = modules.length + 1
    while (taken.has(`${courseId}-m${n}`)) n++
    return tx.draftModule.create({
      data: {
        courseId,
        moduleKey: `${courseId}-m${n}`,
        titleNl: title.nl,
        titleEn: title.en,
        position: Math.max(-1, ...modules.map((m) => m.position)) + 1,
      },
      select: { id: true },
    })
  })
}

export async function renameModule(
  courseId: string,
  moduleId: string,
  title: { nl: string; en: string },
) {
  const { count } = await prisma.draftModule.updateMany({
    where: { id: moduleId, courseId },
    data: { titleNl: title.nl, titleEn: title.en },
  })
  return count === 1
}

/** A module goes only when it is empty: deleting lessons is a decision per lesson. */
export async function deleteModule(courseId: string, moduleId: string) {
  return prisma.$transaction(async (tx) => {
    const lessons = await tx.draftLesson.count({ where: { moduleId, courseId } })
    if (lessons > 0) return 'not_empty' as const
    await tx.draftModule.deleteMany({ where: { id: moduleId, courseId } })
    await renumberModules(tx, courseId)
    return 'deleted' as const
  })
}

export async function addLesson(
  courseId: string,
  moduleId: string,
  fields: LessonFields,
  userId: string,
): Promise<{ id: string; lessonKey: string } | null> {
  try {
    return await insertLesson(courseId, moduleId, fields, userId)
  } catch (error) {
    // A colleague took the same key a moment ago: the next free one is found on retry.
    if (!isUniqueViolation(error)) throw error
    return insertLesson(courseId, moduleId, fields, userId)
  }
}

function insertLesson(courseId: string, moduleId: string, fields: LessonFields, userId: string) {
  return prisma.$transaction(async (tx) => {
    const module = await tx.draftModule.findFirst({
      where: { id: moduleId, courseId },
      select: { id: true, lessons: { select: { position: true } } },
    })
    if (!module) return null
    const lessonKey = await freeLessonKey(tx, courseId, fields.titleNl)
    return tx.draftLesson.create({
      data: {
        courseId,
        moduleId,
        lessonKey,
        position: Math.max(-1, ...module.lessons.map((l) => l.position)) + 1,
        ...lessonColumns(fields),
        updatedById: userId,
      },
      select: { id: true, lessonKey: true },
    })
  })
}

/**
 * Save a lesson if nobody saved it since `basedOn`; otherwise throw LessonConflict with
 * what is stored now. The check and the write are one conditional update.
 */
export async function saveLesson(
  courseId: string,
  lessonId: string,
  basedOn: number,
  fields: LessonFields,
  userId: string,
) {
  const { count } = await prisma.draftLesson.updateMany({
    where: { id: lessonId, courseId, revision: basedOn },
    data: { ...lessonColumns(fields), revision: { increment: 1 }, updatedById: userId },
  })
  if (count === 1) return
  const current = await prisma.draftLesson.findFirst({
    where: { id: lessonId, courseId },
    select: {
      revision: true,
      updatedAt: true,
      updatedById: true,
      bodyNl: true,
      bodyEn: true,
      titleNl: true,
    },
  })
  if (!current) throw new Response('Not found', { status: 404 })
  const by = current.updatedById
    ? await prisma.user.findUnique({ where: { id: current.updatedById }, select: { name: true } })
    : null
  throw new LessonConflict({ ...current, updatedBy: by?.name ?? null })
}

export async function deleteLesson(courseId: string, lessonId: string) {
  await prisma.$transaction(async (tx) => {
    const lesson = await tx.draftLesson.findFirst({
      where: { id: lessonId, courseId },
      select: { moduleId: true },
    })
    if (!lesson) return
    await tx.draftLesson.delete({ where: { id: lessonId } })
    await renumberLessons(tx, lesson.moduleId)
  })
}

/**
 * Move a lesson one place up or down; past the edge of its module it moves to the end of the
 * previous (or the start of the next) module.
 */
export async function moveLesson(courseId: string, lessonId: string, direction: 'up' | 'down') {
  await prisma.$transaction(async (tx) => {
    const modules = await tx.draftModule.findMany({
      where: { courseId },
      orderBy: { position: 'asc' },
      select: { id: true, lessons: { orderBy: { position: 'asc' }, select: { id: true } } },
    })
    const m = modules.findIndex((x) => x.lessons.some((l) => l.id === lessonId))
    if (m < 0) return
    const order = modules[m]!.lessons.map((l) => l.id)
    const i = order.indexOf(lessonId)
    const j = direction === 'up' ? i - 1 : i + 1
    if (j >= 0 && j < order.length) {
      ;[order[i], order[j]] = [order[j]!, order[i]!]
      await writeLessonOrder(tx, modules[m]!.id, order)
      return
    }
    const target = modules[direction === 'up' ? m - 1 : m + 1]
    if (!target) return
    const targetOrder = target.lessons.map((l) => l.id)
    if (direction === 'up') targetOrder.push(lessonId)
    else targetOrder.unshift(lessonId)
    await writeLessonOrder(tx, target.id, targetOrder)
    await renumberLessons(tx, modules[m]!.id)
  })
}

export async function moveModule(courseId: string, moduleId: string, direction: 'up' | 'down') {
  await prisma.$transaction(async (tx) => {
    const order = (
      await tx.draftModule.findMany({
        where: { courseId },
        orderBy: { position: 'asc' },
        select: { id: true },
      })
    ).map((m) => m.id)
    const i = order.indexOf(moduleId)
    const j = direction === 'up' ? i - 1 : i + 1
    if (i < 0 || j < 0 || j >= order.length) return
    ;[order[i], order[j]] = [order[j]!, order[i]!]
    for (const [position, id] of order.entries()) {
      await tx.draftModule.update({ where: { id }, data: { position } })
    }
  })
}

async function writeLessonOrder(tx: Tx, moduleId: string, order: string[]) {
  for (const [position, id] of order.entries()) {
    await tx.draftLesson.update({ where: { id }, data: { moduleId, position } })
  }
}

async function renumberLessons(tx: Tx, moduleId: string) {
  const lessons = await tx.draftLesson.findMany({
    where: { moduleId },
    orderBy: { position: 'asc' },
    select: { id: true },
  })
  await writeLessonOrder(
    tx,
    moduleId,
    lessons.map((l) => l.id),
  )
}

async function renumberModules(tx: Tx, courseId: string) {
  const modules = await tx.draftModule.findMany({
    where: { courseId },
    orderBy: { position: 'asc' },
    select: { id: true },
  })
  for (const [position, { id }] of modules.entries()) {
    await tx.draftModule.update({ where: { id }, data: { position } })
  }
}

/** The draft as a snapshot: what publishing, export and diffs work from. */
export async function draftSnapshot(
  courseId: string,
  db: Tx | typeof prisma = prisma,
): Promise<CourseSnapshot | null> {
  const draft = await db.courseDraft.findUnique({
    where: { courseId },
    select: {
      ...COURSE_COLUMNS,
      modules: {
        orderBy: { position: 'asc' },
        select: {
          moduleKey: true,
          titleNl: true,
          titleEn: true,
          lessons: { orderBy: { position: 'asc' } },
        },
      },
    },
  })
  if (!draft) return null
  return {
    ...snapshotCourse(courseId, draft),
    // An empty module is a place to put lessons, not content: the first module every new
    // course gets must not block publishing while it is still empty. Publishing, the export
    // and the diff all leave it out alike; the editor still shows it.
    modules: draft.modules
      .filter((m) => m.lessons.length > 0)
      .map((m) => ({
        key: m.moduleKey,
        titleNl: m.titleNl,
        titleEn: m.titleEn,
        lessons: m.lessons.map((l): SnapshotLesson => ({
          key: l.lessonKey,
          type: l.type as LessonType,
          duration: l.duration,
          titleNl: l.titleNl,
          titleEn: l.titleEn,
          workProcesses: parseJsonList(l.workProcesses),
          competencies: parseJsonList(l.competencies),
          bodyNl: l.bodyNl,
          bodyEn: l.bodyEn,
        })),
      })),
  }
}

/**
 * Make the draft exactly a snapshot (an import or a rollback), in the caller's transaction.
 * Lessons keep their keys, so learners' progress on them stays theirs.
 */
export async function replaceDraft(tx: Tx, snapshot: CourseSnapshot, userId: string) {
  const courseId = snapshot.id
  const fields: CourseFields = {
    dossierSlug: snapshot.dossierSlug,
    title: snapshot.title,
    summary: snapshot.summary,
    audience: snapshot.audience,
    languages: snapshot.languages,
    selfEnrol: snapshot.selfEnrol,
  }
  await tx.courseDraft.upsert({
    where: { courseId },
    create: { courseId, ...courseColumns(fields), updatedById: userId },
    update: { ...courseColumns(fields), revision: { increment: 1 }, updatedById: userId },
  })
  await tx.draftModule.deleteMany({ where: { courseId } })
  for (const [position, module] of snapshot.modules.entries()) {
    await tx.draftModule.create({
      data: {
        courseId,
        moduleKey: module.key,
        titleNl: module.titleNl,
        titleEn: module.titleEn,
        position,
        lessons: {
          create: module.lessons.map((lesson, i) => ({
            courseId,
            lessonKey: lesson.key,
            position: i,
            ...lessonColumns(lesson),
            updatedById: userId,
          })),
        },
      },
    })
  }
}
