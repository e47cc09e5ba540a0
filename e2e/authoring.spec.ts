import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { logIn } from './auth.ts'

const QUESTIONS = [
  {
    prompt: 'Waar staat de S in SBI voor?',
    options: ['Situatie', 'Samenvatting', 'Score'],
    correct: 0,
  },
  {
    prompt: 'Wat beschrijf je bij B?',
    options: ['Je oordeel', 'Het gedrag dat je zag of hoorde'],
    correct: 1,
  },
  {
    prompt: 'Wanneer geef je feedback?',
    options: ['Zo snel mogelijk na het gesprek', 'Bij de jaarbeoordeling'],
    correct: 0,
  },
  {
    prompt: 'Wat is de I?',
    options: ['Interventie', 'Impact op klant, team of collega'],
    correct: 1,
  },
]

async function addLesson(page: Page, title: string, type: string) {
  const form = page.locator('form.add-lesson').first()
  await form.getByLabel('Titel').fill(title)
  await form.getByLabel('Soort').selectOption(type)
  await form.getByRole('button', { name: 'Les toevoegen' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await page.getByLabel(/TL-K2-W3/).check()
}

test('a trainer writes, previews and publishes a course on TL-K2-W3; a learner takes it and it counts', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  const courseId = `sbi-feedback-${Date.now().toString(36)}`
  await logIn(page, 'trainer@demo.test')
  await page.goto('/trainer')
  await page.getByRole('link', { name: 'Nieuwe cursus' }).click()
  await page.getByLabel('Van wie is de cursus').selectOption({ label: 'Klantcontact Noord' })
  await page.getByLabel('Kwalificatiedossier').selectOption('contactcenter-teamleider')
  // A Dutch-only course (the default) asks no English texts.
  await expect(page.getByLabel('Alleen Nederlands')).toBeChecked()
  await expect(page.getByLabel('Titel (Engels)')).toBeHidden()
  await page.getByLabel('Titel', { exact: true }).fill('Feedback geven met SBI')
  await page
    .getByLabel('Samenvatting', { exact: true })
    .fill('Korte, concrete feedback op de vloer.')
  await page.getByLabel('Doelgroep', { exact: true }).fill('Teamleiders')
  await page.getByLabel('Cursus-id (optioneel)').fill(courseId)
  await page.getByRole('button', { name: 'Cursus aanmaken' }).click()
  await expect(page).toHaveURL(new RegExp(`/trainer/courses/${courseId}$`))
  await expectNoSeriousA11yViolations(page)

  // A reading lesson: an injection is refused by the compile, the real text previews.
  await addLesson(page, 'Feedback met SBI', 'lesson')
  const body = page.getByLabel('Lestekst (MDX)')
  await body.fill('## Waarom SBI\n\n<script>alert(1)</script>\n')
  await page.getByRole('button', { name: 'Voorbeeld bijwerken' }).click()
  await expect(page.locator('.preview-pane')).toContainText('regel 3')
  await page
    .getByLabel('Lestekst (MDX)')
    .fill(
      '## Waarom SBI\n\nMet **Situatie, Gedrag en Impact** blijft feedback concreet.\n\n<Callout type="tip" title="Tip">Geef feedback binnen een dag.</Callout>\n',
    )
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible()
  await expect(page.locator('.preview-pane .lesson-body h2')).toHaveText('Waarom SBI')
  await expect(page.locator('.preview-pane')).toContainText('Geef feedback binnen een dag.')
  await expectNoSeriousA11yViolations(page)
  // With JavaScript the preview follows the typing, without saving.
  await body.fill(`${await body.inputValue()}\n## Live bijgewerkt\n\n{alert(1)}\n`)
  await expect(page.locator('.preview-pane')).toContainText('JavaScript tussen {…}')
  await body.fill(`${(await body.inputValue()).replace('{alert(1)}', 'Zonder code.')}`)
  await expect(page.locator('.preview-pane .lesson-body')).toContainText('Live bijgewerkt')

  // Leaving with unsaved text asks first.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.message())
      void dialog.accept()
    }),
  )
  // A quiz built with the quiz builder, four questions.
  await page.getByRole('link', { name: 'Feedback geven met SBI' }).click()
  expect(await asked).toContain('nog niet zijn opgeslagen')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Feedback geven met SBI')
  await addLesson(page, 'Toets SBI', 'quiz')
  for (const [n, q] of QUESTIONS.entries()) {
    // The builder stays open after a question is added.
    if (n === 0) await page.getByText('Quizbouwer', { exact: true }).click()
    await page.getByLabel('Vraag', { exact: true }).fill(q.prompt)
    for (const [i, option] of q.options.entries()) {
      await page.getByLabel(`Antwoord ${String.fromCharCode(65 + i)}`, { exact: true }).fill(option)
    }
    await page.getByLabel(`Antwoord ${String.fromCharCode(65 + q.correct)} is juist`).check()
    await page.getByRole('button', { name: 'Vraag toevoegen aan de toets' }).click()
    await expect(page.locator('.preview-pane fieldset.question')).toHaveCount(n + 1)
  }
  await expect(page.locator('.preview-pane fieldset.question')).toHaveCount(4)
  await expect(page.locator('.preview-pane')).toContainText('Waar staat de S in SBI voor?')
  // Trying the draft quiz as a learner: graded, nothing stored.
  await page.getByRole('link', { name: 'Uitproberen als deelnemer (opgeslagen tekst)' }).click()
  const trial = page.locator('fieldset.question')
  await expect(trial).toHaveCount(4)
  for (const [i, q] of QUESTIONS.entries())
    await trial.nth(i).locator('input').nth(q.correct).check()
  await page.getByRole('button', { name: 'Antwoorden nakijken' }).click()
  await expect(page.getByRole('status').first()).toContainText('Gehaald: 100%')
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('link', { name: 'Terug naar de editor' }).click()

  await page.getByRole('link', { name: 'Feedback geven met SBI' }).click()
  await page.getByRole('button', { name: 'Concept publiceren' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Versie 1 is gepubliceerd.' }),
  ).toBeVisible()

  // A learner of Klantcontact Noord takes it; TL-K2-W3 moves.
  const context = await browser.newContext()
  const learner = await context.newPage()
  await logIn(learner, 'ricardo.martins@noord.demo.test')
  const row = learner.locator('li[data-work-process="TL-K2-W3"]')
  await expect(row).toContainText('Niet begonnen')
  await learner.goto(`/courses/${courseId}`)
  await learner.getByRole('link', { name: 'Feedback met SBI' }).first().click()
  await expect(learner.getByRole('heading', { level: 2, name: 'Waarom SBI' })).toBeVisible()
  await learner.getByRole('button', { name: 'Markeer als afgerond' }).click()
  await expect(learner.getByText('Je hebt dit onderdeel afgerond.')).toBeVisible()
  await learner.goto(`/courses/${courseId}`)
  await learner.getByRole('link', { name: 'Toets SBI' }).first().click()
  const questions = learner.locator('fieldset.question')
  await expect(questions).toHaveCount(4)
  for (const [i, q] of QUESTIONS.entries()) {
    await questions.nth(i).locator('input').nth(q.correct).check()
  }
  await learner.getByRole('button', { name: 'Antwoorden nakijken' }).click()
  await expect(learner.getByRole('status').first()).toContainText('Gehaald: 100%')
  await learner.goto('/dashboard')
  await expect(row).toContainText('Aan het leren')
  await context.close()
})

test('two editors of one lesson: the second save shows a conflict with both texts, never an overwrite', async ({
  browser,
}) => {
  const editors = await Promise.all(
    [0, 1].map(async () => {
      const context = await browser.newContext()
      const page = await context.newPage()
      await logIn(page, 'trainer@demo.test')
      await page.goto('/trainer/courses/noord-escaleren')
      await page.getByRole('link', { name: 'Toets escaleren', exact: true }).click()
      return { context, page }
    }),
  )
  const [first, second] = editors.map((e) => e.page) as [Page, Page]
  const body = (page: Page) => page.getByLabel('Lestekst (MDX)')
  await body(first).fill(`${await body(first).inputValue()}\n\nAanvulling van tabblad één.`)
  await first.getByRole('button', { name: 'Opslaan' }).click()
  await expect(first.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible()

  await body(second).fill(`${await body(second).inputValue()}\n\nAanvulling van tabblad twee.`)
  await second.getByRole('button', { name: 'Opslaan' }).click()
  const alert = second.getByRole('alert').filter({ hasText: 'intussen opgeslagen' })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('Aanvulling van tabblad één.')
  await expect(body(second)).toHaveValue(/Aanvulling van tabblad twee\./)
  await expectNoSeriousA11yViolations(second)

  // The versions page shows the unpublished change against version 1 (leaving the
  // unsaved text behind knowingly).
  second.on('dialog', (dialog) => void dialog.accept())
  await second.goto('/trainer/courses/noord-escaleren/versions')
  await expect(second.locator('.course-diff')).toContainText('Aanvulling van tabblad één.')
  await expectNoSeriousA11yViolations(second)
  for (const editor of editors) await editor.context.close()
})
