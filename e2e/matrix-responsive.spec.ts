import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { logIn } from './auth.ts'

const MATRIX = '/orgs/klantcontact-noord/matrix'

async function expectNoPageOverflow(page: Page) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ])
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth)
}

/** Scroll the matrix region to its right end and check a name still shows at its left edge. */
async function expectNameVisibleAfterScroll(page: Page) {
  const region = page.getByRole('region', { name: 'Voortgangsmatrix, scrolt horizontaal' })
  const name = region.locator('tr[data-staff="Lotte Visser"] th')
  // Into the viewport vertically first (elementFromPoint sees only the viewport).
  await name.scrollIntoViewIfNeeded()
  await region.evaluate((el) => (el.scrollLeft = el.scrollWidth))
  expect(await region.evaluate((el) => el.scrollLeft)).toBe(
    await region.evaluate((el) => el.scrollWidth - el.clientWidth),
  )
  const [nameBox, regionBox] = [await name.boundingBox(), await region.boundingBox()]
  expect(nameBox!.x).toBeGreaterThanOrEqual(regionBox!.x - 1)
  expect(nameBox!.x + nameBox!.width).toBeLessThanOrEqual(regionBox!.x + regionBox!.width)
  // Nothing covers it: the topmost element at its centre is the name cell or its link.
  const onTop = await name.evaluate((th) => {
    const r = th.getBoundingClientRect()
    return th.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2))
  })
  expect(onTop).toBe(true)
  return region
}

test('on a laptop the matrix fits: no page overflow, sticky names, core tasks fold', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await logIn(page, 'werkgever@noord.demo.test')
  await page.goto(MATRIX)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkgever: Klantcontact Noord')
  await expect(page.getByRole('list', { name: 'Legenda' })).toBeVisible()
  await expectNoPageOverflow(page)
  await expectNameVisibleAfterScroll(page)
  await expectNoSeriousA11yViolations(page)

  // Narrower than the table: it scrolls inside its region, the page does not, names stay.
  await page.setViewportSize({ width: 900, height: 800 })
  const region = await expectNameVisibleAfterScroll(page)
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  await expectNoPageOverflow(page)
  await page.setViewportSize({ width: 1280, height: 800 })

  // Fold core task K1: one summary cell per person instead of its five work processes.
  const table = page.locator('table.matrix-progress')
  const rows = await table.locator('tbody tr').count()
  await expect(table.locator('td[data-step]').first()).toBeVisible()
  const cellsBefore = await table.locator('td[data-step]').count()
  await page.getByRole('link', { name: 'Kerntaak TL-K1 inklappen' }).click()
  await expect(page).toHaveURL(/collapse=TL-K1/)
  await expect(table.locator('td[data-summary="TL-K1"]')).toHaveCount(rows)
  await expect(table.locator('td[data-step]')).toHaveCount(cellsBefore - 5 * rows)
  await expect(
    table.locator('tr[data-staff="Lotte Visser"] td[data-summary="TL-K1"]'),
  ).toContainText('TL-K1: 1 van 5 werkprocessen bekwaam')
  await expectNoPageOverflow(page)
  await expectNoSeriousA11yViolations(page)
  // The fold survives a filter.
  await page.getByRole('button', { name: 'Toon' }).click()
  await expect(table.locator('td[data-summary="TL-K1"]')).toHaveCount(rows)

  await page.getByRole('link', { name: 'Kerntaak TL-K1 uitklappen' }).click()
  await expect(page).not.toHaveURL(/collapse=/)
  await expect(table.locator('td[data-summary]')).toHaveCount(0)
  await expect(table.locator('td[data-step]')).toHaveCount(cellsBefore)
})

test('on a phone the matrix shows one person at a time', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await logIn(page, 'werkgever@noord.demo.test')
  await page.goto(MATRIX)
  await expectNoPageOverflow(page)
  await expect(page.locator('table.matrix-progress')).toBeHidden()
  const people = page.getByRole('region', { name: 'Medewerker bekijken' })
  await expect(people.getByRole('link', { name: 'Lotte Visser' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await people.getByRole('link', { name: 'Lotte Visser' }).click()
  await expect(page).toHaveURL(/person=/)
  await expect(
    page.getByRole('heading', { level: 3, name: 'Werkprocessen van Lotte Visser' }),
  ).toBeVisible()
  const workProcesses = page.locator('.person-progress li[data-work-process]')
  await expect(workProcesses).toHaveCount(17)
  await expect(page.locator('li[data-work-process="TL-K2-W1"]')).toContainText('Bekwaam')
  await expect(page.locator('li[data-work-process="TL-K1-W2"]')).toContainText('Aan het leren')
  await expectNoPageOverflow(page)
  await expectNoSeriousA11yViolations(page)
})
