import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { enqueueJob } from '#app/jobs/process-queue.server.ts'
import { toJsonList } from '#app/utils/json-list.ts'
import * as coursesPage from '#app/routes/orgs/$slug/lti-courses.tsx'
import { scoreJobKey } from './affected-launches.server.ts'
import { ROLE, SCOPE } from './claims.ts'
import { ltiJwks } from './tool-keys.server.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { startTestPlatform, type TestPlatform } from '#tests/lti-platform/platform.ts'
import { addServices, type PlatformServices } from '#tests/lti-platform/services.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'

const CLIENT_ID = 'leerplein-route'
let platform: TestPlatform
let services: PlatformServices
let organisation: Awaited<ReturnType<typeof makeOrganisation>>
let adminCookie: string
let learnerCookie: string
let contextId: string
let path: string

beforeAll(async () => {
  platform = await startTestPlatform()
  services = addServices(platform, { clientId: CLIENT_ID, toolJwks: await ltiJwks() })
  organisation = await makeOrganisation()
  path = `/orgs/${organisation.slug}/lti/courses`
  adminCookie = await cookieFor((await makeMember(organisation.id, ['employer_admin'])).user.id)
  const learner = await makeMember(organisation.id, ['learner'])
  learnerCookie = await cookieFor(learner.user.id)
  const { id: platformId } = await prisma.ltiPlatform.create({
    data: {
      organisationId: organisation.id,
      name: 'Moodle ROC Midden',
      issuer: platform.issuer,
      clientId: CLIENT_ID,
      authLoginUrl: platform.url('/mod/lti/auth.php'),
      authTokenUrl: services.tokenUrl,
      jwksUrl: platform.jwksUrl,
      registeredVia: 'dynamic',
      status: 'active',
    },
  })
  services.setRoster('7', [
    { status: 'Active', name: 'Docent Jansen', user_id: 'd1', roles: [ROLE.instructor] },
    { status: 'Active', name: 'Student Bakker', user_id: 's1', roles: [ROLE.learner] },
  ])
  contextId = (
    await prisma.ltiContext.create({
      data: {
        platformId,
        contextId: '7',
        title: 'BBL Teamleider',
        membershipsUrl: services.membershipsUrl('7'),
      },
    })
  ).id
  const link = await prisma.ltiResourceLink.create({
    data: {
      platformId,
      contextId,
      resourceLinkId: 'rl-route',
      title: 'Coachen in de praktijk',
      targetKind: 'work-process',
      targetRef: 'contactcenter-teamleider/TL-K2-W1',
      lineItemUrl: services.lineItemUrl('7', '1'),
      agsScopes: toJsonList([SCOPE.score]),
    },
  })
  const ltiUser = await prisma.ltiUser.create({
    data: { platformId, subject: 'launcher', userId: learner.user.id },
  })
  await prisma.ltiLaunch.create({
    data: { resourceLinkId: link.id, ltiUserId: ltiUser.id, scoreSentAt: new Date() },
  })
  await enqueueJob(
    'lti.score',
    { resourceLinkId: link.id, ltiUserId: ltiUser.id },
    { key: scoreJobKey(link.id, ltiUser.id) },
  )
})

afterAll(() => platform.close())

describe('the platform courses page', () => {
  test('only those who manage members see it', async () => {
    const outcome = await call(coursesPage.loader, getRequest(path, learnerCookie), {
      slug: organisation.slug,
    })
    expect(outcome.status).toBe(403)
    const post = formRequest(path, { contextId }, { cookie: learnerCookie })
    expect((await call(coursesPage.action, post, { slug: organisation.slug })).status).toBe(403)
  })

  test('lists the courses with their links and how their scores are doing', async () => {
    const outcome = await call(coursesPage.loader, getRequest(path, adminCookie), {
      slug: organisation.slug,
    })
    expect(outcome.status).toBe(200)
    const { courses } = outcome.data as Awaited<ReturnType<typeof coursesPage.loader>>
    expect(courses).toHaveLength(1)
    expect(courses[0]).toMatchObject({
      title: 'BBL Teamleider',
      platformName: 'Moodle ROC Midden',
      canImport: true,
    })
    expect(courses[0]!.links[0]).toMatchObject({
      title: 'Coachen in de praktijk',
      // The work process by its code, linked to the learner's page of it.
      targetTitle: 'TL-K2-W1',
      targetPath: '/work-processes/contactcenter-teamleider/TL-K2-W1',
      hasLineItem: true,
      launches: 1,
      scoresSent: 1,
      waiting: 1,
      retrying: 0,
      gaveUp: 0,
    })
  })

  test('imports the roster and tells the counts; bad input and platform failures are clear', async () => {
    const slug = { slug: organisation.slug }
    const bad = await call(coursesPage.action, formRequest(path, {}, { cookie: adminCookie }), slug)
    expect(bad.status).toBe(400)

    services.failRoster(1)
    const down = await call(
      coursesPage.action,
      formRequest(path, { contextId, intoTeam: 'on' }, { cookie: adminCookie }),
      slug,
    )
    expect(down.status).toBe(502)
    expect(JSON.stringify(down.data)).toContain('ltiServices.error.unreachable')

    const done = await call(
      coursesPage.action,
      formRequest(path, { contextId, intoTeam: 'on' }, { cookie: adminCookie }),
      slug,
    )
    expect(done.status).toBe(200)
    expect((done.data as { counts: unknown }).counts).toMatchObject({ created: 2, linked: 0 })
    expect(await prisma.team.count({ where: { name: 'BBL Teamleider' } })).toBe(1)

    // Another organisation's admin cannot import this course.
    const other = await makeOrganisation()
    const otherAdmin = await cookieFor((await makeMember(other.id, ['employer_admin'])).user.id)
    const foreign = await call(
      coursesPage.action,
      formRequest(`/orgs/${other.slug}/lti/courses`, { contextId }, { cookie: otherAdmin }),
      { slug: other.slug },
    )
    expect(foreign.status).toBe(404)
  })
})
