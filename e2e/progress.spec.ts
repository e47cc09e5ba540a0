import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { logIn } from './auth.ts'

/** The correct option positions per question, read from the quiz's source (test-side only). */
function answersOf(file: string): number[][] {
  const source = fs.readFileSync(file, 'utf8')
  return source
    .split('<Question')
    .slice(1)
    .map((question) =>
      [...question.matchAll(/<Option( correct)?>/g)].flatMap((m, i) => (m[1] ? [i] : [])),
    )
}

test('a learner completes the lesson and quiz of a work process and sees it reach "knowledge complete"', async ({
  page,
}) => {
  await logIn(page, 'tim.dekker@noord.demo.test')
  const row = page.locator('li[data-work-process="TL-K2-W4"]')
  await expect(row).toContainText('Niet begonnen')

  await page.goto('/courses/tl-k2-coachen/tl-k2-w4-instructie')
  await page.getByRole('button', { name: 'Markeer als afgerond' }).click()
  await expect(page.getByText('Je hebt dit onderdeel afgerond.')).toBeVisible()

  await page.goto('/dashboard')
  await expect(row).toContainText('Aan het leren')

  await page.goto('/courses/tl-k2-coachen/tl-k2-w4-quiz')
  const answers = answersOf('courses/tl-k2-coachen/04-instrueren/02-quiz-instrueren.mdx')
  const questions = page.locator('fieldset.question')
  await expect(questions).toHaveCount(answers.length)
  for (const [q, correct] of answers.entries()) {
    for (const option of correct) await questions.nth(q).locator('input').nth(option).check()
  }
  await page.getByRole('button', { name: 'Antwoorden nakijken' }).click()
  await expect(page.getByRole('status').first()).toContainText('Gehaald: 100%')

  await page.goto('/dashboard')
  await expect(row).toContainText('Kennis compleet')
  await expect(row.getByRole('progressbar')).toHaveAttribute(
    'aria-label',
    'TL-K2-W4: Kennis compleet',
  )
  await expectNoSeriousA11yViolations(page)

  await page.getByRole('link', { name: 'Hoe wordt voortgang berekend?' }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hoe voortgang wordt berekend')
  await expectNoSeriousA11yViolations(page)
})

test('the demo learner sees all 17 team-leader work processes, spread over the ladder', async ({
  page,
}) => {
  await logIn(page, 'leerling@noord.demo.test')
  const rows = page.locator('li[data-work-process^="TL-"]')
  await expect(rows).toHaveCount(17)
  const withStep = (text: string) => page.locator('li[data-work-process^="TL-"]', { hasText: text })
  await expect(withStep('Bekwaam')).toHaveCount(5)
  await expect(withStep('Aangetoond')).toHaveCount(1)
  await expect(withStep('Aan het leren')).toHaveCount(3)
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: /xAPI/ }).click()
  const file = await (await download).path()
  const statements = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ verb: { id: string } }>
  expect(statements.length).toBeGreaterThan(10)
})
