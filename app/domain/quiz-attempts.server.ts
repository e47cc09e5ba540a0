import { prisma } from '#app/db.server.ts'

/**
 * How far a learner is with a quiz, counted from their stored attempts across every version
 * of the lesson (progress follows the stable lesson key): what decides whether they may see
 * the answer key.
 */
export async function quizAttemptHistory(userId: string, lessonKey: string) {
  const [attempts, passed] = await Promise.all([
    prisma.quizAttempt.count({ where: { userId, lessonKey } }),
    prisma.quizAttempt.count({ where: { userId, lessonKey, passed: true } }),
  ])
  return { attempts, passed: passed > 0 }
}
