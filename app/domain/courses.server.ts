import { prisma } from '#app/db.server.ts'

/** The published (current) version of every course, with its lessons' work processes. */
export async function listPublishedCourses() {
  const courses = await prisma.course.findMany({
    where: { currentVersionId: { not: null } },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      currentVersion: {
        select: {
          version: true,
          dossierSlug: true,
          titleNl: true,
          titleEn: true,
          summaryNl: true,
          summaryEn: true,
          languages: true,
          lessons: {
            select: { duration: true, workProcesses: { select: { workProcessCode: true } } },
          },
        },
      },
    },
  })
  return courses.flatMap(({ id, currentVersion: v }) =>
    v
      ? [
          {
            id,
            ...v,
            lessonCount: v.lessons.length,
            minutes: v.lessons.reduce((n, l) => n + l.duration, 0),
            workProcessCodes: [
              ...new Set(v.lessons.flatMap((l) => l.workProcesses.map((w) => w.workProcessCode))),
            ],
          },
        ]
      : [],
  )
}

const lessonSummary = {
  lessonKey: true,
  moduleKey: true,
  moduleTitleNl: true,
  moduleTitleEn: true,
  position: true,
  type: true,
  duration: true,
  titleNl: true,
  titleEn: true,
  workProcesses: { select: { workProcessCode: true } },
} as const

export async function getPublishedCourse(courseId: string) {
  const course = await prisma.course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      currentVersion: {
        select: {
          id: true,
          version: true,
          dossierSlug: true,
          titleNl: true,
          titleEn: true,
          summaryNl: true,
          summaryEn: true,
          audienceNl: true,
          audienceEn: true,
          languages: true,
          selfEnrol: true,
          publishedAt: true,
          lessons: { orderBy: { position: 'asc' }, select: lessonSummary },
        },
      },
    },
  })
  if (!course?.currentVersion) return null
  const { id: versionId, ...version } = course.currentVersion
  return { id: course.id, versionId, ...version }
}

/** A lesson of a course's published version, with what the page needs to render it. */
export async function getPublishedLesson(courseId: string, lessonKey: string) {
  const course = await getPublishedCourse(courseId)
  if (!course) return null
  const index = course.lessons.findIndex((l) => l.lessonKey === lessonKey)
  if (index < 0) return null
  const lesson = await prisma.lesson.findUniqueOrThrow({
    where: { courseVersionId_lessonKey: { courseVersionId: course.versionId, lessonKey } },
    select: { id: true, codeNlHash: true, codeEnHash: true, quizKey: true, competencies: true },
  })
  return {
    course,
    lesson: { ...course.lessons[index]!, ...lesson },
    previous: course.lessons[index - 1] ?? null,
    next: course.lessons[index + 1] ?? null,
  }
}

export async function getCompiledLesson(hash: string) {
  const row = await prisma.compiledMdx.findUnique({
    where: { hash },
    select: { code: true, analysis: true },
  })
  if (!row) return null
  const analysis = JSON.parse(row.analysis) as { signature: string[] }
  // The scenario's endings, from the compile's record of its structure.
  const endings = analysis.signature
    .filter((s) => s.startsWith('Ending#'))
    .map((s) => s.slice('Ending#'.length))
  return { code: row.code, endings }
}

/** The course whose published version has this lesson, for `lesson:` links. */
export async function findCourseOfLesson(lessonKey: string) {
  const lesson = await prisma.lesson.findFirst({
    where: { lessonKey, courseVersion: { currentOf: { isNot: null } } },
    select: { courseVersion: { select: { courseId: true } } },
  })
  return lesson?.courseVersion.courseId ?? null
}
