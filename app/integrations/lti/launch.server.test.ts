import { generateKeyPairSync } from 'node:crypto'
import jwt from 'jsonwebtoken'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as launchRoute from '#app/routes/lti/launch.ts'
import * as loginRoute from '#app/routes/lti/login.ts'
import * as problemPage from '#app/routes/lti/problem.tsx'
import { prisma } from '#app/db.server.ts'
import { getUser } from '#app/auth/authorize.server.ts'
import { EMBEDDED_SESSION_COOKIE, SESSION_COOKIE } from '#app/auth/session.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { env } from '#app/env.server.ts'
import { makeOrganisation, makeOrganisationCourse } from '#tests/factories.ts'
import type { LaunchPerson, LaunchShape } from '#tests/lti-platform/claim-sets.ts'
import {
  addLaunches,
  AUTH_PATH,
  formFields,
  type LaunchDesk,
  type LaunchOptions,
} from '#tests/lti-platform/launches.ts'
import { startTestPlatform, type TestPlatform } from '#tests/lti-platform/platform.ts'
import { call, cookieFrom, formRequest, getRequest, type Outcome } from '#tests/route-call.ts'
import { targetUrl } from './targets.ts'
import { LTI_PATHS, toolUrl } from './tool-urls.ts'

/**
 * Launches driven from the platform's side, with id_tokens shaped like Moodle 4.x and Canvas
 * launches and signed by the loopback test platform: login initiation → the platform's
 * authorisation endpoint → our redirect URI. The bad-input half checks each refusal says why
 * and writes nothing.
 */
let platform: TestPlatform
let desk: LaunchDesk
let orgA: Awaited<ReturnType<typeof makeOrganisation>>
let orgB: Awaited<ReturnType<typeof makeOrganisation>>
let lesson: { courseId: string; lessonKey: string }
let foreignCourse: Awaited<ReturnType<typeof makeOrganisationCourse>>

const MOODLE = { clientId: 'moodle-Xy7kQ2', deploymentId: '1' }
const CANVAS = {
  issuer: 'https://canvas.instructure.com',
  clientId: '10000000000001',
  deploymentId: '6:8865aa05b4b79b64a91a86042e43af5ea8ae79eb',
}

const student = (sub: string): LaunchPerson => ({
  sub,
  name: 'Sanne de Vries',
  givenName: 'Sanne',
  familyName: 'de Vries',
  email: 'sanne.devries@student.rocnoord.example',
})
const teacher: LaunchPerson = {
  sub: '5',
  name: 'Peter Bakker',
  givenName: 'Peter',
  familyName: 'Bakker',
  email: 'p.bakker@rocnoord.example',
  teacher: true,
}

function moodleShape(
  person: LaunchPerson,
  target: string,
  extra: Partial<LaunchShape> = {},
): LaunchShape {
  return {
    family: 'moodle',
    issuer: platform.issuer,
    platformUrl: platform.issuer,
    ...MOODLE,
    person,
    targetLinkUri: target,
    resourceLink: { id: '3', title: 'Het coachgesprek' },
    lineItem: platform.url('/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1'),
    membershipsUrl: platform.url('/mod/lti/services.php/CourseSection/2/bindings/1/memberships'),
    ...extra,
  }
}

function canvasShape(
  person: LaunchPerson,
  target: string,
  extra: Partial<LaunchShape> = {},
): LaunchShape {
  return {
    family: 'canvas',
    issuer: CANVAS.issuer,
    platformUrl: platform.issuer,
    clientId: CANVAS.clientId,
    deploymentId: CANVAS.deploymentId,
    person,
    targetLinkUri: target,
    resourceLink: { id: 'f2a0c7e4-6b1d-4d8e-9a55-1b2c3d4e5f60', title: 'Werkproces' },
    lineItem: platform.url('/api/lti/courses/1/line_items/5'),
    ...extra,
  }
}

/** Login initiation, the platform's authorisation endpoint, and the launch post. */
async function launch(
  shape: LaunchShape,
  options: LaunchOptions = {},
  browser: { dropState?: boolean } = {},
) {
  const { initiation } = desk.prepare(shape, options)
  const login = await call(
    loginRoute.loader,
    getRequest(`/lti/login?${new URLSearchParams(initiation)}`),
  )
  expect(login.status, JSON.stringify(login.data)).toBe(302)
  const auth = await fetch(login.location!)
  expect(auth.status).toBe(200)
  const fields = formFields(await auth.text())
  const cookie = browser.dropState ? undefined : cookieFrom(login)
  const result = await post(fields, cookie)
  return { fields, cookie, result }
}

function post(fields: Record<string, string>, cookie: string | undefined) {
  return call(
    launchRoute.action,
    formRequest('/lti/launch', fields, { cookie, headers: { Origin: platform.issuer } }),
  )
}

async function written() {
  return {
    users: await prisma.user.count(),
    ltiUsers: await prisma.ltiUser.count(),
    links: await prisma.ltiResourceLink.count(),
    launches: await prisma.ltiLaunch.count(),
    sessions: await prisma.session.count(),
  }
}

const lessonUrl = () => targetUrl(env.PUBLIC_URL, { kind: 'lesson', ...lesson })

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  orgA = await makeOrganisation()
  orgB = await makeOrganisation()
  foreignCourse = await makeOrganisationCourse(orgB.id, [
    { type: 'lesson', workProcessCodes: ['TL-K2-W3'] },
  ])
  const row = await prisma.lesson.findFirstOrThrow({
    where: { type: 'lesson', courseVersion: { currentOf: { organisationId: null } } },
    select: { lessonKey: true, courseVersion: { select: { courseId: true } } },
  })
  lesson = { courseId: row.courseVersion.courseId, lessonKey: row.lessonKey }
  platform = await startTestPlatform()
  desk = addLaunches(platform, { redirectUri: toolUrl(env.PUBLIC_URL, LTI_PATHS.launch) })
  for (const registration of [
    { name: 'ROC Noord Moodle', issuer: platform.issuer, ...MOODLE, productFamily: 'moodle' },
    { name: 'Canvas Hogeschool', ...CANVAS, productFamily: 'canvas' },
  ]) {
    const { deploymentId, ...fields } = registration
    await prisma.ltiPlatform.create({
      data: {
        ...fields,
        organisationId: orgA.id,
        authLoginUrl: platform.url(AUTH_PATH),
        authTokenUrl: platform.url('/mod/lti/token.php'),
        jwksUrl: platform.jwksUrl,
        registeredVia: 'manual',
        status: 'active',
        deployments: { create: { deploymentId } },
      },
    })
  }
})

afterAll(async () => {
  await platform?.close()
})

describe('a launch from Moodle 4.x', () => {
  test('signs the learner in, in the platform organisation, and opens the linked lesson', async () => {
    const { result } = await launch(moodleShape(student('21'), lessonUrl()))
    expect(result.status, JSON.stringify(result.data)).toBe(303)
    expect(result.location).toBe(`/courses/${lesson.courseId}/${lesson.lessonKey}`)
    const setCookies = result.headers.getSetCookie()
    const session = setCookies.find((c) => c.startsWith(`${EMBEDDED_SESSION_COOKIE}=`))!
    expect(session).toContain('SameSite=None')
    expect(session).toContain('Secure')
    expect(session).toContain('Partitioned')
    expect(setCookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false)

    // The embedded cookie signs the person in (inside the iframe the normal cookie is absent).
    const cookie = session.split(';')[0]!
    const user = await getUser(getRequest('/dashboard', cookie))
    expect(user?.name).toBe('Sanne de Vries')
    // Linked by the platform's sub; the platform's e-mail is not taken as the login.
    expect(user?.email).toMatch(/@lti\.invalid$/)
    const membership = await prisma.membership.findFirstOrThrow({
      where: { userId: user!.id },
      select: { organisationId: true, roles: { select: { role: true } } },
    })
    expect(membership).toEqual({ organisationId: orgA.id, roles: [{ role: 'learner' }] })
    const link = await prisma.ltiResourceLink.findFirstOrThrow({
      where: { resourceLinkId: '3', platform: { clientId: MOODLE.clientId } },
      include: { context: true, launches: true },
    })
    expect(link).toMatchObject({
      targetKind: 'lesson',
      targetRef: `${lesson.courseId}/${lesson.lessonKey}`,
      lineItemUrl: platform.url('/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1'),
      context: { contextId: '2', title: 'Teamleider contactcenter' },
    })
    expect(link.context?.membershipsUrl).toContain('/memberships')
    expect(link.launches).toHaveLength(1)

    // The same person again: the same account, the same launch row.
    const before = await written()
    const again = await launch(moodleShape(student('21'), lessonUrl()))
    expect(again.result.status).toBe(303)
    const after = await written()
    expect({ ...after, sessions: 0 }).toEqual({ ...before, sessions: 0 })
  })

  test('a link placed by hand with the tool URL names its target in a custom parameter', async () => {
    const { result } = await launch(
      moodleShape(student('23'), toolUrl(env.PUBLIC_URL, '/'), {
        resourceLink: { id: '9', title: 'Met de hand geplaatst' },
        custom: { leerplein_target: `lesson:${lesson.courseId}/${lesson.lessonKey}` },
      }),
    )
    expect(result.location).toBe(`/courses/${lesson.courseId}/${lesson.lessonKey}`)
  })

  test('an embedded session cookie only opens embedded sessions, and the other way round', async () => {
    const { result } = await launch(moodleShape(student('22'), lessonUrl()))
    const session = result.headers
      .getSetCookie()
      .find((c) => c.startsWith(EMBEDDED_SESSION_COOKIE))!
    const token = session.split(';')[0]!.split('=')[1]!
    expect(await getUser(getRequest('/dashboard', `${SESSION_COOKIE}=${token}`))).toBeNull()
    expect(
      await getUser(getRequest('/dashboard', `${EMBEDDED_SESSION_COOKIE}=${token}`)),
    ).not.toBeNull()
  })
})

describe('a launch from Canvas', () => {
  test('with azp, opaque ids and nulls: opens the work process page', async () => {
    const target = targetUrl(env.PUBLIC_URL, {
      kind: 'work-process',
      dossierSlug: 'contactcenter-teamleider',
      code: 'TL-K2-W3',
    })
    const { result } = await launch(
      canvasShape(student('535fa085-f22b-4655-f48c-d5a36a9215f6'), target),
    )
    expect(result.status, JSON.stringify(result.data)).toBe(303)
    expect(result.location).toBe('/work-processes/contactcenter-teamleider/TL-K2-W3')
  })

  test("a teacher's deep-linking request opens our catalogue; a learner's is refused", async () => {
    const shape = canvasShape(teacher, toolUrl(env.PUBLIC_URL, LTI_PATHS.deepLinking), {
      messageType: 'LtiDeepLinkingRequest',
      deepLinkReturnUrl: platform.url('/courses/1/deep_linking_response'),
      deepLinkData: 'opaque-canvas-data',
    })
    const { result } = await launch(shape)
    expect(result.status, JSON.stringify(result.data)).toBe(303)
    const id = result.location!.split('/').pop()!
    expect(result.location).toBe(`${LTI_PATHS.deepLinking}/${id}`)
    const request = await prisma.ltiDeepLinkingRequest.findUniqueOrThrow({ where: { id } })
    expect(request).toMatchObject({
      returnUrl: platform.url('/courses/1/deep_linking_response'),
      data: 'opaque-canvas-data',
      deploymentId: CANVAS.deploymentId,
      acceptMultiple: true,
    })
    const learner = await launch({ ...shape, person: student('77') })
    expect(learner.result.location).toBe('/lti/problem/not-instructor')
  })
})

describe('bad input is refused clearly and writes nothing', () => {
  async function refused(run: () => Promise<Outcome>, status: number, reason: string) {
    const before = await written()
    const outcome = await run()
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(303)
    expect(outcome.location).toBe(`/lti/problem/${reason}`)
    // The page that says why answers with the status that fits.
    const page = await call(problemPage.loader, getRequest(outcome.location!), { reason })
    expect(page.status).toBe(status)
    expect(await written()).toEqual(before)
  }

  test('an id_token with a bad signature', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    await refused(
      async () =>
        (
          await launch(moodleShape(student('31'), lessonUrl()), {
            signWith: (claims) =>
              jwt.sign(claims, privateKey, { algorithm: 'RS256', keyid: platform.kid }),
          })
        ).result,
      401,
      'signature',
    )
  })

  test('an unknown issuer at the login initiation', async () => {
    const { initiation } = desk.prepare(moodleShape(student('32'), lessonUrl()))
    const params = new URLSearchParams({ ...initiation, iss: 'https://moodle.onbekend.example' })
    await refused(
      () => call(loginRoute.loader, getRequest(`/lti/login?${params}`)),
      403,
      'unknown-platform',
    )
  })

  test('an unknown deployment_id', async () => {
    await refused(
      async () =>
        (await launch(moodleShape(student('33'), lessonUrl(), { deploymentId: '99' }))).result,
      400,
      'deployment',
    )
  })

  test('a replayed launch: the same post again, and the same id_token under a new state', async () => {
    const first = await launch(moodleShape(student('34'), lessonUrl()))
    expect(first.result.status).toBe(303)
    await refused(() => post(first.fields, first.cookie), 401, 'state')
    // A fresh login gives a fresh state and nonce; the old token's nonce does not match.
    const { initiation } = desk.prepare(moodleShape(student('34'), lessonUrl()))
    const login = await call(
      loginRoute.loader,
      getRequest(`/lti/login?${new URLSearchParams(initiation)}`),
    )
    const state = new URL(login.location!).searchParams.get('state')!
    await refused(
      () => post({ id_token: first.fields.id_token!, state }, cookieFrom(login)),
      401,
      'nonce',
    )
  })

  test('an expired id_token', async () => {
    await refused(
      async () =>
        (await launch(moodleShape(student('35'), lessonUrl()), { lifetimeSeconds: -120 })).result,
      401,
      'expired',
    )
  })

  test("a launch for another organisation's course", async () => {
    const target = targetUrl(env.PUBLIC_URL, {
      kind: 'lesson',
      courseId: foreignCourse.courseId,
      lessonKey: foreignCourse.lessonKeys[0]!,
    })
    await refused(
      async () => (await launch(moodleShape(student('36'), target))).result,
      403,
      'foreign-course',
    )
  })

  test('a token for another audience, and a launch finished in another browser', async () => {
    await refused(
      async () =>
        (
          await launch(moodleShape(student('37'), lessonUrl()), {
            tamper: (claims) => ({ ...claims, aud: 'another-tool' }),
          })
        ).result,
      401,
      'audience',
    )
    await refused(
      async () =>
        (await launch(moodleShape(student('38'), lessonUrl()), {}, { dropState: true })).result,
      401,
      'state',
    )
  })

  test('a target that differs from the one the login named, and missing claims', async () => {
    await refused(
      async () =>
        (
          await launch(moodleShape(student('39'), lessonUrl()), {
            tamper: (claims) => ({
              ...claims,
              'https://purl.imsglobal.org/spec/lti/claim/target_link_uri': toolUrl(
                env.PUBLIC_URL,
                '/courses',
              ),
            }),
          })
        ).result,
      400,
      'claims',
    )
    await refused(
      async () =>
        (
          await launch(moodleShape(student('40'), lessonUrl()), {
            tamper: ({ 'https://purl.imsglobal.org/spec/lti/claim/version': _, ...claims }) =>
              claims,
          })
        ).result,
      400,
      'claims',
    )
  })

  test('a platform registration waiting for confirmation cannot launch', async () => {
    await prisma.ltiPlatform.update({
      where: { issuer_clientId: { issuer: platform.issuer, clientId: MOODLE.clientId } },
      data: { status: 'pending' },
    })
    try {
      const { initiation } = desk.prepare(moodleShape(student('41'), lessonUrl()))
      await refused(
        () => call(loginRoute.loader, getRequest(`/lti/login?${new URLSearchParams(initiation)}`)),
        403,
        'pending',
      )
    } finally {
      await prisma.ltiPlatform.update({
        where: { issuer_clientId: { issuer: platform.issuer, clientId: MOODLE.clientId } },
        data: { status: 'active' },
      })
    }
  })

  test('a member the organisation deactivated stays out', async () => {
    const first = await launch(moodleShape(student('42'), lessonUrl()))
    expect(first.result.status).toBe(303)
    const ltiUser = await prisma.ltiUser.findFirstOrThrow({ where: { subject: '42' } })
    await prisma.membership.updateMany({
      where: { userId: ltiUser.userId },
      data: { deactivatedAt: new Date() },
    })
    await refused(
      async () => (await launch(moodleShape(student('42'), lessonUrl()))).result,
      403,
      'no-access',
    )
  })
})
