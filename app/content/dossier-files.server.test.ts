import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { ContentError } from './content-error.ts'
import { readFramework } from './dossier-files.server.ts'
import { DOSSIER_FOLDER } from '#app/domain/dossier-folder.server.ts'
import { dossierFixture, lineOf, replaceOnce } from '#tests/dossier-fixtures.ts'

const TL = 'contactcenter-teamleider.yaml'

async function problemsOf(dir: string): Promise<string[]> {
  const error = await readFramework(dir).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ContentError)
  return (error as ContentError).message.split('\n')
}

describe('the dossier files in the repository', () => {
  test('hold the team-leader dossier with 4 core tasks and 17 work processes', async () => {
    const { competencies, dossiers } = await readFramework(DOSSIER_FOLDER)
    expect(competencies.competencies.map((c) => c.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXY')
    const tl = dossiers.find((d) => d.data.slug === 'contactcenter-teamleider')!.data
    expect(tl.qualification).toMatchObject({ crebo: '93860', level: 4 })
    expect(tl.dossier.crebo).toBe('22165')
    expect(tl.coreTasks.map((k) => k.code)).toEqual(['TL-K1', 'TL-K2', 'TL-K3', 'TL-K4'])
    const codes = tl.coreTasks.flatMap((k) => k.workProcesses.map((w) => w.code))
    expect(codes).toHaveLength(17)
    expect(codes).toContain('TL-K2-W3')
    expect(tl.coreTasks[1]!.workProcesses[2]!.competencies).toEqual(['C', 'H', 'R'])
  })

  test('hold the agent dossier in the same form', async () => {
    const { dossiers } = await readFramework(DOSSIER_FOLDER)
    const cm = dossiers.find((d) => d.data.slug === 'contactcenter-medewerker')!.data
    expect(cm.qualification.crebo).toBe('90114')
    expect(cm.coreTasks.flatMap((k) => k.workProcesses)).toHaveLength(9)
  })
})

describe('a malformed dossier file', () => {
  test('names file, line, path and the unknown competency', async () => {
    const dir = dossierFixture({
      [TL]: replaceOnce('competencies: [B, A, Q]', 'competencies: [B, A, Z]'),
    })
    const text = fs.readFileSync(path.join(dir, TL), 'utf8')
    const line = lineOf(text, 'competencies: [B, A, Z]')
    const problems = await problemsOf(dir)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(
      new RegExp(
        `${TL}:${line}:\\d+ coreTasks\\[0\\]\\.workProcesses\\[0\\]\\.competencies\\[2\\]: unknown competency "Z"`,
      ),
    )
  })

  test('names a missing field by its path', async () => {
    const dir = dossierFixture({ [TL]: replaceOnce('  crebo: "93860"\n', '') })
    const [problem] = await problemsOf(dir)
    expect(problem).toMatch(/contactcenter-teamleider\.yaml:\d+:\d+ qualification\.crebo: Required/)
  })

  test('reports YAML syntax errors with their line', async () => {
    const dir = dossierFixture({
      [TL]: replaceOnce('slug: contactcenter-teamleider', 'slug: [unclosed'),
    })
    const [problem] = await problemsOf(dir)
    expect(problem).toMatch(/contactcenter-teamleider\.yaml:\d+:\d+ YAML: /)
  })

  test('rejects a work-process code outside its core task and a wrong crebo', async () => {
    const dir = dossierFixture({
      [TL]: (t) =>
        replaceOnce(
          'code: TL-K1-W2',
          'code: TL-K3-W9',
        )(replaceOnce('crebo: "22165"', 'crebo: "2216"')(t)),
    })
    const problems = await problemsOf(dir)
    expect(problems.some((p) => p.includes('dossier.crebo: a crebo number has 5 digits'))).toBe(
      true,
    )
    expect(problems.some((p) => p.includes('workProcesses[1].code: must start with TL-K1-'))).toBe(
      true,
    )
  })

  test('reports every bad file, not only the first', async () => {
    const dir = dossierFixture({
      [TL]: replaceOnce('level: 4', 'level: 9'),
      'contactcenter-medewerker.yaml': replaceOnce('codePrefix: CM', 'codePrefix: cm'),
    })
    const problems = await problemsOf(dir)
    expect(problems.some((p) => p.startsWith(`${path.relative(process.cwd(), dir)}/${TL}`))).toBe(
      true,
    )
    expect(problems.some((p) => p.includes('contactcenter-medewerker.yaml'))).toBe(true)
  })

  test('refuses competencies.yaml without all 25 competencies', async () => {
    const dir = dossierFixture({
      'competencies.yaml': (t) => t.replace(/\n {2}- code: Y[\s\S]*$/, '\n'),
    })
    const [problem] = await problemsOf(dir)
    expect(problem).toMatch(
      /competencies\.yaml:\d+:\d+ competencies: the national set has exactly 25/,
    )
  })
})
