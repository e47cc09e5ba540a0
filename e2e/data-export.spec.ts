import fs from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { expect, test } from '@playwright/test'
import { logIn } from './auth.ts'
import { EXPORT_FILES } from '../app/privacy/export-files.ts'

test('the demo learner downloads all her data as one zip with every category', async ({ page }) => {
  await logIn(page, 'leerling@noord.demo.test')
  await page.goto('/account')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download al mijn gegevens' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^leerplein-gegevens-.*\.zip$/)
  const files = unzipSync(new Uint8Array(fs.readFileSync(await download.path())))
  const rows = (name: string) => JSON.parse(strFromU8(files[name]!)) as unknown[]

  expect(strFromU8(files['README.md']!)).toContain('Al je gegevens in Leerplein Contactcenter')
  for (const name of Object.keys(EXPORT_FILES).filter((f) => f.endsWith('.json')))
    expect(files, name).toHaveProperty([name])
  expect(JSON.parse(strFromU8(files['profile.json']!))).toMatchObject({
    email: 'leerling@noord.demo.test',
  })
  // What the demo gives Lotte Visser: progress, evidence with a file, records, quality
  // evaluations, coaching, KPIs, an assignment, an LTI identity, and this very session.
  for (const name of [
    'memberships.json',
    'work-process-statuses.json',
    'learning-events.json',
    'xapi-statements.json',
    'lesson-completions.json',
    'quiz-attempts.json',
    'evidence.json',
    'records.json',
    'evaluations.json',
    'coaching-sessions.json',
    'kpi-weeks.json',
    'lti-users.json',
    'sessions.json',
  ])
    expect(rows(name).length, name).toBeGreaterThan(0)
  expect(Object.keys(files).some((f) => f.startsWith('evidence-files/'))).toBe(true)
  expect(Object.keys(files).some((f) => f.startsWith('records/') && f.endsWith('.jwt'))).toBe(true)
})
