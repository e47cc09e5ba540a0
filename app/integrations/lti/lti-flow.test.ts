import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import * as deepLinkingPage from '#app/routes/lti/deep-linking.tsx'
import * as launchRoute from '#app/routes/lti/launch.ts'
import * as loginRoute from '#app/routes/lti/login.ts'
import * as registerPage from '#app/routes/lti/register.tsx'
import * as lessonPage from '#app/routes/public/lesson.tsx'
import * as coursesPage from '#app/routes/orgs/$slug/lti-courses.tsx'
import * as ltiPage from '#app/routes/orgs/$slug/lti.tsx'
import { prisma } from '#app/db.server.ts'
import { EMBEDDED_SESSION_COOKIE } from '#app/auth/session.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { drainJobs } from '#app/jobs/index.server.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { retriesDue } from '#tests/job-retries.ts'
import type { LaunchPerson, LaunchShape } from '#tests/lti-platform/claim-sets.ts'
import { addDeepLinkingReturn } from '#tests/lti-platform/deep-linking.ts'
import { addLaunches, formFields, type LaunchDesk } from '#tests/lti-platform/launches.ts'
import { startTestPlatform, type TestPlatform } from '#tests/lti-platform/platform.ts'
import { addRegistration } from '#tests/lti-platform/registration.ts'
import { addServices } from '#tests/lti-platform/services.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'
import { ROLE } from './claims.ts'

/**
 * The whole LTI life of a school's Moodle and Canvas, driven from the platforms' side over
 * loopback HTTP, with Moodle- and Canvas-shaped messages: the org admin's one-time link →
 * dynamic registration → confirmation; a teacher's deep-linking choice, checked by the
 * platform with its own JWT library; a learner's launch and completed lesson → the score in
 * the platform's gradebook on the right line item; the roster imported with NRPS.
 */

// Our tool's PUBLIC_URL is a loopback server that publishes the tool's real JWKS, so the
// platforms fetch our keys as Moodle and Canvas do. Hoisted: it must exist before env is read.
const tool = await vi.hoisted(async () =>
  (await import('#tests/lti-platform/tool-jwks-server.ts')).startToolJwksServer(),
)

let moodle: TestPlatform
let canvas: TestPlatform
let organisation: Awaited<ReturnType<typeof makeOrganisation>>
let adminCookie: string

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  organisation = await makeOrganisation()
  adminCookie = await cookieFor((await makeMember(organisation.id, ['employer_admin'])).user.id)
  moodle = await startTestPlatform()
  canvas = await startTestPlatform()
})

afterAll(async () => {
  await Promise.all([moodle?.close(), canvas?.close()])
  await new Promise((resolve) => tool.server.close(resolve))
})

const slug = () => organisation.slug
const ltiAction = (fields: Record<string, string>) =>
  call(ltiPage.action, formRequest(`/orgs/${slug()}/lti`, fields, { cookie: adminCookie }), {
    slug: slug(),
  })

/** The org admin's one-time link, opened by the platform, its administrator presses the button. */
async function registerDynamically(platform: {
  openidConfigurationUrl: string
  registrationToken: string
}) {
  const made = await ltiAction({ intent: 'invite' })
  const token = new URL((made.data as { invite: { url: string } }).invite.url).pathname
    .split('/')
    .pop()!
  const fields = {
    openid_configuration: platform.openidConfigurationUrl,
    registration_token: platform.registrationToken,
  }
  const page = await call(
    registerPage.loader,
    getRequest(`/lti/register/${token}?${new URLSearchParams(fields)}`),
    { token },
  )
  expect(page.status).toBe(200)
  const done = await call(registerPage.action, formRequest(`/lti/register/${token}`, fields), {
    token,
  })
  expect(done.status, JSON.stringify(done.data)).toBe(200)
}

/** Login initiation → the platform's authorisation endpoint → our launch; the embedded cookie. */
async function launch(desk: LaunchDesk, shape: LaunchShape) {
  const { initiation } = desk.prepare(shape)
  const login = await call(
    loginRoute.loader,
    getRequest(`/lti/login?${new URLSearchParams(initiation)}`),
  )
  expect(login.status, login.location ?? '').toBe(302)
  const fields = formFields(await (await fetch(login.location!)).text())
  const launched = await call(
    launchRoute.action,
    formRequest('/lti/launch', fields, {
      cookie: login.headers.get('Set-Cookie')!.split(';')[0],
      headers: { Origin: new URL(login.location!).origin },
    }),
  )
  expect(launched.status, launched.location ?? '').toBe(303)
  const session = launched.headers
    .getSetCookie()
    .find((c) => c.startsWith(EMBEDDED_SESSION_COOKIE))!
  return { location: launched.location!, cookie: session.split(';')[0]! }
}

const teacher: LaunchPerson = {
  sub: '5',
  name: 'Ingrid Smeets',
  givenName: 'Ingrid',
  familyName: 'Smeets',
  email: 'i.smeets@rocnoord.example',
  teacher: true,
}
const learner: LaunchPerson = {
  sub: '21',
  name: 'Sanne de Vries',
  givenName: 'Sanne',
  familyName: 'de Vries',
  email: 'sanne.devries@student.rocnoord.example',
}

test(
  'Moodle 4.x: registration, deep linking, launch, grade passback and roster',
  { timeout: 120_000 },
  async () => {
    // 1. Dynamic registration, confirmed by the org admin.
    const registration = addRegistration(moodle, { family: 'moodle' })
    await registerDynamically(registration)
    const { clientId, deploymentId } = registration.received[0]!
    const platform = await prisma.ltiPlatform.findUniqueOrThrow({
      where: { issuer_clientId: { issuer: moodle.issuer, clientId } },
    })
    expect(platform).toMatchObject({
      organisationId: organisation.id,
      status: 'pending',
      registeredVia: 'dynamic',
    })
    expect((await ltiAction({ intent: 'confirm', platformId: platform.id })).status).toBe(200)

    const desk = addLaunches(moodle, { redirectUri: `${tool.url}/lti/launch` })
    const services = addServices(moodle, { clientId, toolJwks: `${tool.url}/lti/jwks` })
    const returned = addDeepLinkingReturn(moodle, {
      clientId,
      toolJwks: `${tool.url}/lti/jwks`,
      deploymentId: deploymentId!,
    })
    const shape = (person: LaunchPerson, extra: Partial<LaunchShape>): LaunchShape => ({
      family: 'moodle',
      issuer: moodle.issuer,
      platformUrl: moodle.issuer,
      clientId,
      deploymentId: deploymentId!,
      person,
      targetLinkUri: `${tool.url}/lti/deep-linking`,
      context: { id: '2', label: 'TL-BBL', title: 'Teamleider contactcenter BBL' },
      membershipsUrl: services.membershipsUrl('2'),
      ...extra,
    })

    // 2. Deep linking: the teacher picks a lesson; the platform verifies our signed answer.
    const picker = await launch(
      desk,
      shape(teacher, {
        messageType: 'LtiDeepLinkingRequest',
        deepLinkReturnUrl: returned.returnUrl,
        deepLinkData: returned.data,
      }),
    )
    const requestId = picker.location.split('/').pop()!
    const answered = await call(
      deepLinkingPage.action,
      formRequest(
        picker.location,
        { pick: 'lesson:tl-k2-coachen/tl-k2-w3-coachgesprek' },
        { cookie: picker.cookie },
      ),
      { requestId },
    )
    const { returnUrl, jwt } = answered.data as { returnUrl: string; jwt: string }
    const atPlatform = await fetch(returnUrl, {
      method: 'POST',
      body: new URLSearchParams({ JWT: jwt }),
    })
    expect(atPlatform.status, await atPlatform.clone().text()).toBe(200)
    const [item] = returned.received[0]!.items
    expect(item).toMatchObject({
      type: 'ltiResourceLink',
      url: `${tool.url}/courses/tl-k2-coachen/tl-k2-w3-coachgesprek`,
      lineItem: { scoreMaximum: 1 },
    })

    // 3. A learner launches the placed link and completes the lesson inside the platform.
    const lineItem = services.lineItemUrl('2', '7')
    const opened = await launch(
      desk,
      shape(learner, {
        targetLinkUri: item!.url!,
        resourceLink: { id: '3', title: item!.title! },
        lineItem,
      }),
    )
    expect(opened.location).toBe('/courses/tl-k2-coachen/tl-k2-w3-coachgesprek')
    const params = { courseId: 'tl-k2-coachen', lessonKey: 'tl-k2-w3-coachgesprek' }
    const done = await call(
      lessonPage.action,
      formRequest(opened.location, { intent: 'done' }, { cookie: opened.cookie }),
      params,
    )
    expect(done.status).toBeLessThan(400)

    // 4. The job queue posts the score to the line item; the platform's gradebook matches.
    // Two posts wait: the launch's (the lesson not done yet) and the completion's.
    services.failScores(2)
    await drainJobs()
    expect(services.gradebook('2', '7').get(learner.sub)).toBeUndefined()
    // The platform was down: the score waits for its retry, and arrives after the back-off.
    await retriesDue()
    await drainJobs()
    expect(services.gradebook('2', '7').get(learner.sub)).toMatchObject({
      scoreGiven: 1,
      scoreMaximum: 1,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    })

    // 5. The roster: the learner who launched is linked, a classmate and the teacher are new.
    services.setRoster(
      '2',
      [
        { status: 'Active', name: learner.name, user_id: learner.sub, roles: [ROLE.learner] },
        {
          status: 'Active',
          name: 'Bram Willems',
          email: 'b.willems@student.rocnoord.example',
          user_id: '22',
          roles: [ROLE.learner],
        },
        { status: 'Active', name: teacher.name, user_id: teacher.sub, roles: [ROLE.instructor] },
      ],
      2,
    )
    const context = await prisma.ltiContext.findFirstOrThrow({
      where: { platformId: platform.id, contextId: '2' },
    })
    const imported = await call(
      coursesPage.action,
      formRequest(
        `/orgs/${slug()}/lti/courses`,
        { contextId: context.id, intoTeam: 'on' },
        { cookie: adminCookie },
      ),
      { slug: slug() },
    )
    expect(imported.status, JSON.stringify(imported.data)).toBe(200)
    const team = await prisma.team.findFirstOrThrow({
      where: { organisationId: organisation.id, name: 'Teamleider contactcenter BBL' },
      include: { members: { include: { membership: { include: { user: true, roles: true } } } } },
    })
    expect(team.members.map((m) => m.membership.user.name).sort()).toEqual([
      'Bram Willems',
      'Ingrid Smeets',
      'Sanne de Vries',
    ])
    const roles = Object.fromEntries(
      team.members.map((m) => [
        m.membership.user.name,
        m.membership.roles.map((r) => r.role).sort(),
      ]),
    )
    expect(roles['Ingrid Smeets']).toContain('trainer')
    expect(roles['Bram Willems']).toEqual(['learner'])
  },
)

test(
  'Canvas: registration without a deployment, the admin adds it, a learner opens a work process',
  { timeout: 60_000 },
  async () => {
    const registration = addRegistration(canvas, { family: 'canvas' })
    await registerDynamically(registration)
    const { clientId } = registration.received[0]!
    const platform = await prisma.ltiPlatform.findFirstOrThrow({
      where: { clientId, organisationId: organisation.id },
    })
    const deploymentId = '6:8865aa05b4b79b64a91a86042e43af5ea8ae79eb'
    expect(
      (await ltiAction({ intent: 'add-deployment', platformId: platform.id, deploymentId })).status,
    ).toBe(200)
    expect((await ltiAction({ intent: 'confirm', platformId: platform.id })).status).toBe(200)

    const desk = addLaunches(canvas, {
      redirectUri: `${tool.url}/lti/launch`,
      authPath: new URL(platform.authLoginUrl).pathname,
    })
    const opened = await launch(desk, {
      family: 'canvas',
      issuer: platform.issuer,
      platformUrl: canvas.issuer,
      clientId,
      deploymentId,
      person: { ...learner, sub: '535fa085-f22b-4655-f48c-d5a36a9215f6' },
      targetLinkUri: `${tool.url}/work-processes/contactcenter-teamleider/TL-K2-W3`,
    })
    expect(opened.location).toBe('/work-processes/contactcenter-teamleider/TL-K2-W3')
  },
)
