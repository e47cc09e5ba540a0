import { prisma } from '#app/db.server.ts'
import { visibleCourses, type VisibleOrganisations } from './course-visibility.server.ts'

export type CoverageRow = {
  code: string
  titleNl: string
  titleEn: string
  coreTask: string
  counts: { lesson: number; quiz: number; scenario: number; assignment: number }
  /** Assessment criteria the organisation assesses it by (its own edit, else the indicators). */
  criteria: number
  criteriaEdited: boolean
  lessons: Array<{ courseId: string; lessonKey: string; titleNl: string; type: string }>
}

/**
 * Per work process of a dossier's current version: how many published lessons, quizzes,
 * scenarios and assignments train it (counting only courses these organisations may see),
 * and the assessment criteria of `criteriaOf`. Three queries, whatever the catalogue's size.
 */
export async function coverageOf(
  dossierSlug: string,
  organisations: VisibleOrganisations = [],
  criteriaOf: string | null = null,
) {
  const dossier = await prisma.dossier.findFirst({
    where: { slug: dossierSlug },
    orderBy: { version: 'desc' },
    select: {
      slug: true,
      qualificationNl: true,
      qualificationEn: true,
      workProcesses: {
        orderBy: [{ coreTask: { position: 'asc' } }, { position: 'asc' }],
        select: {
          code: true,
          titleNl: true,
          titleEn: true,
          coreTask: { select: { code: true } },
          _count: { select: { indicators: true } },
        },
      },
    },
  })
  if (!dossier) return null
  const links = await prisma.lessonWorkProcess.findMany({
    where: {
      workProcessCode: { in: dossier.workProcesses.map((w) => w.code) },
      lesson: {
        courseVersion: {
          dossierSlug,
          currentOf: { isNot: null },
          course: visibleCourses(organisations),
        },
      },
    },
    select: {
      workProcessCode: true,
      lesson: {
        select: {
          lessonKey: true,
          titleNl: true,
          type: true,
          courseVersion: { select: { courseId: true } },
        },
      },
    },
  })
  const edited = new Map<string, number>()
  if (criteriaOf) {
    const versions = await prisma.assessmentCriteria.findMany({
      where: { organisationId: criteriaOf, dossierSlug },
      orderBy: { version: 'desc' },
      select: { workProcessCode: true, criteria: true },
    })
    for (const v of versions) {
      if (!edited.has(v.workProcessCode)) {
        edited.set(v.workProcessCode, (JSON.parse(v.criteria) as unknown[]).length)
      }
    }
  }
  const rows: CoverageRow[] = dossier.workProcesses.map((wp) => {
    const lessons = links
      .filter((l) => l.workProcessCode === wp.code)
      .map((l) => ({
        courseId: l.lesson.courseVersion.courseId,
        lessonKey: l.lesson.lessonKey,
        titleNl: l.lesson.titleNl,
        type: l.lesson.type,
      }))
    const counts = { lesson: 0, quiz: 0, scenario: 0, assignment: 0 }
    for (const l of lessons) counts[l.type as keyof typeof counts]++
    return {
      code: wp.code,
      titleNl: wp.titleNl,
      titleEn: wp.titleEn,
      coreTask: wp.coreTask.code,
      counts,
      criteria: edited.get(wp.code) ?? wp._count.indicators,
      criteriaEdited: edited.has(wp.code),
      lessons,
    }
  })
  return { dossier, rows }
}

/** A gap: a work process without a lesson or without a quiz. */
export function isGap(row: CoverageRow) {
  return row.counts.lesson === 0 || row.counts.quiz === 0
}
