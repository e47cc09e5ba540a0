import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { beforeAll, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { xlsxResponse } from './export-response.server.ts'
import { progressTable } from './exports.server.ts'
import { staffMatrix } from './matrix.server.ts'
import { rebuildStaffCounts } from './staff-counts.server.ts'
import type { StaffScope } from './staff-scope.server.ts'

/**
 * More staff than SQLite takes bound parameters (999): the export must not send a list of
 * ids (it once failed above 995 staff). Rows are inserted in bulk; only the matrix reads them.
 */
const STAFF = 1_200
let scope: StaffScope

beforeAll(async () => {
  await importDossierFolder()
  const organisation = await prisma.organisation.create({
    data: { slug: 'groot', name: 'Groot Contactcenter', kind: 'outsourced' },
  })
  const team = await prisma.team.create({
    data: { organisationId: organisation.id, name: 'Team Groot' },
  })
  const people = Array.from({ length: STAFF }, (_, i) => ({
    userId: randomUUID(),
    membershipId: randomUUID(),
    name: `Medewerker ${String(i).padStart(4, '0')}`,
  }))
  for (let i = 0; i < STAFF; i += 300) {
    const chunk = people.slice(i, i + 300)
    await prisma.user.createMany({
      data: chunk.map((p) => ({
        id: p.userId,
        email: `${p.userId}@groot.test`,
        name: p.name,
        passwordHash: 'x',
      })),
    })
    await prisma.membership.createMany({
      data: chunk.map((p) => ({
        id: p.membershipId,
        userId: p.userId,
        organisationId: organisation.id,
      })),
    })
    await prisma.membershipRole.createMany({
      data: chunk.map((p) => ({ membershipId: p.membershipId, role: 'learner' })),
    })
    await prisma.teamMember.createMany({
      data: chunk.map((p) => ({ membershipId: p.membershipId, teamId: team.id })),
    })
    await prisma.workProcessStatus.createMany({
      data: chunk.map((p, j) => ({
        userId: p.userId,
        dossierSlug: 'contactcenter-teamleider',
        workProcessCode: 'TL-K1-W1',
        step: 1 + ((i + j) % 4),
      })),
    })
  }
  // Bulk inserts pass by the writers that keep the matrix totals: recount, as after a load.
  await rebuildStaffCounts({ write: true })
  scope = {
    organisationId: organisation.id,
    organisationSlug: 'groot',
    organisationName: organisation.name,
    organisationKind: 'outsourced',
    teamIds: null,
  }
}, 120_000)

test('the full export and the page work beyond 999 staff', async () => {
  const query = {
    dossierSlug: 'contactcenter-teamleider',
    sort: 'name',
    dir: 'asc',
    page: 1,
  } as const
  const table = await progressTable(scope, query, 'nl')
  expect(table.rows).toHaveLength(STAFF)
  expect(table.rows[0]![0]).toBe('Medewerker 0000')
  expect(table.rows.at(-1)![0]).toBe('Medewerker 1199')
  expect(table.rows[1]![3]).toBe('Kennis compleet')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await xlsxResponse(table, 'voortgang', 'groot').arrayBuffer())
  expect(workbook.worksheets[0]!.actualRowCount).toBe(STAFF + 1)
  expect(workbook.worksheets[0]!.getCell(`A${STAFF + 1}`).value).toBe('Medewerker 1199')
  const page = (await staffMatrix(scope, { ...query, page: 24 }))!
  expect(page.total).toBe(STAFF)
  expect(page.rows[0]!.name).toBe('Medewerker 1150')
  expect(page.perWorkProcess['TL-K1-W1']).toEqual([0, 300, 300, 300, 300])
})
