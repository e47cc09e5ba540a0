import { prisma } from '#app/db.server.ts'

/** What a signed-in learner brings to a lesson page: reflections, completion, recent attempts. */
export async function learnerLessonState(userId: string, lessonKey: string) {
  const [reflections, completion, attempts] = await Promise.all([
    prisma.reflection.findMany({
      where: { userId, lessonKey },
      select: { reflectionKey: true, text: true },
    }),
    prisma.lessonCompletion.findUnique({
      where: { userId_lessonKey: { userId, lessonKey } },
      select: { completedAt: true },
    }),
    prisma.quizAttempt.findMany({
      where: { userId, lessonKey },
      orderBy: { createdAt: 'desc' },
      take: 5,
      select: { id: true, score: true, passed: true, createdAt: true },
    }),
  ])
  return {
    reflections: Object.fromEntries(reflections.map((r) => [r.reflectionKey, r.text])),
    completedAt: completion?.completedAt ?? null,
    attempts,
  }
}

/** A learner's own reflection in a lesson; writing it again replaces the earlier text. */
export async function saveReflection(
  userId: string,
  lessonKey: string,
  reflectionKey: string,
  text: string,
) {
  await prisma.reflection.upsert({
    where: { userId_lessonKey_reflectionKey: { userId, lessonKey, reflectionKey } },
    create: { userId, lessonKey, reflectionKey, text },
    update: { text },
  })
}
