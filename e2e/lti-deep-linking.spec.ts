import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import {
  addDeepLinkingReturn,
  DEEP_LINKING_RETURN_PATH,
} from '../tests/lti-platform/deep-linking.ts'
import { startTestPlatform, type TestPlatform } from '../tests/lti-platform/platform.ts'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { logIn } from './auth.ts'

/**
 * Deep linking in the browser: the teacher's page at phone width (as narrow as a platform's
 * iframe gets), the choice, and the answer posted by the page itself to the test platform,
 * which verifies it with its own JWT library.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100)
const CLIENT_ID = 'e2e-leerplein'
const DEPLOYMENT_ID = 'e2e-deployment'

let platform: TestPlatform
test.afterAll(() => platform?.close())

test('a teacher picks all lessons of a work process and the platform receives them', async ({
  page,
}) => {
  platform = await startTestPlatform()
  const database = fs.readFileSync(`data/e2e-${PORT}/database-url`, 'utf8')
  const setup = execFileSync(
    'node',
    [
      '--import',
      'tsx',
      'e2e/lti-deep-linking-setup.ts',
      platform.issuer,
      platform.url(DEEP_LINKING_RETURN_PATH),
      CLIENT_ID,
      DEPLOYMENT_ID,
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: database,
        SIGNING_KEY_DIR: `data/e2e-${PORT}/keys`,
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
    },
  )
  const { requestId, jwks } = JSON.parse(setup) as { requestId: string; jwks: { keys: object[] } }
  const moodle = addDeepLinkingReturn(platform, {
    clientId: CLIENT_ID,
    toolJwks: jwks,
    deploymentId: DEPLOYMENT_ID,
    data: 'e2e-section-1',
  })

  await page.setViewportSize({ width: 390, height: 844 })
  await logIn(page, 'trainer@demo.test')
  await page.goto(`/lti/deep-linking/${requestId}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inhoud kiezen')
  await page.getByLabel('Zoeken').fill('TL-K2-W3')
  const allLessons = page.getByLabel(/Alle lessen van werkproces TL-K2-W3/)
  await expect(allLessons).toBeVisible()
  // The filter left the other work processes out of sight.
  await expect(page.getByText('TL-K2-W2', { exact: false }).first()).toBeHidden()
  await allLessons.check()
  const fits = await page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  )
  expect(fits).toBe(true)
  await expectNoSeriousA11yViolations(page)

  await page.getByRole('button', { name: 'Plaatsen in Moodle e2e' }).click()
  await expect(page.locator('body')).toContainText('item(s) added to the course')
  expect(moodle.received).toHaveLength(1)
  const targets = moodle.received[0]!.items.map((i) => i.custom?.leerplein_target)
  expect(targets.length).toBeGreaterThan(1)
  expect(targets.every((t) => t?.startsWith('lesson:'))).toBe(true)
})
