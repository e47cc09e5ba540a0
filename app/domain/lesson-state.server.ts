import { prisma } from '#app/db.server.ts'

/** What a signed-in learner brings to a lesson page: reflections, completion, recent attempts. */
export async function learnerLessonState(userId: string, lessonKey: string) {
  // Raw SQL: every signed-in lesson view asks these three (issue 23: query compilation).
  const [reflections, completions, attempts] = await Promise.all([
    prisma.$queryRaw<Array<{ reflectionKey: string; text: string }>>`
      SELECT "reflectionKey", "text" FROM "Reflection"
      WHERE "userId" = ${userId} AND "lessonKey" = ${lessonKey}`,
    prisma.$queryRaw<Array<{ completedAt: Date }>>`
      SELECT "completedAt" FROM "LessonCompletion"
      WHERE "userId" = ${userId} AND "lessonKey" = ${lessonKey}`,
    prisma.$queryRaw<Array<{ id: string; score: number; passed: boolean; createdAt: Date }>>`
      SELECT "id", "score", "passed", "createdAt" FROM "QuizAttempt"
      WHERE "userId" = ${userId} AND "lessonKey" = ${lessonKey}
      ORDER BY "createdAt" DESC LIMIT 5`,
  ])
  return {
    reflections: Object.fromEntries(reflections.map((r) => [r.reflectionKey, r.text])),
    completedAt: completions[0]?.completedAt ?? null,
    attempts: attempts.map((a) => ({ ...a, score: Number(a.score), passed: Boolean(a.passed) })),
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
