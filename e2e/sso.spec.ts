import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import {
  startLocalProvider,
  type LocalPerson,
  type LocalProvider,
} from '../app/integrations/oidc/local-provider.ts'
import { DEMO_PASSWORD, logIn } from './auth.ts'

// One provider for the file, so its tests run in order in one worker; other spec files
// never use single sign-on, so pointing Noord at this provider does not disturb them.
test.describe.configure({ mode: 'serial' })

const PORT = Number(process.env.E2E_PORT ?? 3100)
const CLIENT = {
  id: 'leerplein-e2e',
  secret: 'e2e-geheim-2026',
  redirectUris: [`http://127.0.0.1:${PORT}/auth/sso/callback`],
}
const NEWCOMER = { email: 'nieuwkomer.e2e@noord.demo.test', name: 'Nina Nieuwkomer' }
const people: LocalPerson[] = [
  { sub: 'e2e-lotte', email: 'leerling@noord.demo.test', name: 'Lotte Visser', groups: [] },
  { sub: 'e2e-nina', ...NEWCOMER, groups: ['sg-retentie'] },
]
const ZUID = {
  slug: 'e2e-servicedesk-zuid',
  domain: 'zuid.e2e.test',
  email: 'zoe@zuid.e2e.test',
}
let idp: LocalProvider

test.beforeAll(async ({ browser }) => {
  idp = await startLocalProvider({ client: CLIENT, people })
  // Noord's employer points the organisation at this provider through the settings page.
  const page = await browser.newPage()
  await logIn(page, 'werkgever@noord.demo.test')
  await page.goto('/orgs/klantcontact-noord/sso')
  await page.getByLabel('Issuer-URL (voor discovery)').fill(idp.issuer)
  await page.getByLabel('Client-ID').fill(CLIENT.id)
  await page.getByLabel('Clientgeheim').fill(CLIENT.secret)
  await page.getByLabel('E-maildomeinen van de organisatie').fill('noord.demo.test')
  await page.getByLabel('Maak een account aan bij de eerste login').check()
  await page.getByLabel('Groep naar team').fill('sg-retentie = Team Retentie')
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click()
  await expect(page.getByRole('status')).toContainText('opgeslagen')
  // The secret is never shown again: only that one is set.
  await expect(page.getByText('Er is een geheim opgeslagen')).toBeVisible()
  await page.close()

  const database = fs.readFileSync(`data/e2e-${PORT}/database-url`, 'utf8')
  execFileSync(
    'node',
    ['--import', 'tsx', 'e2e/sso-setup.ts', ZUID.slug, ZUID.domain, ZUID.email, DEMO_PASSWORD],
    {
      env: { ...process.env, DATABASE_URL: database, SIGNING_KEY_DIR: `data/e2e-${PORT}/keys` },
      stdio: 'inherit',
    },
  )
})

test.afterAll(async () => {
  await idp?.close()
})

async function workAccountLogin(page: Page, email: string) {
  await page.goto('/login')
  await page.getByLabel('Werkmailadres').fill(email)
  await page.getByRole('button', { name: 'Verder met je werkaccount' }).click()
}

test('a Noord learner logs in through the provider with their work e-mail', async ({ page }) => {
  await workAccountLogin(page, 'leerling@noord.demo.test')
  // At the organisation's provider, with the address already filled in.
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`))
  await expect(page.getByLabel('E-mailadres bij de demo-inlogdienst')).toHaveValue(
    'leerling@noord.demo.test',
  )
  await page.getByRole('button', { name: 'Aanmelden bij de demo-inlogdienst' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(page.getByRole('banner')).toContainText('Lotte Visser')
})

test('a first-time person is created just-in-time in the team their groups claim names', async ({
  page,
  browser,
}) => {
  await workAccountLogin(page, NEWCOMER.email)
  await page.getByRole('button', { name: 'Aanmelden bij de demo-inlogdienst' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)

  const employer = await browser.newPage()
  await logIn(employer, 'werkgever@noord.demo.test')
  await employer.goto('/orgs/klantcontact-noord/members')
  const row = employer.getByRole('row').filter({ hasText: NEWCOMER.email })
  await expect(row).toContainText(NEWCOMER.name)
  await expect(row).toContainText('Team Retentie')
  await employer.close()
})

test("a CallForce address is not sent to Noord's provider", async ({ page }) => {
  const toProvider: string[] = []
  page.on('request', (request) => {
    if (request.url().startsWith(idp.issuer)) toProvider.push(request.url())
  })
  await workAccountLogin(page, 'jeroen.willems@callforce.demo.test')
  await expect(page.getByText('Voor dit e-maildomein is geen werkaccount ingesteld')).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
  expect(toProvider).toEqual([])
})

test('password login is refused for an organisation that switched it off', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill(ZUID.email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(
    page.getByText('Je organisatie heeft inloggen met een wachtwoord uitgezet'),
  ).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
  // A Noord member still logs in with a password: only Zuid switched it off.
  await logIn(page, 'daan.mulder@noord.demo.test')
})
