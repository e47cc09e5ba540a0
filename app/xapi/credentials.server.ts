import { prisma } from '#app/db.server.ts'
import { launchByXapiToken } from '#app/packages/launches.server.ts'
import { XapiError } from './http.server.ts'

/**
 * The xAPI credential a cmi5 AU gets from its fetch URL. The auth-token is
 * base64("<launchId>:<xapiToken>"), which the AU sends as `Authorization: Basic <auth-token>`:
 * the user part names the launch, the password is the random token whose SHA-256 is stored
 * on the launch (PackageLaunch.xapiTokenHash). Both must match, and the launch must be live.
 */
export function credentialFor(launchId: string, xapiToken: string) {
  return Buffer.from(`${launchId}:${xapiToken}`, 'utf8').toString('base64')
}

/** What a credential may touch: one learner, one registration, one AU. */
export type XapiScope = {
  launchId: string
  attemptId: string
  userId: string
  registration: string
  lessonId: string
  lessonKey: string
  activityId: string
  moveOn: string
  /** 0..1, or null when the AU has none. */
  masteryScore: number | null
}

const unauthorized = (message: string) =>
  new XapiError(401, message, { 'WWW-Authenticate': 'Basic realm="Leerplein xAPI"' })

export async function requireScope(request: Request): Promise<XapiScope> {
  const header = request.headers.get('Authorization') ?? ''
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)
  if (!match) throw unauthorized('Authorization required')
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 1) throw unauthorized('Credential not recognised')
  const launchId = decoded.slice(0, colon)
  const token = decoded.slice(colon + 1)
  const launch = token ? await launchByXapiToken(token) : null
  if (!launch || launch.id !== launchId) throw unauthorized('Credential unknown or expired')
  const activity = await prisma.packageActivity.findUnique({
    where: { lessonId: launch.attempt.lessonId },
    select: { identifier: true, moveOn: true, masteryScore: true },
  })
  if (!activity) throw unauthorized('Credential unknown or expired')
  return {
    launchId: launch.id,
    attemptId: launch.attempt.id,
    userId: launch.attempt.userId,
    registration: launch.attempt.registration,
    lessonId: launch.attempt.lessonId,
    lessonKey: launch.attempt.lessonKey,
    activityId: activity.identifier,
    moveOn: activity.moveOn ?? 'NotApplicable',
    masteryScore: activity.masteryScore === null ? null : activity.masteryScore / 100,
  }
}
