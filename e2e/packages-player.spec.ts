import { expect, test, type Browser, type Page } from '@playwright/test'
import { runSetup } from './run-setup.ts'

/**
 * Playing content packages (#21, decision 031): a SCORM 1.2 SCO in the sandboxed player,
 * saved on the server (resume on another device), moving the ladder when passed; and a
 * hostile package whose every attempt to leave its sandbox fails.
 */
const LEARNER = 'leerling@noord.demo.test'
const PASSWORD = 'Demo-Wachtwoord-2026'

type Setup = { dossierSlug: string; workProcessCode: string; sco: string; hostile: string }

/** Package courses of their own on every run (and retry), written by a child process. */
function setUpPackages(): Setup {
  return runSetup<Setup>('e2e/packages-player-setup.ts', [LEARNER])!
}

async function logIn(page: Page) {
  await page.goto('/login')
  await page.locator('input[form=login][name=email]').fill(LEARNER)
  await page.locator('input[form=login][name=password]').fill(PASSWORD)
  await page.locator('#login button[type=submit]').click()
  await expect(page).not.toHaveURL(/\/login(\?|$)/)
}

async function newDevice(browser: Browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  await logIn(page)
  return { context, page }
}

const player = (page: Page) => page.frameLocator('iframe[title^="Lesinhoud"]')

test('a SCORM 1.2 SCO: resumed on another device, passed, and the work process moves up', async ({
  browser,
}) => {
  const setup = setUpPackages()
  const workProcessPage = `/work-processes/${setup.dossierSlug}/${setup.workProcessCode}`

  // A visitor is asked to log in; no launch happens.
  const visitor = await browser.newContext()
  const anonymous = await visitor.newPage()
  await anonymous.goto(setup.sco)
  await expect(
    anonymous.getByRole('link', { name: 'Log in om dit pakket te spelen' }),
  ).toBeVisible()
  await expect(anonymous.locator('iframe')).toHaveCount(0)
  await visitor.close()

  // On a phone: start, turn two pages, then close the tab mid-way.
  const phone = await newDevice(browser, { width: 390, height: 844 })
  await phone.page.goto(workProcessPage)
  await expect(phone.page.getByText('stap 0 van 4')).toBeVisible()
  await phone.page.goto(setup.sco)
  await phone.page.getByRole('button', { name: 'Start' }).click()
  const frame = phone.page.locator('iframe[title^="Lesinhoud"]')
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-forms allow-popups')
  const box = await frame.boundingBox()
  expect(box!.width).toBeGreaterThan(300)
  expect(box!.width).toBeLessThanOrEqual(390)
  const sco = player(phone.page)
  await expect(sco.locator('#location')).toHaveText('pagina-1')
  await expect(sco.locator('#learner')).toHaveText('Lotte Visser')
  await expect(sco.locator('#entry')).toHaveText('ab-initio')
  await sco.getByRole('button', { name: 'Volgende' }).click()
  await expect(sco.locator('#status')).toHaveText('opgeslagen')
  await sco.getByRole('button', { name: 'Volgende' }).click()
  await expect(sco.locator('#location')).toHaveText('pagina-3')
  await expect(sco.locator('#status')).toHaveText('opgeslagen')
  await expect(phone.page.getByRole('status')).toContainText('Bezig')
  await phone.context.close()

  // Another device, another browser: it goes on where the phone left off.
  const desktop = await newDevice(browser)
  await desktop.page.goto(setup.sco)
  await expect(desktop.page.getByRole('status')).toContainText('Bezig')
  await desktop.page.getByRole('button', { name: 'Verder' }).click()
  const resumed = player(desktop.page)
  await expect(resumed.locator('#location')).toHaveText('pagina-3')
  await expect(resumed.locator('#entry')).toHaveText('resume')
  const wide = await desktop.page.locator('iframe[title^="Lesinhoud"]').boundingBox()
  expect(wide!.width).toBeGreaterThan(600)

  // Passed: the final commit (a beacon at LMSFinish) completes the lesson.
  await resumed.getByRole('button', { name: 'Afronden' }).click()
  await expect(resumed.locator('#status')).toHaveText('afgerond')
  await expect(async () => {
    await desktop.page.goto(setup.sco)
    await expect(desktop.page.getByRole('status').first()).toContainText('Afgerond', {
      timeout: 1000,
    })
  }).toPass({ timeout: 15_000 })
  await desktop.page.goto(workProcessPage)
  await expect(desktop.page.getByText('stap 1 van 4')).toBeVisible()
  await desktop.context.close()
})

test('a hostile package cannot leave its sandbox', async ({ browser, baseURL }) => {
  const setup = setUpPackages()
  const { context, page } = await newDevice(browser)
  await page.goto(setup.hostile)
  await page.getByRole('button', { name: 'Start' }).click()
  const frame = page.locator('iframe[title^="Lesinhoud"]')
  const src = await frame.getAttribute('src')
  expect(src).toMatch(/^\/package-content\/[\w-]+\/index\.html$/)

  // The content's own answer carries the sandbox, not the site's frame policy.
  const response = await page.request.get(`${baseURL}${src}`)
  const csp = response.headers()['content-security-policy']!
  expect(csp).toMatch(/^sandbox allow-scripts allow-forms allow-popups;/)
  expect(csp).toContain(`frame-ancestors ${baseURL}`)

  const hostile = page.frameLocator('iframe[title^="Lesinhoud"]')
  for (const id of ['cookie', 'dashboard', 'parent', 'statement', 'other']) {
    const outcome = hostile.locator(`#${id}`)
    await expect(outcome).not.toHaveText('bezig')
    await expect(outcome, id).toHaveText(/^geblokkeerd: /)
    await expect(outcome).not.toContainText('GELUKT')
    test.info().annotations.push({ type: id, description: (await outcome.textContent()) ?? '' })
  }
  // The player page is still ours, untouched.
  await expect(page).toHaveURL(new RegExp(`${setup.hostile}$`))
  await context.close()
})
