import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { logIn } from './auth.ts'

const ORG = '/orgs/klantcontact-noord'

/** A small but well-formed one-page PDF, cross-reference table included. */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets = objects.map((object, i) => {
    const offset = pdf.length
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`
    return offset
  })
  const xref = pdf.length
  pdf +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

const stepOf = (page: Page, code: string) =>
  page.locator(`li[data-work-process="${code}"]`).locator('.ladder-badge')

const verdictOf = (page: Page, code: string) => page.locator(`li[data-verdict="${code}"] .verdict`)

/** The judgement form of one work process on an assessor's page. */
const judgementOf = (page: Page, code: string) =>
  page.getByRole('region', { name: new RegExp(`^Beoordeling ${code}(?!\\d)`) })

/** Score every criterion of a judgement form at one level; returns how many there are. */
async function scoreAll(form: Locator, level: 'Beginnend' | 'Gevorderd' | 'Bekwaam') {
  const criteria = form.locator('fieldset.criterion')
  const count = await criteria.count()
  expect(count).toBeGreaterThan(0)
  for (let i = 0; i < count; i++) {
    await criteria.nth(i).getByRole('radio', { name: level, exact: true }).check()
  }
  return count
}

async function evidenceIdFrom(page: Page) {
  await expect(page).toHaveURL(/\/evidence\/[^/?]+\?submitted=1$/)
  return new URL(page.url()).pathname.split('/').pop()!
}

test('evidence with a PDF makes a work process "demonstrated", and a sign-off makes it competent with a record', async ({
  page,
  browser,
}) => {
  const code = 'TL-K1-W1'
  const title = `Dienstbriefing en bijsturen ${Date.now()}`
  const feedback = 'Heldere briefing en op tijd bijgestuurd toen het service level zakte.'
  const pdf = minimalPdf()

  await logIn(page, 'fatima.bouzid@noord.demo.test')
  await expect(stepOf(page, code)).toHaveText('Kennis compleet')
  await page.goto('/records')
  await expect(page.locator('li.card[data-record]')).toHaveCount(0)
  await page.goto('/evidence')
  await expect(page.getByText('Je hebt nog geen praktijkbewijs ingeleverd.')).toBeVisible()

  const fillForm = async () => {
    await page.goto(`/evidence/new?wp=${code}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Praktijkbewijs inleveren')
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${code} `) })).toBeChecked()
    await page
      .getByRole('radio', { name: 'Bestand (pdf, afbeelding of geluidsopname)', exact: true })
      .check()
    await page.getByLabel('Titel').fill(title)
    await page
      .getByLabel('Toelichting')
      .fill('Verslag van de ochtenddienst met briefing, herverdeling en evaluatie achteraf.')
  }

  // An HTML page named .pdf is refused on its content, and nothing is stored.
  await fillForm()
  await expectNoSeriousA11yViolations(page)
  await page.getByLabel('Bestand (optioneel)').setInputFiles({
    name: 'dienstverslag.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
  })
  await page.getByRole('button', { name: 'Inleveren' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'Dit bestand is geen pdf, afbeelding of geluidsopname (de inhoud is gecontroleerd).',
  )
  await expect(page).toHaveURL(/\/evidence\/new/)
  await page.goto('/evidence')
  await expect(page.getByText('Je hebt nog geen praktijkbewijs ingeleverd.')).toBeVisible()
  await expect(page.getByRole('link', { name: title })).toHaveCount(0)
  await page.goto('/dashboard')
  await expect(stepOf(page, code)).toHaveText('Kennis compleet')

  // A real PDF is accepted.
  await fillForm()
  await page.getByLabel('Bestand (optioneel)').setInputFiles({
    name: 'dienstverslag.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  })
  await page.getByRole('button', { name: 'Inleveren' }).click()
  const id = await evidenceIdFrom(page)
  await expect(page.getByRole('status')).toContainText('Je bewijs is ingeleverd')
  await expect(page.getByRole('heading', { level: 2, name: 'Stand per werkproces' })).toBeVisible()
  await expect(verdictOf(page, code)).toHaveText('Wacht op beoordeling')
  const attachment = page.getByRole('link', { name: 'dienstverslag.pdf' })
  const stored = await page.request.get((await attachment.getAttribute('href'))!)
  expect(stored.headers()['content-type']).toBe('application/pdf')
  expect(Buffer.compare(await stored.body(), pdf)).toBe(0)

  await page.goto('/evidence')
  await expect(page.locator('table tbody tr')).toHaveCount(1)
  await page.goto('/dashboard')
  await expect(stepOf(page, code)).toHaveText('Aangetoond')

  // The trainer assesses it.
  const trainerContext = await browser.newContext()
  const trainer = await trainerContext.newPage()
  await logIn(trainer, 'trainer@demo.test')
  await trainer.goto(`${ORG}/assessments`)
  const row = trainer.locator(`tr[data-evidence="${id}"]`)
  await expect(row).toContainText('Fatima Bouzid')
  await expect(row.locator('td').nth(2)).toHaveText(code)
  await row.getByRole('link', { name: title }).click()
  await expect(trainer).toHaveURL(`${ORG}/assessments/${id}`)
  const form = judgementOf(trainer, code)
  await expect(form).toBeVisible()
  await expectNoSeriousA11yViolations(trainer)

  // One criterion below its required level: signing off is refused.
  const count = await scoreAll(form, 'Bekwaam')
  const first = form.locator('fieldset.criterion').first()
  await expect(first.locator('legend')).toContainText('Vereist: Bekwaam')
  await first.getByRole('radio', { name: 'Gevorderd', exact: true }).check()
  await form.getByLabel('Feedback voor de deelnemer').fill(feedback)
  await form.getByRole('button', { name: 'Aftekenen' }).click()
  await expect(form.getByRole('alert')).toContainText(
    'Aftekenen kan alleen als elk criterium het vereiste niveau haalt.',
  )
  await expect(form).toBeVisible()
  await page.goto(`/evidence/${id}`)
  await expect(verdictOf(page, code)).toHaveText('Wacht op beoordeling')
  await expect(page.getByText('Nog niet beoordeeld.')).toBeVisible()

  // All criteria at the required level: signed off.
  expect(await scoreAll(form, 'Bekwaam')).toBe(count)
  await form.getByLabel('Feedback voor de deelnemer').fill(feedback)
  await form.getByRole('button', { name: 'Aftekenen' }).click()
  await expect(form).toHaveCount(0)
  const judged = trainer.locator(`article[data-assessment="${code}"]`)
  await expect(judged).toContainText('Afgetekend')
  await expect(judged).toContainText(feedback)
  await trainer.goto(`${ORG}/assessments`)
  await expect(trainer.locator(`tr[data-evidence="${id}"]`)).toHaveCount(0)
  await trainerContext.close()

  // The learner: competent, with the feedback and a new record.
  await page.goto('/dashboard')
  await expect(stepOf(page, code)).toHaveText('Bekwaam')
  await page.goto(`/evidence/${id}`)
  await expect(verdictOf(page, code)).toHaveText('Afgetekend')
  const card = page.locator(`article[data-assessment="${code}"]`)
  await expect(card).toContainText('Afgetekend')
  await expect(card).toContainText('Peter van Dijk')
  await expect(card).toContainText(feedback)
  await expect(card.locator('tbody tr')).toHaveCount(count)
  await expectNoSeriousA11yViolations(page)

  await page.goto('/records')
  const records = page.locator('li.card[data-record]')
  await expect(records).toHaveCount(1)
  const record = page.locator(`li.card[data-record="${code}"]`)
  await expect(record).toContainText('Werkproces')
  await expect(record).toContainText('Geldig')
  await record.getByRole('heading').getByRole('link').click()
  await expect(page.locator('[role=status][data-status]')).toHaveAttribute('data-status', 'valid')
  await expect(page.locator('dl.facts')).toContainText('Fatima Bouzid')
})

test('a proeve needs two different assessors per work process', async ({ page, browser }) => {
  const title = `Proeve kerntaak 4: verbeterproject ${Date.now()}`
  const codes = ['TL-K4-W1', 'TL-K4-W2', 'TL-K4-W3']
  const [signed, ...open] = codes as [string, ...string[]]

  await logIn(page, 'sanne.hendriks@noord.demo.test')
  await page.goto('/evidence/new')
  await page
    .getByRole('radio', { name: 'Proeve van bekwaamheid (hele kerntaak)', exact: true })
    .check()
  await page.getByLabel('Kerntaak van de proeve').selectOption('TL-K4')
  await page.getByLabel('Titel').fill(title)
  await page
    .getByLabel('Toelichting')
    .fill('Een verbeterproject op de herhaalcontacten, van plan tot evaluatie met het team.')
  await page.getByRole('button', { name: 'Inleveren' }).click()
  const id = await evidenceIdFrom(page)
  for (const code of codes) await expect(verdictOf(page, code)).toHaveText('Wacht op beoordeling')

  // The first assessor: the trainer signs one work process.
  const trainerContext = await browser.newContext()
  const trainer = await trainerContext.newPage()
  await logIn(trainer, 'trainer@demo.test')
  await trainer.goto(`${ORG}/assessments`)
  const trainerRow = trainer.locator(`tr[data-evidence="${id}"]`)
  await expect(trainerRow.locator('td').nth(2)).toHaveText(codes.join(', '))
  await expect(trainerRow).not.toContainText('tweede assessor nodig')
  await trainerRow.getByRole('link', { name: title }).click()
  const form = judgementOf(trainer, signed)
  await expect(form).toBeVisible()
  const criteriaVersion = await form.locator('input[name=criteriaVersion]').inputValue()
  const count = await scoreAll(form, 'Bekwaam')
  await form.getByLabel('Feedback voor de deelnemer').fill('Goed onderbouwd projectplan.')
  await form.getByRole('button', { name: 'Aftekenen' }).click()
  await expect(form).toHaveCount(0)
  for (const code of open) await expect(judgementOf(trainer, code)).toBeVisible()
  await trainer.reload()
  await expect(judgementOf(trainer, open[0]!)).toBeVisible()
  await expect(judgementOf(trainer, signed)).toHaveCount(0)
  // Nor can the trainer sign it a second time by posting the form anyway.
  // (Posted as React Router's data request, so the answer carries the refusal's message key.)
  const again = await trainer.request.post(`${ORG}/assessments/${id}.data`, {
    form: {
      workProcessCode: signed,
      criteriaVersion,
      decision: 'signed_off',
      comment: '',
      ...Object.fromEntries(
        Array.from({ length: count }, (_, i) => [`scores[${i}].level`, 'bekwaam']),
      ),
    },
  })
  expect(again.status()).toBe(400)
  expect(await again.text()).toContain('assessment.refused.already_judged')
  await trainer.goto(`${ORG}/assessments`)
  await expect(trainerRow.locator('td').nth(2)).toHaveText(open.join(', '))
  await trainerContext.close()

  await page.goto(`/evidence/${id}`)
  await expect(verdictOf(page, signed)).toHaveText('Wacht op tweede assessor')
  for (const code of open) await expect(verdictOf(page, code)).toHaveText('Wacht op beoordeling')

  // The second assessor: the team leader.
  const leaderContext = await browser.newContext()
  const leader = await leaderContext.newPage()
  await logIn(leader, 'teamleider@noord.demo.test')
  await leader.goto(`${ORG}/assessments`)
  const leaderRow = leader.locator(`tr[data-evidence="${id}"]`)
  await expect(leaderRow).toContainText('tweede assessor nodig')
  await expect(leaderRow).toContainText('Sanne Hendriks')
  await leaderRow.getByRole('link', { name: title }).click()
  const second = judgementOf(leader, signed)
  await expect(second.getByRole('heading', { level: 2 })).toContainText('tweede assessor nodig')
  await expect(judgementOf(leader, open[0]!).getByRole('heading', { level: 2 })).not.toContainText(
    'tweede assessor nodig',
  )
  await scoreAll(second, 'Bekwaam')
  await second.getByLabel('Feedback voor de deelnemer').fill('Op de vloer gezien: sterk.')
  await second.getByRole('button', { name: 'Aftekenen' }).click()
  await expect(second).toHaveCount(0)
  await leaderContext.close()

  await page.goto(`/evidence/${id}`)
  await expect(verdictOf(page, signed)).toHaveText('Afgetekend')
  for (const code of open) await expect(verdictOf(page, code)).toHaveText('Wacht op beoordeling')
  const judgements = page.locator(`article[data-assessment="${signed}"]`)
  await expect(judgements).toHaveCount(2)
  await expect(judgements.filter({ hasText: 'Peter van Dijk' })).toContainText(
    'Goed onderbouwd projectplan.',
  )
  await expect(judgements.filter({ hasText: 'Joost Bakker' })).toContainText(
    'Op de vloer gezien: sterk.',
  )
})
