import { prisma } from '#app/db.server.ts'
import { startCmi5Launch } from './cmi5-launch.server.ts'
import { PACKAGE_CONTENT_PREFIX } from './content-policy.ts'
import { createLaunch, openAttempt } from './launches.server.ts'

/**
 * The player of a package lesson (type "package"): what the page shows, read-only, and the
 * launch, which the page asks for with a POST because it writes an attempt and a launch.
 */

export async function userName(userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { name: true } })
  return user?.name ?? ''
}

/**
 * The activity a package lesson of a published version plays (by the lesson's key in that
 * version), or null when it has none.
 */
export async function packageActivity(versionId: string, lessonKey: string) {
  return prisma.packageActivity.findFirst({
    where: { lesson: { courseVersionId: versionId, lessonKey } },
    select: {
      lessonId: true,
      identifier: true,
      launchPath: true,
      launchParameters: true,
      moveOn: true,
      masteryScore: true,
      doneWhen: true,
      minScore: true,
      package: { select: { standard: true } },
    },
  })
}

/** Whether the learner has an attempt under way (not ended) for this lesson key. */
export async function hasOpenAttempt(userId: string, lessonKey: string) {
  const open = await prisma.packageAttempt.findFirst({
    where: { userId, lessonKey, endedAt: null },
    select: { id: true },
  })
  return open !== null
}

/** A launch path with the manifest's parameters (SCORM 1.2/2004 `parameters`) appended. */
export function withParameters(launchPath: string, parameters: string | null) {
  const p = parameters?.trim()
  if (!p) return launchPath
  if (p.startsWith('#')) return `${launchPath}${p}`
  const query = p.replace(/^[?&]+/, '')
  return `${launchPath}${launchPath.includes('?') ? '&' : '?'}${query}`
}

/**
 * Opens (or continues) the learner's attempt and makes a launch of it: the URL the player's
 * iframe loads, under the launch's content token (for cmi5 with its launch parameters).
 */
export async function launchPackageLesson(
  userId: string,
  lesson: { versionId: string; lessonKey: string },
  origin: string,
): Promise<string | null> {
  const activity = await packageActivity(lesson.versionId, lesson.lessonKey)
  if (!activity) return null
  const attempt = await openAttempt(userId, { id: activity.lessonId, lessonKey: lesson.lessonKey })
  const cmi5 = activity.package.standard === 'cmi5'
  const launch = await createLaunch(attempt.id, { cmi5 })
  const contentBase = `${PACKAGE_CONTENT_PREFIX}${launch.contentToken}/`
  if (cmi5 && launch.fetchToken) {
    return startCmi5Launch({
      userId,
      attemptId: attempt.id,
      launchId: launch.launchId,
      fetchToken: launch.fetchToken,
      activity: {
        identifier: activity.identifier,
        launchPath: activity.launchPath,
        launchParameters: activity.launchParameters,
        moveOn: activity.moveOn,
        masteryScore: activity.masteryScore,
      },
      contentBase,
      origin,
    })
  }
  // On our own page, so a path: the iframe loads it from wherever the page came from.
  return `${contentBase}${withParameters(activity.launchPath, activity.launchParameters)}`
}
