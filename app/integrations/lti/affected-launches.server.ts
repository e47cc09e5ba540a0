import { randomUUID } from 'node:crypto'
import { prisma } from '#app/db.server.ts'
import { enqueueJob } from '#app/jobs/process-queue.server.ts'
import { logger } from '#app/operations/logger.server.ts'

/** What changed in a learner's progress: a lesson (of a course) and/or work processes. */
export type ProgressChange = {
  lessonKey?: string
  courseId?: string
  workProcesses?: Array<{ dossierSlug: string; code: string }>
}

/** The job key of a score post: per launch, and new for every change (see below). */
export function scoreJobKey(resourceLinkId: string, ltiUserId: string) {
  return `lti.score:${resourceLinkId}:${ltiUserId}:${randomUUID()}`
}

/** The link a score job's key names, or null for another key. */
export function scoreJobLinkId(key: string): string | null {
  const [name, linkId] = key.split(':')
  return name === 'lti.score' && linkId ? linkId : null
}

/**
 * Enqueue a score post (`lti.score`) for every launch of this learner whose link points at
 * what changed: the lesson, its course, or one of the work processes. Called after the
 * progress is committed, so the job reads it. Each change gets a job of its own (a queue key
 * stays taken while the old job is kept); the job is idempotent, so one that finds nothing new
 * posts nothing. A learner without LTI launches costs one query. The learner's progress is
 * saved already, so a failure here must not fail their request: it is logged, and the next
 * change enqueues again.
 */
export async function enqueueScoreUpdates(userId: string, change: ProgressChange) {
  const targets = [
    ...(change.courseId ? [{ targetKind: 'course', targetRef: change.courseId }] : []),
    ...(change.courseId && change.lessonKey
      ? [{ targetKind: 'lesson', targetRef: `${change.courseId}/${change.lessonKey}` }]
      : []),
    ...(change.workProcesses ?? []).map((w) => ({
      targetKind: 'work-process',
      targetRef: `${w.dossierSlug}/${w.code}`,
    })),
  ]
  if (targets.length === 0) return 0
  try {
    const launches = await prisma.ltiLaunch.findMany({
      where: { user: { userId }, link: { lineItemUrl: { not: null }, OR: targets } },
      select: { resourceLinkId: true, ltiUserId: true },
    })
    for (const launch of launches) {
      await enqueueJob('lti.score', launch, {
        key: scoreJobKey(launch.resourceLinkId, launch.ltiUserId),
      })
    }
    return launches.length
  } catch (error) {
    logger.warn({ err: error, userId }, 'LTI score posts could not be enqueued')
    return 0
  }
}

/**
 * Enqueue one score post for a launch that just happened, so a platform's gradebook shows
 * what the learner has already done (progress made before the link was placed, or on
 * another device) without waiting for their next step. Never fails the launch.
 */
export async function enqueueScoreForLaunch(resourceLinkId: string, ltiUserId: string) {
  try {
    await enqueueJob(
      'lti.score',
      { resourceLinkId, ltiUserId },
      { key: scoreJobKey(resourceLinkId, ltiUserId) },
    )
  } catch (error) {
    logger.warn({ err: error, resourceLinkId }, 'LTI score post could not be enqueued')
  }
}
