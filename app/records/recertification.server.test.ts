import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { readFramework } from '#app/content/dossier-files.server.ts'
import { DOSSIER_FOLDER } from '#app/domain/dossier-folder.server.ts'
import { checkRecertificationPolicy, RECERTIFICATION_FILE } from './recertification.server.ts'

function policyFile(text: string) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'recert-')), 'recertification.yaml')
  fs.writeFileSync(file, text)
  return file
}

test('the shipped policy is valid against the dossiers', async () => {
  const { problems, policy } = await checkRecertificationPolicy(
    RECERTIFICATION_FILE,
    await readFramework(DOSSIER_FOLDER),
  )
  expect(problems).toEqual([])
  expect(policy['contactcenter-teamleider']?.['TL-K3-W2']).toBe(36)
})

test('a bad value or an unknown code is reported with file and line', async () => {
  const framework = await readFramework(DOSSIER_FOLDER)
  const bad = await checkRecertificationPolicy(
    policyFile('contactcenter-teamleider:\n  TL-K3-W2: nul\n'),
    framework,
  )
  expect(bad.problems).toMatchObject([{ line: 2, path: 'contactcenter-teamleider.TL-K3-W2' }])
  const unknown = await checkRecertificationPolicy(
    policyFile('contactcenter-teamleider:\n  TL-K3-W2: 12\n  TL-K9-W1: 12\n'),
    framework,
  )
  expect(unknown.problems).toMatchObject([
    { line: 3, message: expect.stringContaining('TL-K9-W1') },
  ])
})
