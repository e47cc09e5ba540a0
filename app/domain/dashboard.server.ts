import { prisma } from '#app/db.server.ts'
import { currentDossierOutlines } from './dossiers.server.ts'
import { coursesOfLearner } from './course-visibility.server.ts'
import { KNOWLEDGE_TYPES } from './progress-rules.ts'

/**
 * Everything the learner's dashboard shows, in a fixed number of queries however many
 * courses, lessons or events there are: the dossiers' structure, the learner's steps, the
 * published lessons per work process, the learner's completions, recent events, enrolments.
 * Lessons and courses are only those that count for the learner (not another organisation's).
 */
export async function learnerDashboard(userId: string) {
  const [current, statuses, links, completions, events, enrolments] = await Promise.all([
    currentDossierOutlines(),
    // The learner's own rows are plain lookups by an index: raw SQL spares each the query
    // compilation that costs more than the statement itself (docs/decisions/040).
    prisma.$queryRaw<Array<{ dossierSlug: string; workProcessCode: string; step: unknown }>>`
      SELECT "dossierSlug", "workProcessCode", "step" FROM "WorkProcessStatus"
      WHERE "userId" = ${userId}`,
    prisma.lessonWorkProcess.findMany({
      where: { lesson: { courseVersion: { currentOf: { is: coursesOfLearner(userId) } } } },
      orderBy: [
        { lesson: { courseVersion: { courseId: 'asc' } } },
        { lesson: { position: 'asc' } },
      ],
      select: {
        workProcessCode: true,
        lesson: {
          select: {
            lessonKey: true,
            type: true,
            titleNl: true,
            titleEn: true,
            courseVersion: { select: { courseId: true, dossierSlug: true } },
          },
        },
      },
    }),
    prisma.$queryRaw<Array<{ lessonKey: string }>>`
      SELECT "lessonKey" FROM "LessonCompletion" WHERE "userId" = ${userId}`,
    prisma.$queryRaw<RecentEvent[]>`
      SELECT "id", "verb", "objectId", "objectType", "courseId", "lessonKey", "resultScore",
        "timestamp"
      FROM "LearningEvent"
      WHERE "userId" = ${userId} AND "verb" IN ('completed', 'passed', 'failed', 'enrolled')
      ORDER BY "timestamp" DESC LIMIT 8`,
    prisma.$queryRaw<Array<{ courseId: string; dueAt: Date | null }>>`
      SELECT "courseId", "dueAt" FROM "Enrolment"
      WHERE "userId" = ${userId} ORDER BY "createdAt" DESC`,
  ])
  const [courseVersions, eventCourses] = await Promise.all([
    prisma.courseVersion.findMany({
      where: {
        courseId: { in: enrolments.map((e) => e.courseId) },
        currentOf: { is: coursesOfLearner(userId) },
      },
      select: {
        courseId: true,
        titleNl: true,
        titleEn: true,
        lessons: { orderBy: { position: 'asc' }, select: { lessonKey: true } },
      },
    }),
    // The courses and lessons the recent events are about, by title (not their ids).
    prisma.courseVersion.findMany({
      where: {
        courseId: { in: [...new Set(events.flatMap((e) => (e.courseId ? [e.courseId] : [])))] },
        currentOf: { isNot: null },
      },
      select: {
        courseId: true,
        titleNl: true,
        titleEn: true,
        lessons: {
          where: { lessonKey: { in: events.flatMap((e) => (e.lessonKey ? [e.lessonKey] : [])) } },
          select: { lessonKey: true, titleNl: true, titleEn: true },
        },
      },
    }),
  ])

  const done = new Set(completions.map((c) => c.lessonKey))
  const stepOf = new Map(
    statuses.map((s) => [`${s.dossierSlug}|${s.workProcessCode}`, Number(s.step)]),
  )
  const dossiers = current.map((d) => ({
    ...d,
    coreTasks: d.coreTasks.map((k) => ({
      ...k,
      workProcesses: k.workProcesses.map((wp) => {
        const linked = links.filter(
          (l) => l.workProcessCode === wp.code && l.lesson.courseVersion.dossierSlug === d.slug,
        )
        const knowledge = linked.filter((l) =>
          (KNOWLEDGE_TYPES as readonly string[]).includes(l.lesson.type),
        )
        const next = knowledge.find((l) => !done.has(l.lesson.lessonKey))?.lesson ?? null
        return {
          ...wp,
          step: stepOf.get(`${d.slug}|${wp.code}`) ?? 0,
          lessonsDone: knowledge.filter((l) => done.has(l.lesson.lessonKey)).length,
          lessonsTotal: knowledge.length,
          next: next && {
            courseId: next.courseVersion.courseId,
            lessonKey: next.lessonKey,
            titleNl: next.titleNl,
            titleEn: next.titleEn,
          },
        }
      }),
    })),
  }))

  return {
    dossiers,
    recent: events.map((e) => ({
      ...e,
      resultScore: e.resultScore === null ? null : Number(e.resultScore),
      ...eventTitle(e, eventCourses),
    })),
    courses: enrolments.flatMap((e) => {
      const v = courseVersions.find((c) => c.courseId === e.courseId)
      if (!v) return []
      const total = v.lessons.length
      const completed = v.lessons.filter((l) => done.has(l.lessonKey)).length
      const resume = v.lessons.find((l) => !done.has(l.lessonKey))?.lessonKey ?? null
      return [
        {
          courseId: e.courseId,
          titleNl: v.titleNl,
          titleEn: v.titleEn,
          total,
          completed,
          resume,
          dueAt: e.dueAt,
        },
      ]
    }),
  }
}

type Titled = { titleNl: string; titleEn: string | null }
type RecentEvent = {
  id: string
  verb: string
  objectId: string
  objectType: string
  courseId: string | null
  lessonKey: string | null
  resultScore: unknown
  timestamp: Date
}

/** "Lesson · Course" for a lesson's event, the course title for an enrolment. */
function eventTitle(
  event: { objectId: string; courseId: string | null; lessonKey: string | null },
  courses: Array<Titled & { courseId: string; lessons: Array<Titled & { lessonKey: string }> }>,
): { titleNl: string; titleEn: string } {
  const course = courses.find((c) => c.courseId === event.courseId)
  if (!course) return { titleNl: event.objectId, titleEn: event.objectId }
  const lesson = course.lessons.find((l) => l.lessonKey === event.lessonKey)
  const courseEn = course.titleEn ?? course.titleNl
  if (!lesson) return { titleNl: course.titleNl, titleEn: courseEn }
  return {
    titleNl: `${lesson.titleNl} · ${course.titleNl}`,
    titleEn: `${lesson.titleEn ?? lesson.titleNl} · ${courseEn}`,
  }
}
