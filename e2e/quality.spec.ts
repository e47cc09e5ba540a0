import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { answerItems, asUser, QUALITY } from './quality-helpers.ts'

const ADMIN = 'werkgever@noord.demo.test'
const LEADER = 'teamleider@noord.demo.test'
/** Team Service; no other spec scores her contacts, so her trend is the demo's plus ours. */
const AGENT = 'chantal.smits@noord.demo.test'
const AGENT_NAME = 'Chantal Smits'
const SCORECARD = 'Kwaliteitsscorekaart Klantcontact (v2)'
/** The items of the section "Vraag begrijpen", the only section mapped to CM-K2-W3. */
const EXPLORES = 'Stelt open vragen en vraagt door'
const SUMMARISES = 'Vat de vraag samen en laat die bevestigen'
const LESSON = 'Neutraal vragen en nauwkeurig vastleggen'

/** A calendar day in Amsterdam, `offset` days from today, as YYYY-MM-DD. */
function amsterdamDay(offset: number) {
  return new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Europe/Amsterdam',
  })
}

/**
 * Score a contact of the agent on the demo scorecard: every item at its best, except the
 * changes ({ item wording: radio label }); `contactAt` is left at "now" when not given.
 * Returns the evaluation's id.
 */
async function scoreContact(page: Page, changes: Record<string, string>, contactAt?: string) {
  await page.goto(`${QUALITY}/evaluations/new`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een contact beoordelen')
  await page.getByLabel('Scorekaart', { exact: true }).selectOption({ label: SCORECARD })
  await page.getByRole('button', { name: 'Deze scorekaart gebruiken' }).click()
  await page.getByLabel('Medewerker', { exact: true }).selectOption({ label: AGENT_NAME })
  if (contactAt) await page.getByLabel('Datum en tijd van het contact').fill(contactAt)
  return answerItems(page, 13, changes)
}

async function saveEvaluation(page: Page) {
  await page.getByRole('button', { name: 'Beoordeling opslaan' }).click()
  await expect(page).toHaveURL(/\/quality\/evaluations\/[^/?]+\?recorded=1$/)
  await expect(page.getByRole('status')).toHaveText(
    'De beoordeling is opgeslagen en de medewerker heeft bericht gekregen.',
  )
  return new URL(page.url()).pathname.split('/').pop()!
}

// A long journey (scorecard, evaluations, rule, coaching, trend): 60 s is tight on a busy CI.
test.describe.configure({ timeout: 120_000 })

test('a failing section assigns the lesson, coaching follows, and the trend shows before and after', async ({
  browser,
}) => {
  const yesterday = amsterdamDay(-1)

  // 1. The org admin makes a rule: one failing CM-K2-W3 in the last evaluation assigns its
  // lessons. The dry run saves nothing; switching on runs it at once.
  const admin = await asUser(browser, ADMIN)
  await admin.page.goto(`${QUALITY}/rules`)
  await expect(admin.page.getByRole('heading', { level: 1 })).toHaveText(/^Kwaliteitsregels/)
  await admin.page
    .getByLabel('Soort regel')
    .selectOption({ label: 'Lessen toewijzen bij onvoldoende scores' })
  const workProcess = admin.page.getByLabel('Werkproces', { exact: true })
  const option = workProcess.locator('option', { hasText: 'CM-K2-W3' })
  await expect(option).toHaveCount(1)
  await workProcess.selectOption((await option.getAttribute('value'))!)
  await admin.page.getByLabel('Minstens zoveel onvoldoendes').fill('1')
  await admin.page.getByLabel('in de laatste zoveel beoordelingen').fill('1')
  await admin.page.getByLabel('Af binnen (dagen)').fill('14')
  await admin.page.getByRole('button', { name: 'Regel aanmaken' }).click()
  await expect(admin.page.getByRole('heading', { level: 1 })).toHaveText(
    'CM-K2-W3: 1 van de laatste 1 onvoldoende wijst de lessen toe (af binnen 14 dagen)',
  )
  const ruleUrl = new URL(admin.page.url()).pathname
  await expect(admin.page.getByText('Er wordt niets opgeslagen.')).toBeVisible()
  // Chantal's newest demo contact passed CM-K2-W3: the rule has nothing to do for her yet.
  await expect(admin.page.locator('tr[data-planned]').filter({ hasText: AGENT_NAME })).toHaveCount(
    0,
  )
  await admin.page.getByRole('button', { name: 'Aanzetten (en nu uitvoeren)' }).click()
  await expect(admin.page.getByRole('status')).toHaveText(/^Regel aangezet: \d+ keer uitgevoerd\.$/)
  await expect(admin.page.getByText('Status: Aan')).toBeVisible()

  // 2. The team leader scores a contact of yesterday morning: "Vraag begrijpen" falls short
  // (0 of its threshold 70), everything else at its best.
  const leader = await asUser(browser, LEADER)
  await scoreContact(leader.page, { [EXPLORES]: '1', [SUMMARISES]: 'nee' }, `${yesterday}T08:00`)
  await expectNoSeriousA11yViolations(leader.page)
  const failingId = await saveEvaluation(leader.page)
  await expect(leader.page.locator('.wp-scores li').filter({ hasText: 'CM-K2-W3' })).toContainText(
    '0',
  )

  // The rule ran after the evaluation: the lessons of CM-K2-W3 are assigned to Chantal.
  await admin.page.goto(ruleUrl)
  await expect(
    admin.page
      .getByRole('table', { name: 'Uitgevoerd' })
      .getByRole('row')
      .filter({ hasText: AGENT_NAME }),
  ).toContainText('Lessen toegewezen')
  await admin.close()

  // 3. Chantal: the new evaluation is waiting; she opens it and marks it seen.
  const agent = await asUser(browser, AGENT)
  let page = agent.page
  await expect(page.getByText(/nog niet gezien/)).toBeVisible()
  await page.getByRole('link', { name: /^Mijn beoordelingen \(\d+\)$/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn beoordelingen')
  await page.locator(`a[href="/evaluations/${failingId}"]`).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beoordeling')
  const status = page.locator('.facts > div').filter({ hasText: 'Status' })
  await expect(status).toContainText('nieuw')
  await expect(page.locator('.wp-scores li').filter({ hasText: 'CM-K2-W3' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('button', { name: 'Gezien', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Gemarkeerd als gezien.')
  await expect(status).toContainText('gezien')
  await expect(page.getByRole('button', { name: 'Gezien', exact: true })).toHaveCount(0)

  // Her dashboard lists the assignment with its due date and leads her to the first lesson.
  await page.goto('/dashboard')
  const assigned = page.locator('li[data-assignment="CM-K2-W3"]')
  await expect(assigned).toContainText('Klaar op')
  await expect(assigned.getByRole('link', { name: LESSON })).toBeVisible()
  const row = page.locator('li[data-work-process="CM-K2-W3"]')
  await expect(row.getByRole('link', { name: LESSON })).toBeVisible()

  // 4. The team leader logs the coaching session about this evaluation, held yesterday.
  page = leader.page
  await page.goto(`${QUALITY}/evaluations/${failingId}`)
  await page
    .getByRole('link', { name: 'Coachingsgesprek vastleggen over deze beoordeling' })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coachingsgesprek vastleggen')
  await expect(page.getByLabel('Medewerker', { exact: true }).locator('option:checked')).toHaveText(
    AGENT_NAME,
  )
  // The evaluation the leader came from starts ticked.
  await expect(page.locator(`#ev-${failingId}`)).toBeChecked()
  await page.getByLabel('Datum gesprek').fill(yesterday)
  await page.getByRole('checkbox', { name: /^CM-K2-W3 / }).check()
  await page
    .getByLabel('Besproken', { exact: true })
    .fill(
      'Het gesprek van gisterochtend teruggeluisterd: Chantal zocht al voor de vraag helder was.',
    )
  await page
    .getByLabel('Afspraken', { exact: true })
    .fill('Eerst doorvragen en de vraag samenvatten; Chantal doet de les over neutraal vragen.')
  await page.getByLabel('Vervolg op (optioneel)').fill(amsterdamDay(14))
  await page.getByRole('button', { name: 'Gesprek opslaan' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coachingsgesprek')
  await expect(page.getByText('Eerst doorvragen en de vraag samenvatten')).toBeVisible()

  // 5. Chantal confirms the record and does the lesson.
  page = agent.page
  await page.goto('/coaching')
  const session = page.getByRole('row').filter({ hasText: 'CM-K2-W3' })
  await expect(session).toContainText('Graag bevestigen')
  await session.getByRole('link').click()
  await expect(page.getByText('Eerst doorvragen en de vraag samenvatten')).toBeVisible()
  await page.getByRole('button', { name: 'Verslag klopt' }).click()
  await expect(page.getByRole('status')).toHaveText('Bedankt, het verslag is bevestigd.')
  await page.goto('/dashboard')
  await row.getByRole('link', { name: LESSON }).click()
  await page.getByRole('button', { name: 'Markeer als afgerond' }).click()
  await expect(page.getByText('Je hebt dit onderdeel afgerond.')).toBeVisible()

  // 6. The team leader scores a new contact of hers, now, after the coaching: all good.
  await scoreContact(leader.page, {})
  await saveEvaluation(leader.page)
  await expect(leader.page.locator('.wp-scores li').filter({ hasText: 'CM-K2-W3' })).toContainText(
    '100',
  )
  await leader.close()

  // 7. Chantal's own trend of CM-K2-W3: before the coaching lower than after, with the
  // session and the lesson on the time line.
  await page.goto('/dashboard')
  await page.getByRole('link', { name: 'Mijn kwaliteit door de tijd' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn kwaliteit')
  const trend = page.locator('section[data-work-process="CM-K2-W3"]')
  const comparison = trend.getByRole('table', { name: /^Voor en na .* \(4 weken\)$/ })
  const side = async (which: 'before' | 'after') => {
    const cells = comparison.locator(`tr[data-side="${which}"] td`)
    return {
      count: Number(await cells.nth(0).textContent()),
      mean: Number(await cells.nth(1).textContent()),
    }
  }
  const before = await side('before')
  const after = await side('after')
  // Before: the demo's scores of the last four weeks and yesterday's failing one.
  expect(before.count).toBeGreaterThanOrEqual(1)
  expect(after.count).toBe(1)
  expect(before.mean).toBeLessThan(after.mean)
  await expect(trend.locator('[data-event="coaching"]')).toHaveCount(1)
  await expect(trend.locator('[data-event="lesson"]')).toHaveCount(1)
  await trend.getByText('Gegevens', { exact: true }).click()
  const data = trend.getByRole('table', { name: /^Gegevens: CM-K2-W3/ })
  await expect(data.getByRole('row').filter({ hasText: 'Coachingsgesprek' })).toContainText(
    'Joost Bakker',
  )
  await expect(data.getByRole('row').filter({ hasText: 'Les afgerond' })).toContainText(LESSON)
  await expectNoSeriousA11yViolations(page)
  await agent.close()
})
