import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { DEMO_PASSWORD } from './auth.ts'

const PHONE = { width: 390, height: 844 }
const LAPTOP = { width: 1280, height: 800 }

/** Log in and wait for whatever page the role lands on (landing pages differ per role). */
async function signIn(page: Page, email: string) {
  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page).not.toHaveURL(/\/login/)
}

const mainMenu = (page: Page) => page.getByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ })

/** The distinct same-site addresses of the links `selector` finds, in page order. */
async function hrefsIn(page: Page, selector: string): Promise<string[]> {
  const hrefs = await page
    .locator(selector)
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))
  const origin = new URL(page.url()).origin
  return [...new Set(hrefs.filter((h) => h.startsWith(origin)).map((h) => h.split('#')[0]!))]
}

test('on a phone the menu is folded behind a button and every link is reachable', async ({
  page,
}) => {
  await page.setViewportSize(PHONE)
  await signIn(page, 'admin@demo.test')
  await page.goto('/dossiers')

  const button = page.getByRole('button', { name: 'Menu' })
  await expect(button).toBeVisible()
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  const controlled = await button.getAttribute('aria-controls')
  expect(controlled).toBeTruthy()
  await expect(mainMenu(page)).toBeHidden()
  await expectNoSeriousA11yViolations(page)

  await button.click()
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  await expect(page.locator(`#${controlled}`)).toBeVisible()
  const links = mainMenu(page).getByRole('link')
  const names = await links.allInnerTexts()
  expect(names.map((n) => n.trim())).toEqual([
    'Home',
    'Dossiers',
    'Competenties',
    'Cursussen',
    'Mijn overzicht',
    'Mijn bewijzen',
    'Trainer',
    'Beheer',
  ])
  for (const link of await links.all()) await expect(link).toBeVisible()
  // The current page is marked for screen readers too.
  await expect(mainMenu(page).getByRole('link', { name: 'Dossiers' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  // Account, logout and language are in the same menu, with their words written out.
  await expect(page.getByRole('link', { name: 'Eva Smit' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'English' })).toBeVisible()
  // Nothing in the open menu sticks out of the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  )
  await expectNoSeriousA11yViolations(page)

  // Following a link closes the menu again on the next page.
  await mainMenu(page).getByRole('link', { name: 'Cursussen' }).click()
  await expect(page).toHaveURL(/\/courses$/)
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await expect(mainMenu(page)).toBeHidden()

  // Escape closes it too, and gives the focus back to the button.
  await button.click()
  await expect(mainMenu(page)).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await expect(button).toBeFocused()
})

test('without JavaScript the phone menu stays open, so its links are still reachable', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE })
  const page = await context.newPage()
  await page.goto('/dossiers')
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden()
  await expect(mainMenu(page).getByRole('link', { name: 'Competenties' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible()
  await context.close()
})

test('on a 1,280 px laptop the whole menu of the role with most links fits one row', async ({
  page,
}) => {
  await page.setViewportSize(LAPTOP)
  await signIn(page, 'admin@demo.test')
  for (const language of ['nl', 'en'] as const) {
    if (language === 'en') {
      await page.getByRole('button', { name: 'English' }).click()
      await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    }
    await page.goto('/trainer')
    await expect(page.getByRole('button', { name: /^Menu$/ })).toBeHidden()
    const row = await page.evaluate(() => {
      const items = [...document.querySelectorAll<HTMLElement>('.site-nav li')]
      const header = document.querySelector<HTMLElement>('.site-header')!
      const account = [...document.querySelectorAll<HTMLElement>('.account-menu > *')]
      const middle = (e: HTMLElement) => {
        const r = e.getBoundingClientRect()
        return Math.round(r.top + r.height / 2)
      }
      return {
        count: items.length,
        navTops: [...new Set(items.map((li) => li.offsetTop))],
        // Account and language line up with the links (centred in the same row).
        middles: [...new Set([...items, ...account].map(middle))],
        headerHeight: header.getBoundingClientRect().height,
        scrollWidth: document.documentElement.scrollWidth,
      }
    })
    expect(row.count, language).toBe(8)
    expect(row.navTops, language).toHaveLength(1)
    expect(Math.max(...row.middles) - Math.min(...row.middles), language).toBeLessThanOrEqual(2)
    expect(row.headerHeight, language).toBeLessThan(72)
    expect(row.scrollWidth, language).toBeLessThanOrEqual(LAPTOP.width)
    await expect(mainMenu(page).getByRole('link', { name: 'Trainer' })).toHaveAttribute(
      'aria-current',
      'page',
    )
  }
  await expectNoSeriousA11yViolations(page)
})

test('the first page load asks for no missing file (favicon included)', async ({ page }) => {
  const failed: string[] = []
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`)
  })
  await page.goto('/')
  await page.waitForLoadState('networkidle')
  const icon = await page.locator('link[rel=icon]').getAttribute('href')
  expect(icon).toBeTruthy()
  const response = await page.request.get(icon!)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('image/svg+xml')
  // The web font is ours too: no request leaves the site.
  const origin = new URL(page.url()).origin
  const fonts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.endsWith('.woff2')),
  )
  expect(fonts.length).toBeGreaterThan(0)
  for (const font of fonts) expect(font.startsWith(origin)).toBe(true)
  expect(failed).toEqual([])
})

test('the team leader is offered no link that answers 403', async ({ page }) => {
  await page.setViewportSize(LAPTOP)
  await signIn(page, 'teamleider@noord.demo.test')
  await page.goto('/dashboard')
  const menu = await hrefsIn(page, '.site-nav a, .account-menu a')
  // A team leader who assesses but writes no courses has no trainer area in the menu: its
  // coverage and import pages are for authors. Their queue is under the organisation's tabs.
  expect(menu.map((h) => new URL(h).pathname)).not.toContain('/trainer')
  expect(menu.map((h) => new URL(h).pathname)).toContain('/orgs/klantcontact-noord/matrix')

  const visited = new Map<string, number>()
  const check = async (hrefs: string[]) => {
    for (const href of hrefs) {
      if (visited.has(href)) continue
      const response = await page.request.get(href)
      visited.set(href, response.status())
    }
  }
  await check(menu)
  // The pages behind the menu, and their own links (tabs included), one level deep.
  for (const href of menu) {
    await page.goto(href)
    await check(await hrefsIn(page, 'main a'))
  }
  // The trainer start page is still reachable by address (they assess); what it offers opens.
  await page.goto('/trainer')
  await check(await hrefsIn(page, 'main .page a'))

  const refused = [...visited].filter(([, status]) => status === 403 || status === 401)
  expect(refused).toEqual([])
  expect(visited.size).toBeGreaterThan(10)
})
