import { expect, test, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from './auth.ts'

const ORG = '/orgs/klantcontact-noord'

async function submitLogin(page: Page, email: string) {
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
}

/**
 * Each role's first page after login is the page its work is on (issue #19): the demo data
 * gives every role one person. Joost Bakker (team leader) and Peter van Dijk (trainer) are
 * also assessors, and the demo leaves evidence waiting for them, so theirs is the queue.
 */
const LANDINGS = [
  { role: 'a learner', email: 'leerling@noord.demo.test', url: '/dashboard', heading: /Lotte/ },
  {
    role: 'an employer admin',
    email: 'werkgever@noord.demo.test',
    url: `${ORG}/matrix`,
    heading: /Klantcontact Noord/,
  },
  {
    role: 'a team leader with evidence to judge',
    email: 'teamleider@noord.demo.test',
    url: `${ORG}/assessments`,
    heading: /Te beoordelen: Klantcontact Noord/,
  },
  {
    role: 'a quality coach',
    email: 'kwaliteit@noord.demo.test',
    url: `${ORG}/quality`,
    heading: /Kwaliteit: Klantcontact Noord/,
  },
  {
    // Evidence waits for the trainer at both demo organisations: the first by name wins.
    role: 'a trainer and assessor with evidence to judge',
    email: 'trainer@demo.test',
    url: '/orgs/callforce/assessments',
    heading: /Te beoordelen: CallForce BV/,
  },
  { role: 'a platform admin', email: 'admin@demo.test', url: '/admin', heading: /Platformbeheer/ },
] as const

for (const { role, email, url, heading } of LANDINGS) {
  test(`${role} lands on ${url} after login, and again on opening /login`, async ({ page }) => {
    await page.goto('/login')
    await submitLogin(page, email)
    await expect(page).toHaveURL(url)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)

    // Already signed in: the login page sends them to work instead of asking again.
    await page.goto('/login')
    await expect(page).toHaveURL(url)
  })
}

test('the page someone asked for still wins over the landing page', async ({ page }) => {
  await page.goto(`${ORG}/members`)
  await expect(page).toHaveURL(/\/login\?redirectTo=/)
  await submitLogin(page, 'werkgever@noord.demo.test')
  await expect(page).toHaveURL(`${ORG}/members`)
})
