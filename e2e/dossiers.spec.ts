import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'

const TL_CODES = [
  ...[1, 2, 3, 4, 5].map((w) => `TL-K1-W${w}`),
  ...[1, 2, 3, 4].map((w) => `TL-K2-W${w}`),
  ...[1, 2, 3, 4, 5].map((w) => `TL-K3-W${w}`),
  ...[1, 2, 3].map((w) => `TL-K4-W${w}`),
]

test('healthz names the database engine in use', async ({ request }) => {
  const response = await request.get('/healthz')
  expect(response.status()).toBe(200)
  const database = process.env.TEST_POSTGRES_URL ? 'postgresql' : 'sqlite'
  expect(await response.json()).toEqual({ status: 'ok', database })
})

for (const lang of ['nl', 'en'] as const) {
  test.describe(`in ${lang === 'nl' ? 'Dutch' : 'English'}`, () => {
    test.beforeEach(async ({ page, context, baseURL }) => {
      if (lang === 'en') {
        await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }])
      }
      await page.goto('/')
    })

    test('home → dossiers → dossier → work process, accessible on every page', async ({ page }) => {
      const t = {
        nl: {
          home: 'Groeien van medewerker naar teamleider',
          dossiers: 'Kwalificatiedossiers',
          tl: 'Contactcenter teamleider',
          matrix: 'Werkprocessen × competenties',
          result: 'Resultaat',
        },
        en: {
          home: 'Growing from agent to team leader',
          dossiers: 'Qualification dossiers',
          tl: 'Contact centre team leader',
          matrix: 'Work processes × competencies',
          result: 'Result',
        },
      }[lang]
      await expect(page).toHaveURL('/')
      await expect(page.locator('html')).toHaveAttribute('lang', lang)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.home)
      await expectNoSeriousA11yViolations(page)

      await page.getByRole('navigation').getByRole('link', { name: 'Dossiers' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.dossiers)
      await expectNoSeriousA11yViolations(page)

      await page.getByRole('link', { name: t.tl }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.tl)
      for (const code of TL_CODES) {
        await expect(page.getByRole('link', { name: new RegExp(`^${code} `) })).toBeVisible()
      }
      const matrix = page.getByRole('table')
      await expect(matrix.getByRole('rowheader')).toHaveCount(17)
      await expect(matrix.getByRole('columnheader')).toHaveCount(26)
      await expect(page.getByRole('heading', { name: t.matrix })).toBeVisible()
      await expectNoSeriousA11yViolations(page)

      await page.getByRole('link', { name: /^TL-K2-W3 / }).click()
      await expect(page.getByRole('heading', { level: 1 })).toContainText('TL-K2-W3')
      await expect(page.getByRole('heading', { name: t.result })).toBeVisible()
      await expect(page.getByRole('listitem').filter({ hasText: /^C / })).toHaveCount(1)
      await expectNoSeriousA11yViolations(page)
    })

    test('the competencies page lists all 25, A to Y', async ({ page }) => {
      await page.goto('/competencies')
      const rows = page.getByRole('table').getByRole('row')
      await expect(rows).toHaveCount(26)
      const codes = await page.locator('td.code').allTextContents()
      expect(codes.join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXY')
      await expect(page.getByRole('rowheader').first()).toHaveText(
        lang === 'nl' ? 'Beslissen en activiteiten initiëren' : /Deciding/,
      )
      await expectNoSeriousA11yViolations(page)
    })
  })
}

test('an unknown dossier or work process answers 404 with the site’s error page', async ({
  page,
}) => {
  const response = await page.goto('/dossiers/contactcenter-teamleider/TL-K9-W9')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden')
  expect((await page.goto('/dossiers/bestaat-niet'))?.status()).toBe(404)
  expect((await page.goto('/nergens'))?.status()).toBe(404)
})
