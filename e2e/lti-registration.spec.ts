import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { logIn } from './auth.ts'

// The org admin's LTI page in a real browser: our addresses, a manual registration with its
// field errors, and a one-time link that the platform's administrator opens. The server runs
// as in production, where a platform's addresses must be https (no loopback), so the manual
// registration uses a school's addresses that are never fetched here.
const MOODLE = 'https://moodle.roc-e2e.example'
test('the employer registers a platform by hand and makes a dynamic registration link', async ({
  page,
}) => {
  await logIn(page, 'werkgever@noord.demo.test')
  await page.goto('/orgs/klantcontact-noord/members')
  await page.getByRole('link', { name: 'LTI-koppelingen' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('LTI-koppelingen')
  await expect(page.locator('code', { hasText: /\/lti\/login$/ })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Cursussen en roosters' })).toHaveAttribute(
    'href',
    '/orgs/klantcontact-noord/lti/courses',
  )
  await expectNoSeriousA11yViolations(page)

  const form = page.locator('form#lti-register')
  await form.getByLabel('Naam').fill('ROC Moodle')
  await form.getByLabel('Issuer (platform-ID)').fill('http://moodle.roc.example')
  await form.getByRole('button', { name: 'Platform registreren' }).click()
  await expect(form.getByText('Vul een https-adres in.').first()).toBeVisible()
  await expect(form.getByText('Vul minstens één deployment-ID in.')).toBeVisible()

  await form.getByLabel('Issuer (platform-ID)').fill(MOODLE)
  await form.getByLabel('Client-ID').fill('e2e-client')
  await form.getByLabel('Authenticatie-URL').fill(`${MOODLE}/mod/lti/auth.php`)
  await form.getByLabel('Token-URL').fill(`${MOODLE}/mod/lti/token.php`)
  await form.getByLabel('Sleutelset-URL (JWKS)').fill(`${MOODLE}/mod/lti/certs.php`)
  await form.getByLabel("Deployment-ID's, één per regel").fill('1')
  // Enter in a field sends the form (a click could miss the button while the errors above
  // it disappear on blur).
  await form.getByLabel('Client-ID').press('Enter')
  const card = page.locator(`[data-platform="${MOODLE}"]`)
  await expect(card).toContainText('Actief')
  await expect(card.getByRole('row', { name: /^1/ })).toBeVisible()

  await page.getByRole('button', { name: 'Koppellink voor dynamische registratie maken' }).click()
  const link = await page.locator('[data-registration-link]').textContent()
  expect(link).toMatch(/\/lti\/register\/[a-z0-9]+$/)
  await page.goto(
    `${link}?openid_configuration=${encodeURIComponent(`${MOODLE}/mod/lti/openid-configuration.php`)}`,
  )
  await expect(page.getByRole('button', { name: 'Registreren bij Leerplein' })).toBeVisible()
  await expect(page.getByText('Klantcontact Noord').first()).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})
