import { randomBytes } from 'node:crypto'
import { prisma } from '#app/db.server.ts'
import { credentialFor } from '#app/xapi/credentials.server.ts'
import { writeDocument } from '#app/xapi/documents.server.ts'
import { learnerAgent } from '#app/xapi/learner-agent.server.ts'
import { hashToken } from './launches.server.ts'
import {
  CMI5_EXTENSIONS,
  CMI5_VERBS,
  recordLmsStatement,
  registrationStatements,
  sessionIdOf,
  type Cmi5Session,
} from './cmi5-statements.server.ts'

/**
 * The LMS side of a cmi5 launch (cmi5 spec section 8): before the AU opens, the LMS ends a
 * previous session of the registration that never terminated (`abandoned`), writes the
 * LMS.LaunchData state document, records `launched`, and hands out the launch URL with the
 * one-time fetch URL that yields the AU's xAPI credential. The session id is the launch id.
 */
export type Cmi5Activity = {
  identifier: string
  launchPath: string
  launchParameters: string | null
  moveOn: string | null
  /** In percent, as PackageActivity keeps it (cmi5 uses 0..1). */
  masteryScore: number | null
}

export async function startCmi5Launch(input: {
  userId: string
  attemptId: string
  launchId: string
  fetchToken: string
  activity: Cmi5Activity
  /** '/package-content/<contentToken>/' */
  contentBase: string
  origin: string
}): Promise<string> {
  const { userId, activity, origin } = input
  const attempt = await prisma.packageAttempt.findUniqueOrThrow({
    where: { id: input.attemptId },
    select: { registration: true, lessonId: true, lessonKey: true, userId: true },
  })
  if (attempt.userId !== userId) throw new Error('This attempt belongs to another learner')
  const session: Cmi5Session = {
    userId,
    lessonId: attempt.lessonId,
    registration: attempt.registration,
    activityId: activity.identifier,
    launchId: input.launchId,
  }
  await abandonOpenSessions(session)

  const moveOn = activity.moveOn ?? 'NotApplicable'
  const masteryScore = activity.masteryScore === null ? null : activity.masteryScore / 100
  const launchUrl = `${origin}${input.contentBase}${activity.launchPath.replace(/^\/+/, '')}`
  const launchData = {
    contextTemplate: {
      registration: attempt.registration,
      contextActivities: { grouping: [{ objectType: 'Activity', id: activity.identifier }] },
      extensions: { [CMI5_EXTENSIONS.sessionId]: input.launchId },
    },
    launchMode: 'Normal',
    moveOn,
    ...(masteryScore === null ? {} : { masteryScore }),
    ...(activity.launchParameters ? { launchParameters: activity.launchParameters } : {}),
    returnURL: `${origin}/lessons/${encodeURIComponent(attempt.lessonKey)}`,
  }
  await writeDocument(
    {
      kind: 'state',
      userId,
      activityId: activity.identifier,
      registration: attempt.registration,
    },
    'LMS.LaunchData',
    {
      method: 'PUT',
      contentType: 'application/json',
      content: new TextEncoder().encode(JSON.stringify(launchData)),
    },
    { ifMatch: null, ifNoneMatch: null },
  )
  await recordLmsStatement(session, 'launched', {
    extensions: {
      [CMI5_EXTENSIONS.launchMode]: 'Normal',
      [CMI5_EXTENSIONS.launchUrl]: launchUrl,
      [CMI5_EXTENSIONS.moveOn]: moveOn,
      ...(activity.launchParameters
        ? { [CMI5_EXTENSIONS.launchParameters]: activity.launchParameters }
        : {}),
      ...(masteryScore === null ? {} : { [CMI5_EXTENSIONS.masteryScore]: masteryScore }),
    },
  })

  // An AU with moveOn NotApplicable is satisfied as soon as it is launched (cmi5 10.2).
  if (moveOn === 'NotApplicable') {
    const satisfied = (await registrationStatements(userId, attempt.registration)).some(
      (statement) => (statement.verb as { id: string }).id === CMI5_VERBS.satisfied,
    )
    if (!satisfied) await recordLmsStatement(session, 'satisfied')
  }

  const query = new URLSearchParams({
    endpoint: `${origin}/xapi/`,
    fetch: `${origin}/xapi/cmi5/fetch/${input.fetchToken}`,
    registration: attempt.registration,
    activityId: activity.identifier,
    actor: JSON.stringify(learnerAgent(userId)),
  })
  return `${launchUrl}?${query.toString()}`
}

/**
 * Sessions of this registration that were launched but never terminated or abandoned get
 * `abandoned` (cmi5 9.3.7), and their launches stop working: a stale tab cannot write on.
 */
async function abandonOpenSessions(session: Cmi5Session) {
  const statements = await registrationStatements(session.userId, session.registration)
  const launched = new Map<string, string>()
  for (const statement of statements) {
    const sessionId = sessionIdOf(statement)
    if (typeof sessionId !== 'string') continue
    const verb = (statement.verb as { id: string }).id
    if (verb.endsWith('/launched')) launched.set(sessionId, statement.timestamp as string)
    if (verb.endsWith('/terminated') || verb.endsWith('/abandoned')) launched.delete(sessionId)
  }
  launched.delete(session.launchId)
  const now = new Date()
  for (const [launchId, startedAt] of launched) {
    const seconds = Math.max(0, Math.round((now.getTime() - new Date(startedAt).getTime()) / 1000))
    await recordLmsStatement({ ...session, launchId }, 'abandoned', {
      result: { duration: `PT${seconds}S` },
    })
    await prisma.packageLaunch.updateMany({
      where: { id: launchId, expiresAt: { gt: now } },
      data: { expiresAt: now },
    })
  }
}

/**
 * The fetch URL (cmi5 8.2): the first POST gets the xAPI credential, every later one the
 * cmi5 error JSON (error-code 1, already used). Claimed atomically, so two racing calls
 * cannot both get a credential.
 */
export async function fetchCredential(
  fetchToken: string,
): Promise<{ 'auth-token': string } | { 'error-code': string; 'error-text': string }> {
  const now = new Date()
  const launch = await prisma.packageLaunch.findUnique({
    where: { fetchTokenHash: hashToken(fetchToken) },
    select: { id: true, expiresAt: true },
  })
  if (!launch || launch.expiresAt <= now)
    return { 'error-code': '3', 'error-text': 'Unknown or expired fetch URL' }
  const xapiToken = randomBytes(32).toString('base64url')
  const claimed = await prisma.packageLaunch.updateMany({
    where: { id: launch.id, fetchedAt: null },
    data: { fetchedAt: now, xapiTokenHash: hashToken(xapiToken) },
  })
  if (claimed.count !== 1)
    return { 'error-code': '1', 'error-text': 'This fetch URL has already been used' }
  return { 'auth-token': credentialFor(launch.id, xapiToken) }
}
