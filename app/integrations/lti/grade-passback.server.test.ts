import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import {
  findPublishedLesson,
  recordCompletion,
  recordQuizAttempt,
} from '#app/domain/progress.server.ts'
import { drainJobs, jobQueue } from '#app/jobs/index.server.ts'
import { retriesDue } from '#tests/job-retries.ts'
import { toJsonList } from '#app/utils/json-list.ts'
import { enqueueScoreUpdates } from './affected-launches.server.ts'
import { SCOPE } from './claims.ts'
import { postScore } from './grade-passback.server.ts'
import { scoresUrl } from './lti-score.ts'
import { LtiServiceError } from './platform-http.server.ts'
import { serviceToken } from './service-token.server.ts'
import { ltiJwks } from './tool-keys.server.ts'
import { makeMember, makeOrganisation, makeOrganisationCourse } from '#tests/factories.ts'
import { startTestPlatform, type TestPlatform } from '#tests/lti-platform/platform.ts'
import { addServices, type PlatformServices } from '#tests/lti-platform/services.ts'

const CLIENT_ID = 'leerplein-tool'
const DOSSIER = 'contactcenter-teamleider'
let platform: TestPlatform
let services: PlatformServices
let organisationId: string
let platformId: string
let contextId: string
let course: { courseId: string; lessonKeys: string[] }
let lineItems = 0

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  platform = await startTestPlatform()
  services = addServices(platform, { clientId: CLIENT_ID, toolJwks: await ltiJwks() })
  const organisation = await makeOrganisation()
  organisationId = organisation.id
  course = await makeOrganisationCourse(organisationId, [
    { type: 'lesson', workProcessCodes: ['TL-K2-W1'] },
    { type: 'quiz', workProcessCodes: ['TL-K2-W1'] },
  ])
  const row = await prisma.ltiPlatform.create({
    data: {
      organisationId,
      name: 'Moodle ROC',
      issuer: platform.issuer,
      clientId: CLIENT_ID,
      authLoginUrl: platform.url('/mod/lti/auth.php'),
      authTokenUrl: services.tokenUrl,
      jwksUrl: platform.jwksUrl,
      registeredVia: 'manual',
      status: 'active',
    },
  })
  platformId = row.id
  contextId = (
    await prisma.ltiContext.create({
      data: { platformId, contextId: '12', title: 'Teamleider contactcenter 2026' },
    })
  ).id
}, 180_000)

afterAll(() => platform.close())

/** A learner of the organisation who launched a link (with a line item) to this target. */
async function launchedLink(
  targetKind: 'lesson' | 'course' | 'work-process',
  targetRef: string,
  scopes: string[] = [SCOPE.lineItem, SCOPE.score],
) {
  const { user } = await makeMember(organisationId, ['learner'])
  lineItems += 1
  const lineItemId = String(lineItems)
  const link = await prisma.ltiResourceLink.create({
    data: {
      platformId,
      contextId,
      resourceLinkId: `rl-${lineItemId}`,
      title: `Link ${lineItemId}`,
      targetKind,
      targetRef,
      lineItemUrl: services.lineItemUrl('12', lineItemId),
      agsScopes: toJsonList(scopes),
    },
  })
  const ltiUser = await prisma.ltiUser.create({
    data: { platformId, subject: `moodle-${user.id}`, userId: user.id },
  })
  await prisma.ltiLaunch.create({ data: { resourceLinkId: link.id, ltiUserId: ltiUser.id } })
  return { user, link, ltiUser, lineItemId, subject: ltiUser.subject }
}

const lesson = async (index: number) => (await findPublishedLesson(course.lessonKeys[index]!))!

describe('grade passback (Assignment and Grade Services)', () => {
  test('a completed linked lesson reaches the line item with the platform user id and score', async () => {
    const { user, link, ltiUser, lineItemId, subject } = await launchedLink(
      'lesson',
      `${course.courseId}/${course.lessonKeys[0]}`,
    )
    await recordCompletion(user.id, await lesson(0), 'done')
    await drainJobs()
    const scores = services.scores('12', lineItemId)
    expect(scores).toHaveLength(1)
    expect(scores[0]).toMatchObject({
      userId: subject,
      scoreGiven: 1,
      scoreMaximum: 1,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      comment: 'Les afgerond',
    })
    expect(Date.parse(scores[0]!.timestamp)).not.toBeNaN()
    const launch = await prisma.ltiLaunch.findUniqueOrThrow({
      where: { resourceLinkId_ltiUserId: { resourceLinkId: link.id, ltiUserId: ltiUser.id } },
    })
    expect(launch).toMatchObject({ scoreGiven: 1, scoreMaximum: 1, activityProgress: 'Completed' })
    expect(launch.scoreSentAt).toBeInstanceOf(Date)

    // Completing it again changes nothing: no second post.
    await recordCompletion(user.id, await lesson(0), 'done')
    await drainJobs()
    expect(await postScore(link.id, ltiUser.id)).toBe('unchanged')
    expect(services.scores('12', lineItemId)).toHaveLength(1)
  })

  test('a platform answering 500 gets the score later: the job fails, is retried, not lost', async () => {
    const { user, link, ltiUser, lineItemId, subject } = await launchedLink(
      'lesson',
      `${course.courseId}/${course.lessonKeys[0]}`,
    )
    services.failScores(2)
    await recordCompletion(user.id, await lesson(0), 'done')
    await drainJobs()
    expect(services.scores('12', lineItemId)).toHaveLength(0)
    const waiting = await jobQueue().list(['failed'], 50)
    expect(waiting.some((job) => job.key?.startsWith(`lti.score:${link.id}:`))).toBe(true)
    await retriesDue()
    await drainJobs()
    expect(services.scores('12', lineItemId)).toHaveLength(0)
    // The platform is back.
    await retriesDue()
    await drainJobs()
    const book = services.gradebook('12', lineItemId)
    expect(book.get(subject)).toMatchObject({ scoreGiven: 1, activityProgress: 'Completed' })
    const launch = await prisma.ltiLaunch.findUniqueOrThrow({
      where: { resourceLinkId_ltiUserId: { resourceLinkId: link.id, ltiUserId: ltiUser.id } },
    })
    expect(launch.scoreGiven).toBe(1)
    expect(
      (await jobQueue().list(['failed', 'dead'], 50)).filter((j) => j.name === 'lti.score'),
    ).toHaveLength(0)
  })

  test('a quiz link reports the best attempt; course and work-process links their fractions', async () => {
    const quiz = await launchedLink('lesson', `${course.courseId}/${course.lessonKeys[1]}`)
    const learner = quiz.user
    // The same learner launched the course and the work process too.
    const courseLink = await prisma.ltiResourceLink.create({
      data: {
        platformId,
        contextId,
        resourceLinkId: `rl-course-${learner.id}`,
        title: 'De hele cursus',
        targetKind: 'course',
        targetRef: course.courseId,
        lineItemUrl: services.lineItemUrl('12', `course-${learner.id}`),
        agsScopes: toJsonList([SCOPE.score]),
      },
    })
    const workLink = await prisma.ltiResourceLink.create({
      data: {
        platformId,
        contextId,
        resourceLinkId: `rl-wp-${learner.id}`,
        title: 'Werkproces TL-K2-W1',
        targetKind: 'work-process',
        targetRef: `${DOSSIER}/TL-K2-W1`,
        lineItemUrl: services.lineItemUrl('12', `wp-${learner.id}`),
        agsScopes: toJsonList([SCOPE.score]),
      },
    })
    for (const link of [courseLink, workLink]) {
      await prisma.ltiLaunch.create({
        data: { resourceLinkId: link.id, ltiUserId: quiz.ltiUser.id },
      })
    }
    const quizRef = await lesson(1)
    await recordQuizAttempt(learner.id, quizRef, {
      score: 40,
      passMark: 75,
      passed: false,
      answers: [],
    })
    await drainJobs()
    expect(services.gradebook('12', quiz.lineItemId).get(quiz.subject)).toMatchObject({
      scoreGiven: 40,
      scoreMaximum: 100,
      activityProgress: 'InProgress',
      gradingProgress: 'Pending',
    })
    // A failed attempt completes nothing: the course stands at none of its lessons, and the
    // work process, not raised, heard nothing.
    expect(services.gradebook('12', `course-${learner.id}`).get(quiz.subject)).toMatchObject({
      scoreGiven: 0,
      scoreMaximum: 2,
      activityProgress: 'Initialized',
    })
    expect(services.scores('12', `wp-${learner.id}`)).toHaveLength(0)

    await recordCompletion(learner.id, await lesson(0), 'done')
    await drainJobs()
    expect(services.gradebook('12', `course-${learner.id}`).get(quiz.subject)).toMatchObject({
      scoreGiven: 1,
      scoreMaximum: 2,
      activityProgress: 'InProgress',
    })
    expect(services.gradebook('12', `wp-${learner.id}`).get(quiz.subject)).toMatchObject({
      scoreGiven: 1,
      scoreMaximum: 4,
      activityProgress: 'InProgress',
      gradingProgress: 'Pending',
    })

    await recordQuizAttempt(learner.id, quizRef, {
      score: 90,
      passMark: 75,
      passed: true,
      answers: [],
    })
    await drainJobs()
    expect(services.gradebook('12', quiz.lineItemId).get(quiz.subject)).toMatchObject({
      scoreGiven: 90,
      scoreMaximum: 100,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    })
    expect(services.gradebook('12', `course-${learner.id}`).get(quiz.subject)).toMatchObject({
      scoreGiven: 2,
      scoreMaximum: 2,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    })

    // The top of the ladder, as an assessor's sign-off reaches it: the work process is done.
    await prisma.workProcessStatus.update({
      where: {
        userId_dossierSlug_workProcessCode: {
          userId: learner.id,
          dossierSlug: DOSSIER,
          workProcessCode: 'TL-K2-W1',
        },
      },
      data: { step: 4 },
    })
    const enqueued = await enqueueScoreUpdates(learner.id, {
      workProcesses: [{ dossierSlug: DOSSIER, code: 'TL-K2-W1' }],
    })
    expect(enqueued).toBe(1)
    await drainJobs()
    expect(services.gradebook('12', `wp-${learner.id}`).get(quiz.subject)).toMatchObject({
      scoreGiven: 4,
      scoreMaximum: 4,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      comment: expect.stringContaining('stap 4 van 4') as string,
    })
  })

  test('a link without the score scope or line item posts nothing', async () => {
    const noScope = await launchedLink('lesson', `${course.courseId}/${course.lessonKeys[0]}`, [
      SCOPE.lineItemReadOnly,
    ])
    await recordCompletion(noScope.user.id, await lesson(0), 'done')
    await drainJobs()
    expect(await postScore(noScope.link.id, noScope.ltiUser.id)).toBe('no-score-scope')
    expect(services.scores('12', noScope.lineItemId)).toHaveLength(0)
    await prisma.ltiResourceLink.update({
      where: { id: noScope.link.id },
      data: { lineItemUrl: null, agsScopes: toJsonList([SCOPE.score]) },
    })
    expect(await postScore(noScope.link.id, noScope.ltiUser.id)).toBe('no-line-item')
  })

  test('a refused token is a clear error, and so is an unreachable token endpoint', async () => {
    const other = await prisma.ltiPlatform.create({
      data: {
        organisationId,
        name: 'Moodle refusing',
        issuer: `${platform.issuer}/refusing`,
        clientId: CLIENT_ID,
        authLoginUrl: platform.url('/mod/lti/auth.php'),
        authTokenUrl: services.tokenUrl,
        jwksUrl: platform.jwksUrl,
        registeredVia: 'manual',
        status: 'active',
      },
    })
    services.refuseTokens(true)
    try {
      const refused = await serviceToken(other, [SCOPE.score]).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(LtiServiceError)
      expect(refused).toMatchObject({ reason: 'refused', status: 400 })
    } finally {
      services.refuseTokens(false)
    }
    const gone = await serviceToken(
      { ...other, authTokenUrl: 'http://127.0.0.1:9/mod/lti/token.php' },
      [SCOPE.score],
    ).catch((e: unknown) => e)
    expect(gone).toMatchObject({ reason: 'unreachable' })
    // A wrong client id: the platform's check of our assertion fails.
    const wrongClient = await serviceToken({ ...other, clientId: 'someone-else' }, [
      SCOPE.score,
    ]).catch((e: unknown) => e)
    expect(wrongClient).toMatchObject({ reason: 'refused', status: 401 })
  })

  test('the scores URL keeps the line item query string', () => {
    expect(
      scoresUrl('https://lms.example/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1'),
    ).toBe('https://lms.example/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=1')
    expect(scoresUrl('https://canvas.example/api/lti/courses/1/line_items/5/')).toBe(
      'https://canvas.example/api/lti/courses/1/line_items/5/scores',
    )
  })
})
