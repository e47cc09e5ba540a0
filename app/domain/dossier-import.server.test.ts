import { beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { ContentError } from '#app/content/content-error.ts'
import { importDossierFolder } from './dossier-folder.server.ts'
import { dossierFixture, replaceOnce } from '#tests/dossier-fixtures.ts'
import { resetDatabase } from '#tests/reset-database.ts'

const TL = 'contactcenter-teamleider.yaml'

/** Every row of every framework table, to prove an operation changed nothing at all. */
async function snapshot() {
  return {
    competencies: await prisma.competency.findMany({ orderBy: { code: 'asc' } }),
    dossiers: await prisma.dossier.findMany({ orderBy: [{ slug: 'asc' }, { version: 'asc' }] }),
    coreTasks: await prisma.coreTask.findMany({ orderBy: { id: 'asc' } }),
    workProcesses: await prisma.workProcess.findMany({ orderBy: { id: 'asc' } }),
    links: await prisma.workProcessCompetency.findMany({
      orderBy: [{ workProcessId: 'asc' }, { competencyCode: 'asc' }],
    }),
    indicators: await prisma.indicator.findMany({ orderBy: { id: 'asc' } }),
  }
}

beforeEach(resetDatabase)

describe('importing the dossiers', () => {
  test('loads the 25 competencies and both dossiers', async () => {
    const result = await importDossierFolder()
    expect(result.competencies).toEqual({ created: 25, updated: 0 })
    expect(result.dossiers.map((d) => [d.slug, d.version, d.status])).toEqual([
      ['contactcenter-medewerker', 1, 'created'],
      ['contactcenter-teamleider', 1, 'created'],
    ])
    const tl = await prisma.dossier.findFirstOrThrow({
      where: { slug: 'contactcenter-teamleider' },
      include: { _count: { select: { coreTasks: true, workProcesses: true } } },
    })
    expect(tl._count).toEqual({ coreTasks: 4, workProcesses: 17 })
    const k2w3 = await prisma.workProcess.findFirstOrThrow({
      where: { code: 'TL-K2-W3', dossierId: tl.id },
      include: { competencies: { orderBy: { position: 'asc' } }, indicators: true },
    })
    expect(k2w3.competencies.map((c) => c.competencyCode)).toEqual(['C', 'H', 'R'])
    expect(k2w3.indicators.length).toBeGreaterThanOrEqual(2)
    expect(k2w3.indicators.length).toBeLessThanOrEqual(4)
  })

  test('a second run changes nothing', async () => {
    await importDossierFolder()
    const before = await snapshot()
    const again = await importDossierFolder()
    expect(again.competencies).toEqual({ created: 0, updated: 0 })
    expect(again.dossiers.every((d) => d.status === 'unchanged' && d.version === 1)).toBe(true)
    expect(await snapshot()).toEqual(before)
  })

  test('a changed dossier becomes version 2 and leaves version 1 as it was', async () => {
    await importDossierFolder()
    const before = await snapshot()
    const dir = dossierFixture({
      [TL]: replaceOnce(
        'title: { nl: "Coördineert de informatiestromen"',
        'title: { nl: "Regelt de informatiestromen"',
      ),
    })
    const result = await importDossierFolder(dir)
    expect(result.dossiers).toContainEqual({
      slug: 'contactcenter-teamleider',
      version: 2,
      status: 'created',
    })
    expect(result.dossiers).toContainEqual({
      slug: 'contactcenter-medewerker',
      version: 1,
      status: 'unchanged',
    })

    const after = await snapshot()
    // Every row that existed is still there, byte for byte.
    for (const table of Object.keys(before) as Array<keyof typeof before>) {
      for (const row of before[table]) expect(after[table]).toContainEqual(row)
    }
    const v2 = await prisma.workProcess.findFirstOrThrow({
      where: { code: 'TL-K1-W2', dossier: { slug: 'contactcenter-teamleider', version: 2 } },
    })
    expect(v2.titleNl).toBe('Regelt de informatiestromen')
    const v1 = await prisma.workProcess.findFirstOrThrow({
      where: { code: 'TL-K1-W2', dossier: { slug: 'contactcenter-teamleider', version: 1 } },
    })
    expect(v1.titleNl).toBe('Coördineert de informatiestromen')
  })

  test('comments and formatting do not make a new version', async () => {
    await importDossierFolder()
    const dir = dossierFixture({ [TL]: (t) => `# a reviewer's comment\n${t}\n\n` })
    const result = await importDossierFolder(dir)
    expect(result.dossiers.every((d) => d.status === 'unchanged')).toBe(true)
  })

  test('a malformed file imports nothing, not even the valid files beside it', async () => {
    const dir = dossierFixture({
      [TL]: replaceOnce('competencies: [B, A, Q]', 'competencies: [B, A, Z]'),
    })
    await expect(importDossierFolder(dir)).rejects.toBeInstanceOf(ContentError)
    expect(await prisma.competency.count()).toBe(0)
    expect(await prisma.dossier.count()).toBe(0)
  })

  test('a malformed file leaves an imported framework untouched', async () => {
    await importDossierFolder()
    const before = await snapshot()
    const dir = dossierFixture({
      'competencies.yaml': replaceOnce('nl: Beslissen en activiteiten initiëren', 'nl: ""'),
      [TL]: replaceOnce('level: 4', 'level: 5'),
    })
    await expect(importDossierFolder(dir)).rejects.toThrow(/competencies\.yaml:\d+:\d+/)
    expect(await snapshot()).toEqual(before)
  })
})
