import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'

const QUIZ = '/courses/tl-k2-coachen/tl-k2-w3-quiz'
const SCENARIO = '/courses/tl-k2-coachen/tl-k2-w3-scenario-aht'

const texts = {
  nl: {
    catalogue: 'Cursussen',
    course: 'Coachen en begeleiden',
    submit: 'Antwoorden nakijken',
    result: /^(Gehaald|Nog niet gehaald): \d+%/,
    feedback: 'Coaching is gericht op ontwikkeling',
    endings: /Sterke afloop|Gemengde afloop|Zwakke afloop/,
    restart: 'Opnieuw beginnen',
  },
  en: {
    catalogue: 'Courses',
    course: 'Coaching and guiding',
    submit: 'Check my answers',
    result: /^(Passed|Not passed yet): \d+%/,
    feedback: 'Coaching',
    endings: /Strong outcome|Mixed outcome|Weak outcome/,
    restart: 'Start again',
  },
}

for (const lang of ['nl', 'en'] as const) {
  test.describe(`learning in ${lang === 'nl' ? 'Dutch' : 'English'}`, () => {
    const t = texts[lang]
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: 'lang', value: lang, url: baseURL! }])
    })

    test('catalogue → course → lesson, with the work processes it trains', async ({ page }) => {
      await page.goto('/courses')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.catalogue)
      await expectNoSeriousA11yViolations(page)
      await page.getByRole('link', { name: t.course }).first().click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.course)
      await expectNoSeriousA11yViolations(page)
      await page
        .getByRole('listitem')
        .filter({ hasText: 'TL-K2-W3' })
        .getByRole('link')
        .first()
        .click()
      await expect(page.getByRole('link', { name: /TL-K2-W3/ })).toBeVisible()
      await expect(
        page.getByRole('navigation', { name: /Vorige en volgende les|Previous and next lesson/ }),
      ).toBeVisible()
      await expectNoSeriousA11yViolations(page)
    })

    test('a quiz: no answer key in the page before submitting; graded feedback after', async ({
      page,
      request,
    }) => {
      const html = await (await request.get(QUIZ, { headers: { Cookie: `lang=${lang}` } })).text()
      // No `correct` prop in the compiled lesson, no feedback text (which gives answers away).
      expect(html).toContain('passMark')
      expect(html).not.toMatch(/correct:(!0|true)|\\"correct\\"/)
      expect(html).not.toContain('Coaching is gericht op ontwikkeling')
      expect(html).not.toContain('Coaching is aimed at development')

      await page.goto(QUIZ)
      await expectNoSeriousA11yViolations(page)
      const questions = page.locator('fieldset.question')
      const count = await questions.count()
      expect(count).toBeGreaterThanOrEqual(4)
      for (let i = 0; i < count; i++) await questions.nth(i).locator('input').first().check()
      await page.getByRole('button', { name: t.submit }).click()
      await expect(page.getByRole('status')).toHaveText(t.result)
      await expect(questions.first().locator('.feedback')).toBeVisible()
      // The first options are wrong: a visitor sees what was wrong, the key only after a pass.
      await expect(page.locator('.option.wrong').first()).toBeVisible()
      await expect(page.locator('.option.correct')).toHaveCount(0)
      await expectNoSeriousA11yViolations(page)
    })

    test('a scenario is walked to an ending by keyboard, and can start again', async ({ page }) => {
      await page.goto(SCENARIO)
      await expectNoSeriousA11yViolations(page)
      const scenario = page.locator('section.scenario')
      for (let i = 0; i < 15 && (await scenario.locator('.ending').count()) === 0; i++) {
        const before = page.url()
        const choice = scenario.locator('.choice').first()
        const target = await choice.getAttribute('href')
        await choice.focus()
        await page.keyboard.press('Enter')
        await expect(page).not.toHaveURL(before)
        // The address changes before the next step is drawn: wait for the step itself, or the
        // next round presses the old step's choice again (seen once on a busy machine).
        await expect(scenario.locator(`.choice[href="${target}"]`)).toHaveCount(0)
      }
      await expect(scenario.locator('.ending-result')).toHaveText(t.endings)
      await expectNoSeriousA11yViolations(page)
      await page.getByRole('link', { name: t.restart }).click()
      await expect(scenario.locator('.choice').first()).toBeVisible()
    })
  })
}

test('a KPI calculator works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/courses/tl-k3-dagelijkse-operatie/tl-k3-w3-targets')
  await page.getByLabel('Totale gesprekstijd (seconden)').fill('24000')
  await page.getByLabel('Totale wachttijd / hold (seconden)').fill('3000')
  await page.getByLabel('Totale nawerktijd (seconden)').fill('6000')
  await page.getByLabel('Aantal contacten').fill('100')
  await page.getByRole('button', { name: 'Bereken' }).click()
  await expect(page.getByRole('status')).toHaveText('Uitkomst: 330 seconden per contact.')
  await context.close()
})
