import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { prisma } from '#app/db.server.ts'

/**
 * Attempts and launches of package activities (decision 031). A launch hands the sandboxed
 * content its only capabilities, each a random secret stored as a SHA-256 hash:
 * - the content token, in the content URL (/package-content/<token>/<path>): the package's
 *   files and, for SCORM, the runtime's commit endpoint;
 * - for cmi5, a fetch token that can be used once and yields the xAPI credential, which is
 *   scoped to this learner, this registration and this AU.
 * Nothing a package holds opens a session or another learner's data.
 */

/** How long a launch's tokens work: one working day, like an embedded session. */
export const LAUNCH_HOURS = 8

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
const newToken = () => randomBytes(32).toString('base64url')

/**
 * The attempt a learner continues: the latest one of this lesson key that has not ended (so
 * a suspended SCO resumes, on any device), or a new one with a fresh registration.
 */
export async function openAttempt(userId: string, lesson: { id: string; lessonKey: string }) {
  const open = await prisma.packageAttempt.findFirst({
    where: { userId, lessonKey: lesson.lessonKey, endedAt: null },
    orderBy: { createdAt: 'desc' },
  })
  if (open) return open
  return prisma.packageAttempt.create({
    data: { userId, lessonKey: lesson.lessonKey, lessonId: lesson.id, registration: randomUUID() },
  })
}

export type NewLaunch = {
  launchId: string
  contentToken: string
  /** Only for cmi5 launches. */
  fetchToken: string | null
}

export async function createLaunch(
  attemptId: string,
  options: { cmi5: boolean },
): Promise<NewLaunch> {
  const contentToken = newToken()
  const fetchToken = options.cmi5 ? newToken() : null
  const launch = await prisma.packageLaunch.create({
    data: {
      attemptId,
      contentTokenHash: hashToken(contentToken),
      fetchTokenHash: fetchToken ? hashToken(fetchToken) : null,
      expiresAt: new Date(Date.now() + LAUNCH_HOURS * 3_600_000),
    },
    select: { id: true },
  })
  return { launchId: launch.id, contentToken, fetchToken }
}

const launchSelect = {
  id: true,
  expiresAt: true,
  fetchedAt: true,
  attempt: {
    select: {
      id: true,
      userId: true,
      lessonKey: true,
      lessonId: true,
      registration: true,
      cmi: true,
      endedAt: true,
    },
  },
} as const

/** The live launch a content token belongs to, or null (unknown or expired). */
export async function launchByContentToken(token: string) {
  const launch = await prisma.packageLaunch.findUnique({
    where: { contentTokenHash: hashToken(token) },
    select: launchSelect,
  })
  return launch && launch.expiresAt > new Date() ? launch : null
}

/** The live launch an xAPI credential (from the cmi5 fetch URL) belongs to, or null. */
export async function launchByXapiToken(token: string) {
  const launch = await prisma.packageLaunch.findUnique({
    where: { xapiTokenHash: hashToken(token) },
    select: launchSelect,
  })
  return launch && launch.expiresAt > new Date() ? launch : null
}

export type PackageLaunchRef = NonNullable<Awaited<ReturnType<typeof launchByContentToken>>>
