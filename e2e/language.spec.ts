import { expect, test } from '@playwright/test'

// The switch is a plain form: it must work with JavaScript off as well as on.
for (const javaScriptEnabled of [false, true]) {
  test(`the language switch persists across pages (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled })
    const page = await context.newPage()
    await page.goto('/dossiers/contactcenter-teamleider')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contactcenter teamleider')

    await page.getByRole('button', { name: 'English' }).click()
    await expect(page).toHaveURL('/dossiers/contactcenter-teamleider')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contact centre team leader')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')

    await page.goto('/competencies')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The 25 competencies')

    await page.getByRole('button', { name: 'Nederlands' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('De 25 competenties')
    await context.close()
  })
}
