import { prisma } from '#app/db.server.ts'
import { translator } from '#app/i18n/i18n.ts'
import { parseJsonList } from '#app/utils/json-list.ts'
import { SCOPE } from './claims.ts'
import {
  courseScore,
  lessonScore,
  quizScore,
  sameAsSent,
  scoresUrl,
  workProcessScore,
  type LtiScore,
} from './lti-score.ts'
import { LtiServiceError, platformRequest } from './platform-http.server.ts'
import { forgetServiceToken, serviceToken } from './service-token.server.ts'
import { targetOfLink } from './targets.ts'

/**
 * Assignment and Grade Services: the platform's gradebook follows our progress. Each change
 * of a learner's progress enqueues `lti.score` (affected-launches.server.ts); the job posts
 * the learner's current state to the link's line item. A failure throws, so the job queue
 * retries with back-off while the platform is down; nothing is lost and nothing is posted
 * twice, because the job always sends what is true now and skips what was accepted already.
 */
const SCORE_MEDIA_TYPE = 'application/vnd.ims.lis.v1.score+json'

/** Our current state of a learner on a link's target; null when the target is gone. */
export async function scoreFor(
  link: { targetKind: string; targetRef: string },
  userId: string,
): Promise<LtiScore | null> {
  const target = targetOfLink(link)
  const t = translator('nl')
  if (!target) return null
  if (target.kind === 'work-process') {
    const status = await prisma.workProcessStatus.findUnique({
      where: {
        userId_dossierSlug_workProcessCode: {
          userId,
          dossierSlug: target.dossierSlug,
          workProcessCode: target.code,
        },
      },
      select: { step: true },
    })
    return workProcessScore(t, status?.step ?? 0)
  }
  if (target.kind === 'course') {
    const lessons = await prisma.lesson.findMany({
      where: { courseVersion: { courseId: target.courseId, currentOf: { isNot: null } } },
      select: { lessonKey: true },
    })
    if (lessons.length === 0) return null
    const done = await prisma.lessonCompletion.count({
      where: { userId, lessonKey: { in: lessons.map((l) => l.lessonKey) } },
    })
    return courseScore(t, done, lessons.length)
  }
  const lesson = await prisma.lesson.findFirst({
    where: {
      lessonKey: target.lessonKey,
      courseVersion: { courseId: target.courseId, currentOf: { isNot: null } },
    },
    select: { type: true },
  })
  if (!lesson) return null
  const completed =
    (await prisma.lessonCompletion.count({ where: { userId, lessonKey: target.lessonKey } })) > 0
  if (lesson.type !== 'quiz') return lessonScore(t, completed)
  const best = await prisma.quizAttempt.aggregate({
    where: { userId, lessonKey: target.lessonKey },
    _max: { score: true },
  })
  return quizScore(t, best._max.score, completed)
}

export type ScoreOutcome =
  | 'sent'
  | 'unchanged'
  | 'no-line-item'
  | 'no-score-scope'
  | 'platform-inactive'
  | 'no-target'
  | 'no-launch'

/**
 * The `lti.score` job: post a learner's current score on a link to its line item. Throws
 * (LtiServiceError) when the platform cannot be reached or refuses, so the job is retried.
 */
export async function postScore(resourceLinkId: string, ltiUserId: string): Promise<ScoreOutcome> {
  const launch = await prisma.ltiLaunch.findUnique({
    where: { resourceLinkId_ltiUserId: { resourceLinkId, ltiUserId } },
    select: {
      scoreGiven: true,
      scoreMaximum: true,
      activityProgress: true,
      user: { select: { subject: true, userId: true } },
      link: {
        select: {
          targetKind: true,
          targetRef: true,
          lineItemUrl: true,
          agsScopes: true,
          platform: {
            select: { id: true, clientId: true, authTokenUrl: true, status: true },
          },
        },
      },
    },
  })
  if (!launch) return 'no-launch'
  const { link, user } = launch
  if (!link.lineItemUrl) return 'no-line-item'
  if (!parseJsonList(link.agsScopes).includes(SCOPE.score)) return 'no-score-scope'
  if (link.platform.status !== 'active') return 'platform-inactive'
  const score = await scoreFor(link, user.userId)
  if (!score) return 'no-target'
  if (sameAsSent(launch, score)) return 'unchanged'

  const token = await serviceToken(link.platform, [SCOPE.score])
  if (!token.scopes.includes(SCOPE.score)) {
    throw new LtiServiceError('refused', 'the platform did not grant the score scope')
  }
  const timestamp = new Date()
  const answer = await platformRequest(scoresUrl(link.lineItemUrl), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token.token}`, 'Content-Type': SCORE_MEDIA_TYPE },
    body: JSON.stringify({
      userId: user.subject,
      scoreGiven: score.scoreGiven,
      scoreMaximum: score.scoreMaximum,
      activityProgress: score.activityProgress,
      gradingProgress: score.gradingProgress,
      timestamp: timestamp.toISOString(),
      comment: score.comment,
    }),
    maxBytes: 64_000,
  })
  if (answer.status === 401) forgetServiceToken(link.platform, [SCOPE.score])
  if (answer.status < 200 || answer.status > 299) {
    throw new LtiServiceError(
      answer.status >= 500 ? 'unreachable' : 'refused',
      `the line item refused the score (${answer.status}): ${answer.body.slice(0, 200)}`,
      answer.status,
    )
  }
  await prisma.ltiLaunch.update({
    where: { resourceLinkId_ltiUserId: { resourceLinkId, ltiUserId } },
    data: {
      scoreGiven: score.scoreGiven,
      scoreMaximum: score.scoreMaximum,
      activityProgress: score.activityProgress,
      scoreSentAt: timestamp,
    },
  })
  return 'sent'
}
