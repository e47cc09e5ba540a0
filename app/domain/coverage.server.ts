import { prisma } from '#app/db.server.ts'

export type CoverageRow = {
  code: string
  titleNl: string
  titleEn: string
  coreTask: string
  counts: { lesson: number; quiz: number; scenario: number; assignment: number }
  lessons: Array<{ courseId: string; lessonKey: string; titleNl: string; type: string }>
}

/**
 * Per work process of a dossier's current version: how many published lessons, quizzes,
 * scenarios and assignments train it. Two queries, whatever the size of the catalogue.
 */
export async function coverageOf(dossierSlug: string) {
  const dossier = await prisma.dossier.findFirst({
    where: { slug: dossierSlug },
    orderBy: { version: 'desc' },
    select: {
      slug: true,
      qualificationNl: true,
      qualificationEn: true,
      workProcesses: {
        orderBy: [{ coreTask: { position: 'asc' } }, { position: 'asc' }],
        select: { code: true, titleNl: true, titleEn: true, coreTask: { select: { code: true } } },
      },
    },
  })
  if (!dossier) return null
  const links = await prisma.lessonWorkProcess.findMany({
    where: {
      workProcessCode: { in: dossier.workProcesses.map((w) => w.code) },
      lesson: { courseVersion: { dossierSlug, currentOf: { isNot: null } } },
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
      lessons,
    }
  })
  return { dossier, rows }
}

/** A gap: a work process without a lesson or without a quiz. */
export function isGap(row: CoverageRow) {
  return row.counts.lesson === 0 || row.counts.quiz === 0
}
