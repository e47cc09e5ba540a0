import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { logIn } from './auth.ts'

const LEARNER = 'leerling@noord.demo.test'

for (const width of [390, 1280]) {
  test(`a learner puts a record in a wallet by keyboard, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 })
    await logIn(page, LEARNER)
    await page.goto('/records')
    const button = page.getByRole('button', { name: 'In je wallet zetten' }).first()
    await button.focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/records\/[0-9a-f-]{36}\/wallet$/)
    await expect(page.getByRole('heading', { level: 1, name: 'In je wallet zetten' })).toBeVisible()
    await expect(page.locator('[data-pin]')).toHaveText(/^\d{6}$/)
    const link = page.getByRole('link', { name: /Open hem dan hier/ })
    await expect(link).toHaveAttribute(
      'href',
      /^openid-credential-offer:\/\/\?credential_offer_uri=/,
    )
    const qr = page.getByRole('img', { name: 'Scan deze QR-code met je wallet' })
    await expect(qr).toBeVisible()
    // Nothing wider than the screen: the QR code shrinks, the link button wraps.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    expect((await qr.boundingBox())!.width).toBeLessThanOrEqual(width)
    await expect(page.getByText(/\(10 minuten\)/)).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })
}
