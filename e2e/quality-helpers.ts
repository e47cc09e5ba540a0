import { expect, type Browser, type Page } from '@playwright/test'
import { logIn } from './auth.ts'

/** Klantcontact Noord's quality pages, where the quality journeys happen. */
export const QUALITY = '/orgs/klantcontact-noord/quality'

/** A person signed in in a browser context of their own. */
export async function asUser(browser: Browser, email: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await logIn(page, email)
  return { page, close: () => context.close() }
}

/**
 * Answer every item of the scoring form on the page at its best (ja, 5), except the changes
 * ({ item wording: radio label }); checks the form has `items` items. Returns the items.
 */
export async function answerItems(page: Page, items: number, changes: Record<string, string>) {
  const criteria = page.locator('fieldset.criterion')
  const count = await criteria.count()
  expect(count).toBe(items)
  for (let i = 0; i < count; i++) {
    const criterion = criteria.nth(i)
    const legend = (await criterion.locator('legend').textContent()) ?? ''
    const change = Object.entries(changes).find(([text]) => legend.includes(text))?.[1]
    const yesNo = (await criterion.getByRole('radio', { name: 'ja', exact: true }).count()) > 0
    await criterion
      .getByRole('radio', { name: change ?? (yesNo ? 'ja' : '5'), exact: true })
      .check()
  }
  return criteria
}
