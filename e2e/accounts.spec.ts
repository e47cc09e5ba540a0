import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { linkFromOutbox, logIn } from './auth.ts'

test('an employer invites someone, who signs up, logs out and logs in again', async ({
  page,
  browser,
}) => {
  const email = `nieuwe.collega.${Date.now()}@noord.demo.test`
  await logIn(page, 'werkgever@noord.demo.test')
  await page.getByRole('link', { name: 'Werkgever' }).click()
  await page.getByRole('link', { name: 'Uitnodigingen' }).first().click()
  await expectNoSeriousA11yViolations(page)
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Team Retentie' })
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click()
  await expect(page.getByRole('status')).toContainText(email)
  await page.getByRole('button', { name: 'Uitloggen' }).click()

  const link = await linkFromOutbox(browser, email, '/invite')
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uitnodiging')
  await expectNoSeriousA11yViolations(page)
  await page.getByLabel('Naam').fill('Nadia Yilmaz')
  await page.getByLabel('Nieuw wachtwoord').fill('Mijn-eigen-wachtwoord')
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('Mijn-eigen-wachtwoord')
  await page.getByRole('button', { name: 'Account aanmaken en deelnemen' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom, Nadia Yilmaz')
  await expect(page.getByText('Klantcontact Noord')).toBeVisible()

  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible()
  await logIn(page, email, 'Mijn-eigen-wachtwoord')

  // The link was for one use only.
  await page.goto(link)
  await expect(page.getByRole('alert')).toHaveText('Deze uitnodiging is al gebruikt.')
})

test('a forgotten password is reset through the outbox', async ({ page, browser }) => {
  const email = 'iris.kok@noord.demo.test'
  await page.goto('/login')
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wachtwoord vergeten')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByRole('button', { name: 'Stuur de link' }).click()
  await expect(page.getByRole('status')).toContainText('e-mail onderweg')

  const link = await linkFromOutbox(browser, email, '/reset-password')
  await page.goto(link)
  await page.getByLabel('Nieuw wachtwoord').fill('Iris-nieuw-wachtwoord')
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('Iris-nieuw-wachtwoord')
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click()
  await expect(page.getByRole('status')).toContainText('Je wachtwoord is gewijzigd')
  await logIn(page, email, 'Iris-nieuw-wachtwoord')
})

test('an employer changes a role and it takes effect', async ({ page, browser }) => {
  const learnerContext = await browser.newContext()
  const learner = await learnerContext.newPage()
  await logIn(learner, 'bram.peters@noord.demo.test')
  expect((await learner.goto('/trainer'))?.status()).toBe(403)
  await expect(learner.getByRole('link', { name: 'Trainer' })).toHaveCount(0)

  await logIn(page, 'werkgever@noord.demo.test')
  await page.goto('/orgs/klantcontact-noord/members')
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('link', { name: 'Bram Peters' }).click()
  await page.getByLabel('trainer', { exact: true }).check()
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByRole('status')).toHaveText('Opgeslagen.')

  await learner.goto('/dashboard')
  await learner.getByRole('link', { name: 'Trainer' }).click()
  await expect(learner.getByRole('heading', { level: 1 })).toHaveText('Trainer')
  await learnerContext.close()
})

test('a wrong password gets a clear, accessible error', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill('niemand@noord.demo.test')
  await page.getByLabel('Wachtwoord', { exact: true }).fill('verkeerd-wachtwoord')
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'Dit e-mailadres en wachtwoord horen niet bij elkaar.',
  )
  await expectNoSeriousA11yViolations(page)
})
