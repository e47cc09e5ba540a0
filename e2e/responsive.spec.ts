import { expect, test, type Browser, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { DEMO_PASSWORD } from './auth.ts'

/**
 * The most used pages of every role, on a phone (390 × 844) and on a laptop (1,280 × 800), in
 * Dutch and in English: the page never scrolls sideways (wide tables scroll inside their own
 * box), no label of a definition list overlaps its value, and axe finds nothing serious.
 */
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]
const ORG = '/orgs/klantcontact-noord'

type Visit = string | ((page: Page) => Promise<string>)
type Journey = { role: string; email?: string; pages: Visit[] }

/** The first link on a page whose address matches, for pages whose id only the demo knows. */
const firstLink = (from: string, pattern: RegExp) => async (page: Page) => {
  await page.goto(from)
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  const href = hrefs.find((h) => pattern.test(h))
  expect(href, `a link matching ${pattern} on ${from}`).toBeTruthy()
  return href!
}

const JOURNEYS: Journey[] = [
  {
    role: 'visitor',
    pages: ['/', '/courses/tl-k2-coachen', '/dossiers/contactcenter-teamleider', '/login'],
  },
  {
    role: 'learner',
    email: 'leerling@noord.demo.test',
    pages: [
      '/dashboard',
      firstLink('/dashboard', /^\/(dashboard|werkprocessen|work-processes)\/(?!xapi)[^?]+$/),
      '/courses/tl-k2-coachen/tl-k2-w4-quiz',
      '/records',
      firstLink('/records', /^\/records\/[^/]+$/),
      '/evidence',
      '/evaluations',
    ],
  },
  {
    role: 'employer',
    email: 'werkgever@noord.demo.test',
    pages: [
      `${ORG}/matrix`,
      firstLink(`${ORG}/matrix`, /\/staff\/[^/]+$/),
      `${ORG}/assignments`,
      firstLink(`${ORG}/matrix`, /\/teams\/[^/]+\/progress(\?.*)?$/),
      `${ORG}/lti`,
      `${ORG}/privacy/retention`,
    ],
  },
  {
    role: 'quality coach',
    email: 'kwaliteit@noord.demo.test',
    pages: [`${ORG}/quality`, `${ORG}/quality/evaluations`],
  },
  {
    role: 'trainer',
    email: 'trainer@demo.test',
    pages: ['/trainer', firstLink('/trainer', /^\/trainer\/courses\/[^/]+$/)],
  },
]

async function logIn(page: Page, email: string) {
  await page.goto('/login')
  await page.locator('input[form=login][name=email]').fill(email)
  await page.locator('input[form=login][name=password]').fill(DEMO_PASSWORD)
  await page.locator('#login button[type=submit]').click()
  // Each role lands on its own work page; any page but the login form will do here.
  await page.waitForURL((url) => url.pathname !== '/login')
}

/** Pairs of a definition list whose label and value boxes intersect. */
function overlappingFacts(page: Page) {
  return page.evaluate(() => {
    const overlaps: string[] = []
    for (const dl of document.querySelectorAll('main dl')) {
      for (const dt of dl.querySelectorAll('dt')) {
        let dd = dt.nextElementSibling
        while (dd && dd.tagName !== 'DD') dd = dd.nextElementSibling
        if (!dd) continue
        const a = dt.getBoundingClientRect()
        const b = dd.getBoundingClientRect()
        const width = Math.min(a.right, b.right) - Math.max(a.left, b.left)
        const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
        if (width > 1 && height > 1) overlaps.push(`${dt.textContent} / ${dd.textContent}`)
      }
    }
    return overlaps
  })
}

/** One visit per page: the layout follows the window, so the page is resized, not reloaded. */
async function checkPage(page: Page, path: string) {
  await page.setViewportSize(WIDTHS[0]!)
  const response = await page.goto(path)
  expect(response?.status(), path).toBeLessThan(400)
  for (const size of WIDTHS) {
    await page.setViewportSize(size)
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }))
    expect(scrollWidth, `${path} at ${size.width} px scrolls sideways`).toBeLessThanOrEqual(
      innerWidth,
    )
    expect(await overlappingFacts(page), `${path} at ${size.width} px`).toEqual([])
    await expectNoSeriousA11yViolations(page)
  }
}

async function newContext(browser: Browser, locale: string, baseURL: string) {
  const context = await browser.newContext()
  await context.addCookies([{ name: 'lang', value: locale, url: baseURL }])
  return context
}

// Each journey visits many pages at two widths with an axe scan on each: on the 2-core
// machine, next to the package journeys, that takes longer than the default minute.
test.describe.configure({ timeout: 150_000 })

for (const journey of JOURNEYS) {
  for (const locale of ['nl', 'en']) {
    test(`${journey.role} pages fit a phone and a laptop (${locale})`, async ({
      browser,
      baseURL,
    }) => {
      const context = await newContext(browser, locale, baseURL!)
      const page = await context.newPage()
      if (journey.email) await logIn(page, journey.email)
      for (const visit of journey.pages) {
        const path = typeof visit === 'string' ? visit : await visit(page)
        await checkPage(page, path)
      }
      await context.close()
    })
  }
}
