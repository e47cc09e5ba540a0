import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { logIn } from './auth.ts'

const LEARNER = 'leerling@noord.demo.test'

/** The page fits the screen: nothing sticks out sideways. */
async function expectNoHorizontalOverflow(page: Page) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ])
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth)
}

test('a learner opens a work process from the dashboard: status, lessons and the next step', async ({
  page,
}) => {
  await logIn(page, LEARNER)
  // A work process she is learning: its core task is open, its line links to her own page.
  const line = page.locator('li[data-work-process^="TL-"]', { hasText: 'Aan het leren' }).first()
  const code = await line.getAttribute('data-work-process')
  expect(code).toMatch(/^TL-K\d-W\d$/)
  await line.locator('a.wp-title').click()
  await expect(page).toHaveURL(`/work-processes/contactcenter-teamleider/${code}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(code!)

  const status = page.getByRole('region', { name: 'Jouw stap' })
  await expect(status.locator('.ladder-badge')).toHaveText('Aan het leren')
  await expect(status.getByRole('progressbar')).toHaveAttribute(
    'aria-label',
    `${code}: Aan het leren`,
  )

  // Learning means at least one lesson done and at least one still open.
  const lessons = page.getByRole('region', { name: 'Lessen en toetsen' }).locator('li[data-lesson]')
  await expect(lessons.filter({ hasText: 'Afgerond' }).first()).toBeVisible()
  const open = lessons.filter({ hasText: 'Nog te doen' }).first()
  await expect(open).toBeVisible()
  const openTitle = (await open.getByRole('link').textContent())!.trim()

  // The next step is one button: start the first open lesson.
  const next = status.getByRole('link', { name: /^Start: / })
  await expect(next).toHaveText(`Start: ${openTitle}`)
  await expect(page.getByRole('region', { name: 'Wat telt' })).toContainText('Kennis compleet')

  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 })
    await expectNoHorizontalOverflow(page)
    await expectNoSeriousA11yViolations(page)
  }
  await next.click()
  await expect(page).toHaveURL(new RegExp(`/courses/[^/]+/[^/]+$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(openTitle)
})

test('the dashboard fits a phone and passes axe at 390 and 1,280 px', async ({ page }) => {
  await logIn(page, LEARNER)
  await expect(page.getByRole('heading', { level: 2, name: 'Wat je nu kunt doen' })).toBeVisible()
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 })
    await expectNoHorizontalOverflow(page)
    await expectNoSeriousA11yViolations(page)
  }
})

test('the records page shows each badge and copies the share link', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
  const page = await context.newPage()
  await logIn(page, LEARNER)
  await page.goto('/records')
  const card = page.locator('li[data-record="TL-K2"]')
  const badge = card.locator('img.record-badge')
  await expect(badge).toHaveAttribute('alt', 'Badge TL-K2')
  expect(await badge.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(
    120,
  )
  const response = await page.request.get((await badge.getAttribute('src'))!)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/)
  expect(await response.text()).toContain('>TL-K2</text>')

  const link = await card.getByLabel('Deellink').inputValue()
  // Built from the configured public address (the test server's own).
  expect(link.startsWith(`${new URL(page.url()).origin}/records/`)).toBe(true)
  await card.getByRole('button', { name: 'Kopieer link' }).click()
  await expect(card.getByRole('status')).toHaveText('Link gekopieerd.')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)

  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 })
    await expectNoHorizontalOverflow(page)
    await expectNoSeriousA11yViolations(page)
  }

  // The public record page: the badge, the criteria as a list, alignments in words.
  await page.goto(link)
  await expect(page.locator('.record-heading img')).toHaveAttribute('alt', 'Badge TL-K2')
  await expect(page.getByText('(ext:')).toHaveCount(0)
  // A core task aligns to itself: its kind in words.
  await expect(page.getByText('(Kerntaak)').first()).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await context.close()
})

test('a work-process record lists its criteria one by one on the record page', async ({ page }) => {
  await logIn(page, LEARNER)
  await page.goto('/records')
  await page
    .locator('li[data-record^="TL-K"][data-record*="-W"]')
    .first()
    .getByRole('heading')
    .getByRole('link')
    .click()
  await expect(page).toHaveURL(/\/records\/[0-9a-f-]{36}$/)
  const criteria = page.locator('ol.criteria-list > li')
  await expect(criteria.first()).toContainText('vereist niveau')
  expect(await criteria.count()).toBeGreaterThan(1)
  await expect(page.getByText('(Werkproces)').first()).toBeVisible()
  await expect(page.getByText('(Competentie)').first()).toBeVisible()
  await expect(page.getByText('(ext:')).toHaveCount(0)

  // The verification page says the same of the credential itself, in words and as a list.
  const jwt = await (await page.request.get(`${page.url()}/credential.jwt`)).text()
  await page.goto('/verify')
  await page.getByLabel('Bewijs (JWT of JSON)').fill(jwt.trim())
  await page.getByRole('button', { name: 'Controleren' }).click()
  const result = page.getByRole('region', { name: 'Resultaat' })
  await expect(result.locator('ol.criteria-list > li').first()).toContainText('vereist niveau')
  await expect(result.getByText('(Werkproces)')).toBeVisible()
  await expect(result.getByText('(ext:')).toHaveCount(0)
  await expectNoSeriousA11yViolations(page)
})

test('an unknown work process answers 404', async ({ page }) => {
  await logIn(page, LEARNER)
  const response = await page.goto('/work-processes/contactcenter-teamleider/TL-K9-W9')
  expect(response?.status()).toBe(404)
})
