import { prisma } from '#app/db.server.ts'
import type { LessonType } from '#app/content/lesson-kit-spec.ts'
import { parseJsonList } from '#app/utils/json-list.ts'
import { normaliseBody } from './course-files-export.server.ts'
import {
  COURSE_COLUMNS,
  snapshotCourse,
  type CourseSnapshot,
  type SnapshotModule,
} from './course-snapshot.ts'

/** The published versions of a course, newest first, with who published them and why. */
export async function listVersions(courseId: string) {
  const versions = await prisma.courseVersion.findMany({
    where: { courseId },
    orderBy: { version: 'desc' },
    select: {
      version: true,
      publishedAt: true,
      publishedById: true,
      note: true,
      currentOf: { select: { id: true } },
      _count: { select: { lessons: true } },
    },
  })
  const ids = [...new Set(versions.flatMap((v) => (v.publishedById ? [v.publishedById] : [])))]
  const names = new Map(
    (
      await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    ).map((u) => [u.id, u.name]),
  )
  return versions.map((v) => ({
    version: v.version,
    publishedAt: v.publishedAt,
    publishedBy: v.publishedById ? (names.get(v.publishedById) ?? null) : null,
    rolledBackTo: v.note?.startsWith('rollback:') ? Number(v.note.slice('rollback:'.length)) : null,
    current: v.currentOf !== null,
    lessons: v._count.lessons,
  }))
}

/**
 * A published version as a snapshot, rebuilt from its rows. Null when the version does not
 * exist or predates stored lesson text (it cannot be diffed or restored then).
 */
export async function versionSnapshot(
  courseId: string,
  version: number,
): Promise<CourseSnapshot | null> {
  const row = await prisma.courseVersion.findUnique({
    where: { courseId_version: { courseId, version } },
    select: {
      ...COURSE_COLUMNS,
      lessons: {
        orderBy: { position: 'asc' },
        select: {
          lessonKey: true,
          moduleKey: true,
          moduleTitleNl: true,
          moduleTitleEn: true,
          type: true,
          duration: true,
          titleNl: true,
          titleEn: true,
          competencies: true,
          bodyNl: true,
          bodyEn: true,
          workProcesses: { select: { workProcessCode: true } },
        },
      },
    },
  })
  if (!row || row.lessons.some((l) => l.bodyNl === null)) return null
  const modules: SnapshotModule[] = []
  for (const l of row.lessons) {
    let module = modules.at(-1)
    if (module?.key !== l.moduleKey) {
      module = { key: l.moduleKey, titleNl: l.moduleTitleNl, titleEn: l.moduleTitleEn, lessons: [] }
      modules.push(module)
    }
    module.lessons.push({
      key: l.lessonKey,
      type: l.type as LessonType,
      duration: l.duration,
      titleNl: l.titleNl,
      titleEn: l.titleEn,
      // The link rows have no order of their own; the dossier's order is the natural one.
      workProcesses: l.workProcesses.map((w) => w.workProcessCode).sort(),
      competencies: parseJsonList(l.competencies).sort(),
      bodyNl: normaliseBody(l.bodyNl!),
      bodyEn: l.bodyEn === null ? null : normaliseBody(l.bodyEn),
    })
  }
  return { ...snapshotCourse(courseId, row), modules }
}
