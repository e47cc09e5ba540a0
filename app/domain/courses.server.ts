import { prisma } from '#app/db.server.ts'
import { parseJsonList } from '#app/utils/json-list.ts'
import { courseLanguages } from './course-languages.ts'
import {
  visibleCourses,
  visibleCoursesSql,
  type VisibleOrganisations,
} from './course-visibility.server.ts'
import { immutableCache } from './immutable-cache.server.ts'

/** What a course card shows of a version: its dossier, titles, summaries and languages. */
const versionCard = {
  version: true,
  dossierSlug: true,
  titleNl: true,
  titleEn: true,
  summaryNl: true,
  summaryEn: true,
  languages: true,
} as const

/** The published (current) version of every course the viewer may see, with its work processes. */
export async function listPublishedCourses(organisationIds: VisibleOrganisations) {
  const courses = await prisma.course.findMany({
    where: { currentVersionId: { not: null }, ...visibleCourses(organisationIds) },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      currentVersion: {
        select: {
          ...versionCard,
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
            languages: courseLanguages(v.languages),
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

const versionCache = immutableCache<Awaited<ReturnType<typeof loadVersion>>>(200)
const compiledCache = immutableCache<Awaited<ReturnType<typeof loadCompiled>>>(500)

/** A published version with its lessons; versions never change, so it is cached by id. */
async function loadVersion(versionId: string) {
  const version = await prisma.courseVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      courseId: true,
      ...versionCard,
      audienceNl: true,
      audienceEn: true,
      selfEnrol: true,
      publishedAt: true,
      lessons: {
        orderBy: { position: 'asc' },
        select: {
          ...lessonSummary,
          codeNlHash: true,
          codeEnHash: true,
          quizKey: true,
          competencies: true,
        },
      },
    },
  })
  return (
    version && {
      ...version,
      languages: courseLanguages(version.languages),
      lessons: version.lessons.map((l) => ({ ...l, competencies: parseJsonList(l.competencies) })),
    }
  )
}

/**
 * The published version of a course, lessons with their answer keys (server use only). The
 * one query per request says which version is current and, in the same breath, whether the
 * viewer may see the course: versions are cached, visibility never is.
 */
async function publishedVersion(courseId: string, organisationIds: VisibleOrganisations) {
  // Raw SQL: a lesson page asks this on every view, and one Prisma query costs several times
  // a small statement's time in query compilation alone (issue 23).
  const [course] = await prisma.$queryRaw<Array<{ currentVersionId: string | null }>>`
    SELECT "currentVersionId" FROM "Course"
    WHERE "id" = ${courseId} AND ${visibleCoursesSql(organisationIds)}`
  if (!course?.currentVersionId) return null
  const versionId = course.currentVersionId
  const version = await versionCache(versionId, () => loadVersion(versionId))
  if (!version) return null
  const { id: _id, courseId: id, ...rest } = version
  return { id, versionId, ...rest }
}

/** The published version of a course for pages: no answer keys, no code references. */
export async function getPublishedCourse(courseId: string, organisationIds: VisibleOrganisations) {
  const course = await publishedVersion(courseId, organisationIds)
  if (!course) return null
  return {
    ...course,
    lessons: course.lessons.map(
      ({ quizKey: _k, codeNlHash: _n, codeEnHash: _e, competencies: _c, ...lesson }) => lesson,
    ),
  }
}

/** A lesson of a course's published version, with what the page needs to render it. */
export async function getPublishedLesson(
  courseId: string,
  lessonKey: string,
  organisationIds: VisibleOrganisations,
) {
  const course = await publishedVersion(courseId, organisationIds)
  if (!course) return null
  const index = course.lessons.findIndex((l) => l.lessonKey === lessonKey)
  if (index < 0) return null
  return {
    course,
    lesson: course.lessons[index]!,
    previous: course.lessons[index - 1] ?? null,
    next: course.lessons[index + 1] ?? null,
  }
}

/** What the progress engine needs of a loaded lesson, without looking it up again. */
export function lessonRef(found: NonNullable<Awaited<ReturnType<typeof getPublishedLesson>>>) {
  return {
    lessonKey: found.lesson.lessonKey,
    courseId: found.course.id,
    dossierSlug: found.course.dossierSlug,
    workProcessCodes: found.lesson.workProcesses.map((w) => w.workProcessCode),
  }
}

async function loadCompiled(hash: string) {
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

/** A compiled lesson by content hash (immutable, so cached). */
export function getCompiledLesson(hash: string) {
  return compiledCache(hash, () => loadCompiled(hash))
}

/** The course whose published version has this lesson, for `lesson:` links. */
export async function findCourseOfLesson(lessonKey: string, organisationIds: VisibleOrganisations) {
  const lesson = await prisma.lesson.findFirst({
    where: {
      lessonKey,
      courseVersion: { currentOf: { isNot: null, is: visibleCourses(organisationIds) } },
    },
    select: { courseVersion: { select: { courseId: true } } },
  })
  return lesson?.courseVersion.courseId ?? null
}
