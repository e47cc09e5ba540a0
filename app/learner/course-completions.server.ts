import { prisma } from '#app/db.server.ts'

/**
 * Which lessons of a course a learner has completed (read, quiz passed, scenario ended), by
 * their stable keys, so a course page can tick them off whatever version is current.
 */
export async function completedLessonKeys(userId: string, lessonKeys: string[]) {
  const rows = await prisma.lessonCompletion.findMany({
    where: { userId, lessonKey: { in: lessonKeys } },
    select: { lessonKey: true },
  })
  return rows.map((r) => r.lessonKey)
}
