import { expect, type Browser, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'Demo-Wachtwoord-2026'

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  // Each role lands on its own work page (docs/decisions/029-landing-pages.md): wait until
  // the login page is left, wherever that leads.
  await expect(page).not.toHaveURL(/\/login(\?|$)/)
}

/**
 * The link in the newest outbox e-mail to an address, read as the platform admin reads it
 * (/admin/outbox), in a browser context of its own.
 */
export async function linkFromOutbox(browser: Browser, to: string, path: string): Promise<string> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await logIn(page, 'admin@demo.test')
  await page.goto('/admin/outbox')
  const mail = page.locator('.outbox li').filter({ hasText: to }).first()
  await mail.locator('summary').click()
  const text = await mail.locator('pre').textContent()
  await context.close()
  const match = text?.match(new RegExp(`https?://\\S+(${path}/[a-z2-7]+)`))
  expect(match, text ?? '').not.toBeNull()
  return match![1]!
}
