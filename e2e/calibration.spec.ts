import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { answerItems, asUser, QUALITY } from './quality-helpers.ts'

const ADMIN = 'werkgever@noord.demo.test'
const LEADER = 'teamleider@noord.demo.test'
/** The quality coach of Klantcontact Noord (the demo's third evaluator). */
const COACH = 'kwaliteit@noord.demo.test'

/**
 * What each evaluator changes from a perfect contact on the starter scorecard, by the item's
 * wording. Totals by hand: admin 100; team leader "check" no → closing 50 → 95; coach also
 * empathy 1 (tone 50) and next steps 1 (closing 0) → 80. Consensus 91.7: deviations 8.3, 3.3
 * and 11.7 (beyond the 10-point target).
 */
const EMPATHY = 'Toont begrip voor de situatie van de klant'
const NEXT_STEPS = 'Spreekt vervolgstappen en termijn duidelijk af'
const CHECK = 'Checkt of de klant verder geholpen is'

/** Score every item at its best, then apply the changes: { legend text: radio label }. */
async function score(page: Page, changes: Record<string, string>) {
  await answerItems(page, 12, changes)
  await page.getByRole('button', { name: 'Score insturen' }).click()
  await expect(page.getByRole('status')).toHaveText('Je score is opgeslagen.')
}

test('a calibration with three evaluators shows the spread and each evaluator’s deviation', async ({
  browser,
}) => {
  const stamp = Date.now().toString(36)
  const admin = await asUser(browser, ADMIN)
  let page = admin.page

  // The organisation's own scorecard, from the starter the new-scorecard form begins with.
  const scorecard = `Kalibratiekaart ${stamp}`
  await page.goto(`${QUALITY}/scorecards/new`)
  await page.getByLabel('Naam', { exact: true }).fill(scorecard)
  await page.getByRole('button', { name: 'Scorekaart aanmaken' }).click()
  await expect(page).not.toHaveURL(/\/new$/)

  await page.goto(QUALITY)
  await page.getByRole('link', { name: 'Kalibratie', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Kalibratie/)
  const title = `Klachtgesprek ${stamp}`
  await page.getByLabel('Titel').fill(title)
  await page.getByLabel('Scorekaart').selectOption({ label: `${scorecard} v1` })
  await page.getByLabel('Medewerker van het contact').selectOption({ label: 'Lotte Visser' })
  await page.getByLabel('Contact-ID (optioneel)').fill(`CALL-${stamp}`)
  await page.getByLabel('Datum van het contact').fill(new Date().toISOString().slice(0, 10))
  const evaluators = page.getByRole('group', { name: 'Beoordelaars' })
  // The org admin, the team leader and the quality coach (Esther Jansen in the demo).
  for (const name of ['Marieke de Boer', 'Joost Bakker', 'Esther Jansen'])
    await evaluators.getByLabel(name).check()
  await page.getByRole('button', { name: 'Sessie starten' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  const sessionUrl = new URL(page.url()).pathname
  await expectNoSeriousA11yViolations(page)

  await score(page, {})
  // Open: the own score only, nobody else's, and no spread yet.
  await expect(page.locator('[data-own-score]')).toContainText('100')
  await expect(page.getByRole('heading', { name: 'Spreiding per onderdeel' })).toHaveCount(0)

  const leader = await asUser(browser, LEADER)
  await leader.page.goto(sessionUrl)
  await score(leader.page, { [CHECK]: 'nee' })

  const coach = await asUser(browser, COACH)
  await coach.page.goto(sessionUrl)
  await score(coach.page, { [CHECK]: 'nee', [EMPATHY]: '1', [NEXT_STEPS]: '1' })
  await expect(coach.page.locator('[data-calibration-state]')).toHaveAttribute(
    'data-calibration-state',
    'closed',
  )
  await coach.close()

  // The org admin (a calibrator): the spread per item and each evaluator's deviation.
  await page.reload()
  const spread = page.getByRole('region', { name: 'Spreiding per onderdeel' })
  await expect(spread.locator('tr[data-item="empathy"] td[data-range]')).toHaveText('100')
  await expect(spread.locator('tr[data-item="check"] td[data-sd]')).toHaveText('47.1')
  await expect(spread.locator('tr[data-item="greeting"] td[data-range]')).toHaveText('0')
  const totals = page.getByRole('region', { name: 'Totaal per beoordelaar' })
  await expect(totals.locator('td[data-deviation]')).toHaveCount(3)
  await expect(
    totals.locator('tr[data-evaluator="Marieke de Boer"] td[data-deviation]'),
  ).toHaveText('8.3 punten')
  await expect(totals.locator('tr[data-evaluator="Joost Bakker"] td[data-deviation]')).toHaveText(
    '3.3 punten',
  )
  await expect(totals.locator('td[data-deviation="11.7"]')).toHaveText('11.7 punten buiten de norm')
  await expectNoSeriousA11yViolations(page)

  // Over time: the evaluators page lists the session and the items disagreed on most.
  await page.goto(`${QUALITY}/calibrations/evaluators`)
  await expect(page.locator('section[data-evaluator="Joost Bakker"]')).toContainText(title)
  await expect(page.locator('tr[data-item="empathy"]')).toBeVisible()
  await admin.close()

  // The team leader is no calibrator: the spread, but no deviations.
  page = leader.page
  await page.reload()
  await expect(
    page.getByRole('region', { name: 'Spreiding per onderdeel' }).locator('tr[data-item="check"]'),
  ).toContainText('nee')
  await expect(page.locator('td[data-deviation]')).toHaveCount(0)
  await expect(page.getByText('buiten de norm')).toHaveCount(0)
  await leader.close()
})
