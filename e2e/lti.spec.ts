import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import type { LaunchShape } from '../tests/lti-platform/claim-sets.ts'
import {
  addDeepLinkingReturn,
  DEEP_LINKING_RETURN_PATH,
} from '../tests/lti-platform/deep-linking.ts'
import { addCoursePage, addLaunches, AUTH_PATH } from '../tests/lti-platform/launches.ts'
import { startTestPlatform, type TestPlatform } from '../tests/lti-platform/platform.ts'
import { addServices } from '../tests/lti-platform/services.ts'

/**
 * The whole LTI journey in the browser, inside the platform's page: the test platform (on
 * `localhost`, another site than the app on 127.0.0.1) frames our tool. A teacher places a
 * lesson with deep linking; a learner opens it from the platform, completes it inside the
 * iframe, and the platform's gradebook receives the score through our job queue.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100)
const APP = `http://127.0.0.1:${PORT}`
const CLIENT_ID = 'e2e-moodle-client'
const DEPLOYMENT_ID = '1'
const DATA = 'e2e-sectie-2'

let platform: TestPlatform
test.afterAll(() => platform?.close())

test('a teacher places a lesson, a learner completes it in the iframe, the gradebook gets the score', async ({
  page,
}) => {
  test.setTimeout(120_000)
  platform = await startTestPlatform()
  const desk = addLaunches(platform, { redirectUri: `${APP}/lti/launch` })
  const services = addServices(platform, { clientId: CLIENT_ID, toolJwks: `${APP}/lti/jwks` })
  const returned = addDeepLinkingReturn(platform, {
    clientId: CLIENT_ID,
    toolJwks: `${APP}/lti/jwks`,
    deploymentId: DEPLOYMENT_ID,
    data: DATA,
  })
  const course = addCoursePage(platform, `${APP}/lti/login`)
  const browserAuth = new URL(platform.url(AUTH_PATH))
  browserAuth.hostname = 'localhost'
  execFileSync(
    'node',
    [
      '--import',
      'tsx',
      'e2e/lti-setup.ts',
      JSON.stringify({
        organisation: 'leerbedrijf-oost',
        name: 'Moodle e2e',
        issuer: platform.issuer,
        clientId: CLIENT_ID,
        deploymentId: DEPLOYMENT_ID,
        authLoginUrl: browserAuth.href,
        authTokenUrl: services.tokenUrl,
        jwksUrl: platform.jwksUrl,
      }),
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: fs.readFileSync(`data/e2e-${PORT}/database-url`, 'utf8'),
        LOG_LEVEL: 'silent',
      },
    },
  )
  const shape = (extra: Partial<LaunchShape>): LaunchShape => ({
    family: 'moodle',
    issuer: platform.issuer,
    platformUrl: platform.issuer,
    clientId: CLIENT_ID,
    deploymentId: DEPLOYMENT_ID,
    targetLinkUri: `${APP}/lti/deep-linking`,
    person: {
      sub: '5',
      name: 'Ingrid Smeets',
      givenName: 'Ingrid',
      familyName: 'Smeets',
      email: 'i.smeets@roc.example',
      teacher: true,
    },
    ...extra,
  })

  // The teacher adds "external tool content": our catalogue opens inside the platform's page.
  await page.goto(
    course.pageFor(
      desk.prepare(
        shape({
          messageType: 'LtiDeepLinkingRequest',
          deepLinkReturnUrl: platform.url(DEEP_LINKING_RETURN_PATH),
          deepLinkData: DATA,
        }),
      ),
    ),
  )
  const tool = page.frameLocator('iframe[title=Leerplein]')
  await expect(tool.getByRole('heading', { level: 1 })).toHaveText('Inhoud kiezen')
  await tool.getByLabel('Zoeken').fill('coachingsgesprek')
  await tool.getByLabel('Het coachingsgesprek', { exact: true }).check()
  await tool.getByRole('button', { name: 'Plaatsen in Moodle e2e' }).click()
  await expect(tool.locator('body')).toContainText('item(s) added to the course')
  const placed = returned.received[0]!.items[0]!
  expect(placed.url).toBe(`${APP}/courses/tl-k2-coachen/tl-k2-w3-coachgesprek`)

  // A learner opens the placed link from the platform: the lesson, inside the iframe.
  const lineItem = services.lineItemUrl('2', '7')
  const learner = {
    sub: `e2e-${Date.now()}`,
    name: 'Yara Koster',
    givenName: 'Yara',
    familyName: 'Koster',
    email: 'y.koster@student.roc.example',
  }
  await page.goto(
    course.pageFor(
      desk.prepare(
        shape({
          targetLinkUri: placed.url!,
          person: learner,
          resourceLink: { id: '41', title: placed.title! },
          lineItem,
        }),
      ),
    ),
  )
  await expect(tool.getByRole('heading', { level: 1 })).toHaveText('Het coachingsgesprek')
  await tool.getByRole('button', { name: 'Markeer als afgerond' }).click()
  await expect(tool.getByRole('button', { name: 'Markeer als afgerond' })).toBeHidden()

  // The job queue posts the score; the platform's gradebook shows the lesson completed.
  await expect
    .poll(() => services.gradebook('2', '7').get(learner.sub), { timeout: 30_000 })
    .toMatchObject({ scoreGiven: 1, scoreMaximum: 1, activityProgress: 'Completed' })
})
