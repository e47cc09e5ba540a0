import { expect, test, type Page } from '@playwright/test'
import { logIn } from './auth.ts'

/**
 * The Done-when of #19 for trainers: a new trainer creates a Dutch-only course, writes a lesson
 * and a four-question quiz with the builder (no MDX typed for the quiz) and publishes it on the
 * first try. Every field error, refusal (400) or publishing problem on the way fails the test,
 * so each step must be right the first time, the way a trainer would do it.
 */
const QUESTIONS = [
  { prompt: 'Waar staat de S in SBI voor?', options: ['Situatie', 'Samenvatting'], correct: 0 },
  {
    prompt: 'Wat beschrijf je bij B?',
    options: ['Je oordeel', 'Het gedrag dat je zag'],
    correct: 1,
  },
  {
    prompt: 'Wanneer geef je feedback?',
    options: ['Binnen een dag', 'Bij de jaarbeoordeling'],
    correct: 0,
  },
  { prompt: 'Wat is de I?', options: ['Interventie', 'Impact op klant of collega'], correct: 1 },
]

/** What counts as "an error was shown": a field error, a form error or a publishing refusal. */
const ERROR_SELECTOR = '.field-errors li, [id$="-error"]:not(:empty), .problems'

/** Watch every page of the journey for errors, also ones that show and vanish again. */
async function watchForErrors(page: Page) {
  const seen: string[] = []
  await page.exposeFunction('reportShownError', (text: string) => seen.push(text))
  await page.addInitScript((selector) => {
    const report = (window as unknown as { reportShownError: (t: string) => void }).reportShownError
    const scan = () => {
      for (const element of document.querySelectorAll(selector)) {
        if (element instanceof HTMLElement && element.dataset.reported !== 'yes') {
          element.dataset.reported = 'yes'
          report(`${location.pathname}: ${element.textContent ?? ''}`)
        }
      }
    }
    new MutationObserver(scan).observe(document, { childList: true, subtree: true })
    document.addEventListener('DOMContentLoaded', scan)
  }, ERROR_SELECTOR)
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().includes('/trainer')) {
      seen.push(`${response.status()} ${response.request().method()} ${response.url()}`)
    }
  })
  return seen
}

test('a new trainer publishes a Dutch-only course with a lesson and a built quiz on the first try', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000)
  const errors = await watchForErrors(page)
  const title = `Feedback op de vloer ${Date.now().toString(36)}`
  await logIn(page, 'trainer@demo.test')
  await page.goto('/trainer')
  await page.getByRole('link', { name: 'Nieuwe cursus' }).click()

  // Dutch only is the default: no English field is shown or asked.
  await page.getByLabel('Van wie is de cursus').selectOption({ label: 'Klantcontact Noord' })
  await page.getByLabel('Kwalificatiedossier').selectOption('contactcenter-teamleider')
  await expect(page.getByLabel('Alleen Nederlands')).toBeChecked()
  await expect(page.getByLabel('Titel (Engels)')).toBeHidden()
  // Choosing English as well shows its fields; going back hides them again.
  await page.getByLabel(/^Nederlands en Engels/).check()
  await expect(page.getByLabel('Titel (Engels)')).toBeVisible()
  await page.getByLabel('Alleen Nederlands').check()
  await expect(page.getByLabel('Titel (Engels)')).toBeHidden()
  await page.getByLabel('Titel', { exact: true }).fill(title)
  await page.getByLabel('Samenvatting', { exact: true }).fill('Korte, concrete feedback met SBI.')
  await page.getByLabel('Doelgroep', { exact: true }).fill('Teamleiders')
  await page.getByRole('button', { name: 'Cursus aanmaken' }).click()
  await expect(page).toHaveURL(/\/trainer\/courses\/feedback-op-de-vloer-[a-z0-9-]+$/)
  const courseUrl = new URL(page.url()).pathname
  const courseId = courseUrl.split('/').at(-1)!

  // A module of the trainer's own, in Dutch only; the automatic "Module 1" stays empty.
  await page.locator('#new-module-nl').fill('Feedback geven')
  await expect(page.locator('#new-module-en')).toHaveCount(0)
  await page.getByRole('button', { name: 'Module toevoegen' }).click()
  await expect(page.getByRole('heading', { level: 3, name: '2. Feedback geven' })).toBeVisible()
  await expect(page.getByText('bij publiceren wordt ze overgeslagen').first()).toBeVisible()

  // The reading lesson.
  const feedbackModule = page.locator('form.add-lesson').nth(1)
  await feedbackModule.getByLabel('Titel').fill('Feedback met SBI')
  await feedbackModule.getByRole('button', { name: 'Les toevoegen' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Feedback met SBI')
  await page.getByLabel(/TL-K2-W3/).check()
  await page
    .getByLabel('Lestekst (MDX)')
    .fill('## Waarom SBI\n\nMet **Situatie, Gedrag en Impact** blijft feedback concreet.\n')
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible()
  await page.getByRole('link', { name: title }).click()

  // The quiz: a lesson of the default type, turned into a quiz by the builder itself.
  await page.locator('form.add-lesson').nth(1).getByLabel('Titel').fill('Toets SBI')
  await page
    .locator('form.add-lesson')
    .nth(1)
    .getByRole('button', { name: 'Les toevoegen' })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toets SBI')
  await expect(page.getByLabel('Soort', { exact: true })).toHaveValue('lesson')
  await page.getByLabel(/TL-K2-W3/).check()
  await page.getByText('Quizbouwer', { exact: true }).click()
  for (const [n, q] of QUESTIONS.entries()) {
    await page.getByLabel('Vraag', { exact: true }).fill(q.prompt)
    for (const [i, option] of q.options.entries()) {
      await page.getByLabel(`Antwoord ${String.fromCharCode(65 + i)}`, { exact: true }).fill(option)
    }
    await page.getByLabel(`Antwoord ${String.fromCharCode(65 + q.correct)} is juist`).check()
    await page.getByRole('button', { name: 'Vraag toevoegen aan de toets' }).click()
    await expect(page.locator('.preview-pane fieldset.question')).toHaveCount(n + 1)
    if (n === 0) {
      await expect(
        page.getByRole('status').filter({ hasText: 'het soort is Toets geworden' }),
      ).toBeVisible()
      await expect(page.getByLabel('Soort', { exact: true })).toHaveValue('quiz')
    }
  }
  await expect(page.getByText('Deze toets heeft nu 4 vragen.')).toBeVisible()
  await expect(page.getByLabel('Lestekst (MDX)')).toHaveValue(/<Quiz passMark="75">/)

  // Published on the first try.
  await page.getByRole('link', { name: title }).click()
  await page.getByRole('button', { name: 'Concept publiceren' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Versie 1 is gepubliceerd.' }),
  ).toBeVisible()
  expect(errors, 'no field error, refusal or problem on the way').toEqual([])

  // A learner of Klantcontact Noord sees it; in English the Dutch texts are marked as Dutch.
  const context = await browser.newContext()
  const learner = await context.newPage()
  await logIn(learner, 'leerling@noord.demo.test')
  await learner.goto(`/courses/${courseId}`)
  await expect(learner.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(learner.getByRole('link', { name: 'Feedback met SBI' })).toBeVisible()
  await expect(learner.getByRole('link', { name: 'Toets SBI' })).toBeVisible()
  // The empty "Module 1" was left out: the course has one module.
  const modules = learner.getByRole('heading', { level: 2, name: /^Module \d+:/ })
  await expect(modules).toHaveCount(1)
  await expect(modules).toHaveText('Module 1: Feedback geven')
  await context.addCookies([{ name: 'lang', value: 'en', url: learner.url() }])
  await learner.reload()
  await expect(learner.locator('h1 [lang="nl"]')).toHaveText(title)
  await expect(learner.locator('.lead [lang="nl"]')).toHaveText('Korte, concrete feedback met SBI.')
  await context.close()
})

test('after field errors, errors go while typing and one click on "Cursus aanmaken" creates the course', async ({
  page,
}) => {
  await logIn(page, 'trainer@demo.test')
  await page.goto('/trainer/courses/new')
  await page.getByRole('button', { name: 'Cursus aanmaken' }).click()
  const titleError = page.locator('[id$="titleNl-error"]')
  await expect(titleError).toHaveText('Dit veld is verplicht.')
  await page.getByLabel('Titel', { exact: true }).fill('Fouten verdwijnen bij het typen')
  // Gone while typing, before leaving the field: nothing moves when the button is pressed.
  await expect(titleError).toHaveCount(0)
  await page.getByLabel('Samenvatting', { exact: true }).fill('Een korte samenvatting.')
  await page.getByLabel('Doelgroep', { exact: true }).fill('Teamleiders')
  await expect(page.locator('.field-errors')).toHaveCount(0)
  const button = page.getByRole('button', { name: 'Cursus aanmaken' })
  const before = await button.boundingBox()
  await page.getByLabel('Doelgroep', { exact: true }).blur()
  expect(await button.boundingBox()).toEqual(before)
  await button.click()
  await expect(page).toHaveURL(/\/trainer\/courses\/fouten-verdwijnen-bij-het-typen(-\d+)?$/)
})
