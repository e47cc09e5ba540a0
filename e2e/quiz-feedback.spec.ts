import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { DEMO_PASSWORD, logIn } from './auth.ts'

/**
 * A learner fails a quiz: the page says what was wrong and not what is right. After a pass
 * the correct options are shown. The answers come from the course file itself.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100)
const QUIZ = '/courses/tl-k2-coachen/tl-k2-w3-quiz'
const SOURCE = 'courses/tl-k2-coachen/03-coachen/02-quiz-coachen.mdx'

/** Per question, which option positions the author marked correct, and how many there are. */
function answerKey(): Array<{ options: number; correct: number[] }> {
  const mdx = fs.readFileSync(SOURCE, 'utf8')
  return mdx
    .split('<Question')
    .slice(1)
    .map((question) => {
      const options = [...question.split('</Question>')[0]!.matchAll(/<Option( correct)?>/g)]
      return {
        options: options.length,
        correct: options.flatMap((o, i) => (o[1] ? [i] : [])),
      }
    })
}

/** A learner of its own on every run (and retry): attempts decide what the page shows. */
function freshLearner(): string {
  const email = `quiz.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@noord.demo.test`
  const database = fs.readFileSync(`data/e2e-${PORT}/database-url`, 'utf8')
  execFileSync('node', ['--import', 'tsx', 'e2e/quiz-learner-setup.ts', email, DEMO_PASSWORD], {
    env: { ...process.env, DATABASE_URL: database, SIGNING_KEY_DIR: `data/e2e-${PORT}/keys` },
    stdio: 'inherit',
  })
  return email
}

async function answer(page: Page, choose: (q: { options: number; correct: number[] }) => number[]) {
  const questions = page.locator('fieldset.question')
  const key = answerKey()
  await expect(questions).toHaveCount(key.length)
  for (const [i, q] of key.entries()) {
    const inputs = questions.nth(i).locator('input')
    const chosen = choose(q)
    for (let o = 0; o < q.options; o++) {
      const input = inputs.nth(o)
      if (chosen.includes(o)) await input.check()
      else if ((await input.getAttribute('type')) === 'checkbox') await input.uncheck()
    }
  }
}

test.use({ viewport: { width: 390, height: 844 } })

test('a failed quiz does not reveal the correct options; a passed one does', async ({ page }) => {
  const key = answerKey()
  expect(key.length).toBeGreaterThanOrEqual(4)
  await logIn(page, freshLearner())
  await page.goto(QUIZ)
  const quiz = page.getByRole('form', { name: 'Toets' })
  const questions = quiz.locator('fieldset.question')

  // Long question titles wrap inside their box on a phone: not across its top border (where
  // a browser puts a legend), not past its side. The hint is there once.
  for (let i = 0; i < key.length; i++) {
    const fits = await questions.nth(i).evaluate((fieldset) => {
      const legend = fieldset.querySelector('legend')!.getBoundingClientRect()
      const box = fieldset.getBoundingClientRect()
      const border = parseFloat(getComputedStyle(fieldset).borderTopWidth)
      return legend.top >= box.top + border && legend.right <= box.right
    })
    expect(fits, `question ${i + 1}`).toBe(true)
    const legend = (await questions.nth(i).locator('legend').textContent()) ?? ''
    expect(legend.match(/meerdere antwoorden/g)?.length ?? 0).toBe(
      legend.includes('meerdere') ? 1 : 0,
    )
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true)

  // Wrong everywhere: the first option that is not correct.
  await answer(page, (q) => [[...Array(q.options).keys()].find((o) => !q.correct.includes(o))!])
  await quiz.getByRole('button', { name: 'Antwoorden nakijken' }).click()
  await expect(quiz.getByRole('status')).toHaveText(/^Nog niet gehaald: 0%/)
  for (let i = 0; i < key.length; i++) {
    const question = questions.nth(i)
    await expect(question.locator('.feedback')).toContainText('Niet goed.')
    await expect(question.locator('.option.wrong')).toHaveCount(1)
    await expect(question.locator('.option.wrong')).toContainText('(jouw keuze, niet juist)')
  }
  await expect(quiz.locator('.option.correct')).toHaveCount(0)
  await expect(quiz).not.toContainText('juist antwoord)')
  expect(await page.content()).not.toContain('(juist antwoord)')
  await expect(quiz).toContainText('Na nog 2 pogingen zie je de juiste antwoorden')
  // The author's explanation is there: it teaches without naming the options.
  await expect(questions.first().locator('.feedback')).toContainText(
    'Coaching is gericht op ontwikkeling',
  )
  await expectNoSeriousA11yViolations(page)

  // Right everywhere: passed, and now the key is shown.
  await answer(page, (q) => q.correct)
  await quiz.getByRole('button', { name: 'Opnieuw nakijken' }).click()
  await expect(quiz.getByRole('status')).toHaveText(/^Gehaald: 100%/)
  const correctCount = key.reduce((n, q) => n + q.correct.length, 0)
  await expect(quiz.locator('.option.correct')).toHaveCount(correctCount)
  await expect(quiz.getByText('(juist antwoord)')).toHaveCount(correctCount)
  await expect(quiz.locator('.option.wrong')).toHaveCount(0)
  await expectNoSeriousA11yViolations(page)
})
