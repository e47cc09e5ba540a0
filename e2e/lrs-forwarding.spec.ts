import { expect, test } from '@playwright/test'
import { startTestLrs, type TestLrs } from '../tests/lrs-server.ts'
import { logIn } from './auth.ts'
import { runSetup } from './run-setup.ts'

// One test LRS for the file; the connection is removed at the end, so other spec files
// never send to it.
test.describe.configure({ mode: 'serial' })

const SECRET = 'e2e-lrs-geheim'
let lrs: TestLrs

test.beforeAll(async () => {
  lrs = await startTestLrs({ username: 'leerplein-e2e', secret: SECRET })
})
test.afterAll(() => lrs.close())

test('an org admin connects the LRS, tests it, and the learning records arrive', async ({
  page,
}) => {
  await logIn(page, 'werkgever@callforce.demo.test')
  await page.goto('/orgs/callforce')
  await page.getByRole('link', { name: 'Doorsturen naar uw LRS' }).click()
  await expect(page.getByText('Er is nog geen LRS ingesteld.')).toBeVisible()

  // Not an https address: a field error, nothing saved.
  await page.getByLabel('xAPI-endpoint van uw LRS').fill('ftp://lrs.example.nl/xapi/')
  await page.getByLabel('Gebruikersnaam (key)').fill('leerplein-e2e')
  await page.getByLabel('Wachtwoord (secret)').fill(SECRET)
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByText('Vul een https-adres in')).toBeVisible()

  // Plain http (our loopback LRS) is refused in production too: only https.
  await page.getByLabel('xAPI-endpoint van uw LRS').fill(lrs.endpoint)
  await page.getByLabel('Wachtwoord (secret)').fill(SECRET)
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByText('Vul een https-adres in')).toBeVisible()

  // So the connection to it is written as the page would write an https one.
  runSetup('e2e/lrs-forwarding-setup.ts', ['callforce', lrs.endpoint, 'leerplein-e2e', SECRET])
  await page.reload()
  await expect(page.getByText('Er is een wachtwoord ingesteld')).toBeVisible()
  expect(await page.content()).not.toContain(SECRET)

  await page.getByRole('button', { name: 'Verbinding testen' }).click()
  await expect(page.getByText('De LRS is bereikbaar en spreekt xAPI.')).toBeVisible()
  await expect(page.getByText('De LRS accepteert de inloggegevens.')).toBeVisible()

  await page.getByRole('button', { name: 'Doorsturen pauzeren' }).click()
  await expect(page.getByText('Gepauzeerd')).toBeVisible()
  await page.getByRole('button', { name: 'Doorsturen hervatten' }).click()
  // Paused and resumed: resuming starts the backlog of the organisation's learners, which
  // goes out through the job queue.
  await expect(async () => {
    await page.reload()
    expect(Number(await page.locator('[data-sent]').textContent())).toBeGreaterThan(0)
    expect(await page.locator('[data-waiting]').textContent()).toBe('0')
  }).toPass({ timeout: 30_000 })
  expect(lrs.stored.size).toBeGreaterThan(0)
  expect([...lrs.arrivals.values()].every((count) => count === 1)).toBe(true)

  await page.getByRole('button', { name: 'Koppeling verwijderen' }).click()
  await expect(page.getByText('Er is nog geen LRS ingesteld.')).toBeVisible()
})
