import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { zipSync } from 'fflate'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { logIn } from './auth.ts'

/** A test package folder from tests/packages/ as the zip a trainer would upload. */
function packageZip(name: string): Buffer {
  const dir = path.resolve(name.includes('/') ? name : path.join('tests', 'packages', name))
  const files: Record<string, Uint8Array> = {}
  for (const file of fs.readdirSync(dir))
    files[file] = new Uint8Array(fs.readFileSync(path.join(dir, file)))
  return Buffer.from(zipSync(files))
}

/** A trainer of an organisation of its own (see e2e/packages-journey-setup.ts). */
function newTrainer() {
  const folder = `data/e2e-${process.env.E2E_PORT ?? 3100}`
  const output = execFileSync('node', ['--import', 'tsx', 'e2e/packages-journey-setup.ts'], {
    env: { ...process.env, DATABASE_URL: fs.readFileSync(`${folder}/database-url`, 'utf8') },
    encoding: 'utf8',
  })
  return JSON.parse(output.trim().split('\n').pop()!) as {
    organisation: string
    trainer: string
    password: string
  }
}

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
  await expect(card).toContainText('versies 1')
})
