import { prisma } from '#app/db.server.ts'
import type { LtiTarget } from './targets.ts'

/**
 * Whether a link's target exists and belongs to the platform's organisation: a course or
 * lesson must be published and platform-wide or that organisation's own; a work process must
 * be in a dossier we hold. Another organisation's course is refused, not merely hidden.
 */
export async function checkTarget(
  target: LtiTarget,
  organisationId: string,
): Promise<{ ok: true } | { ok: false; reason: 'unknown-target' | 'foreign-course' }> {
  if (target.kind === 'work-process') {
    const found = await prisma.workProcess.findFirst({
      where: { code: target.code, coreTask: { dossier: { slug: target.dossierSlug } } },
      select: { id: true },
    })
    return found ? { ok: true } : { ok: false, reason: 'unknown-target' }
  }
  const course = await prisma.course.findUnique({
    where: { id: target.courseId },
    select: { organisationId: true, currentVersionId: true },
  })
  if (!course?.currentVersionId) return { ok: false, reason: 'unknown-target' }
  if (course.organisationId !== null && course.organisationId !== organisationId) {
    return { ok: false, reason: 'foreign-course' }
  }
  if (target.kind === 'lesson') {
    const lesson = await prisma.lesson.findFirst({
      where: { courseVersionId: course.currentVersionId, lessonKey: target.lessonKey },
      select: { id: true },
    })
    if (!lesson) return { ok: false, reason: 'unknown-target' }
  }
  return { ok: true }
}
