import { expect, test } from '@playwright/test'
import { zipSync } from 'fflate'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { logIn } from './auth.ts'
import { packageZip } from './package-zip.ts'
import { runSetup } from './run-setup.ts'

/** A trainer of an organisation of its own (see e2e/packages-journey-setup.ts). */
const newTrainer = () =>
  runSetup<{ organisation: string; trainer: string; password: string }>(
    'e2e/packages-journey-setup.ts',
  )!

test('a trainer imports a SCORM 2004 package on a phone, maps it to TL-K2-W3 and publishes it', async ({
  page,
}) => {
  const people = newTrainer()
  await page.setViewportSize({ width: 390, height: 844 })
  await logIn(page, people.trainer, people.password)
  await page.goto('/trainer/packages/import')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pakket importeren')
  await expectNoSeriousA11yViolations(page)

  // A broken zip first: the problem names the file and line.
  const klacht = packageZip('courses/packages/klacht-deescaleren')
  await page.getByLabel('Pakket (zip)').setInputFiles({
    name: 'kapot.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(zipSync({ 'imsmanifest.xml': new TextEncoder().encode('<manifest>') })),
  })
  await page.getByLabel('Van wie is de cursus').selectOption({ label: people.organisation })
  await page.getByRole('button', { name: 'Uploaden en controleren' }).click()
  await expect(page.getByRole('alert')).toContainText('imsmanifest.xml:1:')

  await page.getByLabel('Pakket (zip)').setInputFiles({
    name: 'klacht.zip',
    mimeType: 'application/zip',
    buffer: klacht,
  })
  await page.getByLabel('Van wie is de cursus').selectOption({ label: people.organisation })
  await page.getByRole('button', { name: 'Uploaden en controleren' }).click()
  await expect(page).toHaveURL(/\/trainer\/packages\/\w+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een klacht de-escaleren')
  await expect(page.getByText('klacht-deescaleren')).toBeVisible()
  await expect(page.getByText('80%')).toBeVisible()
  // Nothing sticks out sideways on a phone.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await expectNoSeriousA11yViolations(page)

  await page.getByRole('button', { name: 'Publiceren' }).click()
  await expect(page.getByRole('alert')).toContainText('Kies minstens één werkproces.')
  await page.getByLabel(/TL-K2-W3/).check()
  await page.getByLabel('Af wanneer').selectOption('passed')
  await page.getByRole('button', { name: 'Publiceren' }).click()
  await expect(page).toHaveURL(/\/trainer\?published=/)
  const card = page.locator('#packages li').filter({ hasText: 'Een klacht de-escaleren' }).first()
  await expect(card).toContainText('SCORM 2004')
  await expect(card).toContainText('versie 1')
})
