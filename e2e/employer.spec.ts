import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { logIn } from './auth.ts'

test('an employer sees the matrix, filters a team, assigns a course and exports a CSV that matches', async ({
  page,
  browser,
}) => {
  await logIn(page, 'werkgever@noord.demo.test')
  await page.getByRole('link', { name: 'Werkgever' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkgever: Klantcontact Noord')
  const matrix = page.locator('table.matrix-progress')
  // Lotte Visser holds five competent work processes; the cell says so in text, not colour only.
  const lotte = matrix.locator('tr[data-staff="Lotte Visser"]')
  await expect(lotte.locator('td[data-step="4"]')).toHaveCount(5)
  await expect(lotte.locator('td[data-step="4"]').first()).toContainText('Bekwaam')
  await expectNoSeriousA11yViolations(page)

  // Filter on Team Retentie: only its people remain.
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Team Retentie' })
  await page.getByRole('button', { name: 'Toon' }).click()
  await expect(page).toHaveURL(/team=/)
  const rows = matrix.locator('tbody tr')
  await expect(lotte).toHaveCount(0)
  expect(await rows.count()).toBeGreaterThan(3)
  for (const team of await rows.locator('td:nth-child(2)').allTextContents())
    expect(team).toContain('Team Retentie')

  // The CSV of this view has exactly the rows and steps of the matrix.
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => [
      tr.querySelector('th')!.textContent!.trim(),
      ...[...tr.querySelectorAll('td[data-step]')].map((td) =>
        td.querySelector('.visually-hidden')!.textContent!.trim(),
      ),
    ]),
  )
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'CSV (nl)' }).click()
  const csv = fs.readFileSync((await (await download).path())!, 'utf8')
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  const lines = csv.slice(1).trim().split('\r\n')
  expect(lines[0]).toMatch(/^Naam;E-mail;Teams;TL-K1-W1;/)
  const exported = lines.slice(1).map((line) => {
    const [name, , , ...steps] = line.split(';')
    return [name, ...steps]
  })
  expect(exported).toEqual(shown)

  // Assign a course to one person with a due date.
  await page
    .getByRole('link', { name: /^Opdrachten/ })
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Opdrachten: Klantcontact Noord')
  await expectNoSeriousA11yViolations(page)
  await page.getByLabel('Aan wie').selectOption({ label: 'Niels Jacobs' })
  await page.getByLabel('Wat').selectOption({ label: 'De dagelijkse operatie' })
  const due = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10)
  await page.getByLabel('Af op').fill(due)
  await page.getByRole('button', { name: 'Toewijzen' }).click()
  await expect(page.getByRole('status')).toContainText('Toegewezen aan 1 medewerker.')
  const row = page
    .locator('tr', { hasText: 'Niels Jacobs' })
    .filter({ hasText: 'De dagelijkse operatie' })
  await expect(row).toContainText('Open')
  // A date in the past is refused with a field error.
  await page.getByLabel('Aan wie').selectOption({ label: 'Niels Jacobs' })
  await page.getByLabel('Wat').selectOption({ label: 'De dagelijkse operatie' })
  await page.getByLabel('Af op').fill('2020-01-01')
  await page.getByRole('button', { name: 'Toewijzen' }).click()
  await expect(page.getByText('Kies een datum vanaf vandaag.')).toBeVisible()

  // Niels sees the course, with its due date, on her overview.
  const nielsContext = await browser.newContext()
  const niels = await nielsContext.newPage()
  await logIn(niels, 'niels.jacobs@noord.demo.test')
  await expect(
    niels.locator('.course-list li', { hasText: 'De dagelijkse operatie' }),
  ).toContainText('Klaar op')
  await nielsContext.close()
})

test("another organisation's employer reaches nothing of Noord's", async ({ page }) => {
  await logIn(page, 'werkgever@callforce.demo.test')
  for (const path of [
    '/employer?org=klantcontact-noord',
    '/orgs/klantcontact-noord/assignments',
    '/orgs/klantcontact-noord/progress.csv',
    '/orgs/klantcontact-noord/records.xlsx',
  ]) {
    const response = await page.request.get(path)
    expect(response.status(), path).toBe(404)
  }
})
