import { prisma } from '#app/db.server.ts'
import { findPublishedLesson, recordCompletion } from '#app/domain/progress.server.ts'
import { isDone, type ReportedOutcome } from './done-rule.ts'

/**
 * Keep what a package reported for an attempt and, when the trainer's rule for its activity
 * holds, complete the lesson exactly like one of our own (recordCompletion: idempotent, one
 * transaction with the ladder and its events). The lesson is found by its stable key in the
 * course's current version, so an attempt begun on an older version still counts.
 */
export async function settleAttempt(
  attemptId: string,
  outcome: ReportedOutcome,
  options: { ended?: boolean } = {},
) {
  const attempt = await prisma.packageAttempt.update({
    where: { id: attemptId },
    data: {
      completion: outcome.completion,
      success: outcome.success,
      score: outcome.score,
      ...(options.ended ? { endedAt: new Date() } : {}),
    },
    select: { userId: true, lessonKey: true, lessonId: true },
  })
  const activity = await prisma.packageActivity.findUnique({
    where: { lessonId: attempt.lessonId },
    select: { doneWhen: true, minScore: true },
  })
  if (!activity || !isDone(activity, outcome)) return { done: false }
  const lesson = await findPublishedLesson(attempt.lessonKey)
  if (!lesson) return { done: false }
  await recordCompletion(attempt.userId, lesson, 'package')
  return { done: true }
}
