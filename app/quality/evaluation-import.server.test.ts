import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, test } from 'vitest'
import * as importEvaluationsPage from '#app/routes/orgs/$slug/quality/import-evaluations.tsx'
import * as importKpisPage from '#app/routes/orgs/$slug/quality/import-kpis.tsx'
import * as importsPage from '#app/routes/orgs/$slug/quality/imports.tsx'
import { prisma } from '#app/db.server.ts'
import { qualityScopeOf } from '#app/quality/quality-access.server.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { makeScorecard } from '#tests/quality-fixtures.ts'
import {
  call,
  formRequest as plainFormRequest,
  getRequest,
  multipartRequest,
} from '#tests/route-call.ts'
import {
  affectedAgents,
  EvaluationImportRefused,
  guessEvaluationMapping,
  importEvaluations,
  type EvaluationMapping,
} from './evaluation-import.server.ts'
import { allItems } from './scorecard-definition.ts'
import { readTabularFile, TabularFileRefused, readCsv } from './tabular-file.server.ts'

let org: Awaited<ReturnType<typeof makeOrganisation>>
let other: Awaited<ReturnType<typeof makeOrganisation>>
let admin: { id: string; cookie: string }
let otherAdmin: { id: string; cookie: string }
let teamLeader: { cookie: string }
let agents: { id: string; email: string }[]
let evaluator: { id: string; email: string }
let outsider: { email: string }
let card: Awaited<ReturnType<typeof makeScorecard>>

const ITEMS = () => allItems(card.definition)

/** A Playvox-style export: contact columns, then one column per item (its key). */
function exportRows(rows: Array<Partial<Record<string, string>>>) {
  const headers = [
    'Interaction ID',
    'Agent Email',
    'Analyst Email',
    'Interaction Date',
    'Channel',
    'Interaction Duration',
    'Brand',
    ...ITEMS().map((i) => i.key),
  ]
  const perfect = (scale: string) => (scale === 'yes_no' ? 'Ja' : '5')
  return [
    headers,
    ...rows.map((r, n) => [
      r.id ?? `PV-${n + 1}`,
      r.agent ?? agents[n % agents.length]!.email,
      r.evaluator ?? evaluator.email,
      r.date ?? '03-11-2026 14:05',
      r.channel ?? 'Telefoon',
      r.duration ?? '4:35',
      r.brand ?? '',
      ...ITEMS().map((i) => r[i.key] ?? perfect(i.scale)),
    ]),
  ]
}

const csv = (rows: string[][]) =>
  '\uFEFF' +
  rows
    .map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';'))
    .join('\r\n')

async function xlsx(rows: string[][]) {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Export')
  for (const row of rows) sheet.addRow(row)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

async function scopeOfAdmin() {
  const membership = await prisma.membership.findFirstOrThrow({
    where: { userId: admin.id, organisationId: org.id },
    select: { id: true, organisation: { select: { id: true, slug: true, name: true } } },
  })
  return (await qualityScopeOf(admin.id, { ...membership, roles: ['employer_admin'] }))!
}

async function importText(bytes: Uint8Array, mapping?: EvaluationMapping) {
  const file = await readTabularFile(bytes)
  return importEvaluations({
    scope: await scopeOfAdmin(),
    versionId: card.versionId,
    tool: 'playvox',
    mapping: mapping ?? guessEvaluationMapping(file.headers, 'playvox', card.definition),
    file,
    fileName: 'export.csv',
  })
}

/** A form POST with the Content-Length a browser sends (the pages refuse bodies without one). */
function formRequest(path: string, fields: Record<string, string>, options: { cookie: string }) {
  const length = new URLSearchParams(fields).toString().length
  return plainFormRequest(path, fields, {
    ...options,
    headers: { 'Content-Length': String(length) },
  })
}

const encode = (text: string) => new TextEncoder().encode(text)
const count = () => prisma.evaluation.count({ where: { organisationId: org.id } })

beforeAll(async () => {
  org = await makeOrganisation()
  other = await makeOrganisation()
  const a = await makeMember(org.id, ['employer_admin'])
  admin = { id: a.user.id, cookie: await cookieFor(a.user.id) }
  const oa = await makeMember(other.id, ['employer_admin'])
  otherAdmin = { id: oa.user.id, cookie: await cookieFor(oa.user.id) }
  const tl = await makeMember(org.id, ['team_leader'], [org.teamId])
  teamLeader = { cookie: await cookieFor(tl.user.id) }
  agents = []
  for (let i = 0; i < 3; i++) {
    const m = await makeMember(org.id, ['learner'], [org.teamId])
    agents.push({ id: m.user.id, email: m.user.email })
  }
  const e = await makeMember(org.id, ['quality_coach'])
  evaluator = { id: e.user.id, email: e.user.email }
  outsider = { email: (await makeMember(other.id, ['learner'])).user.email }
  card = await makeScorecard(org.id, admin.id)
})

describe('reading CSV', () => {
  test('quotes, separators and line breaks inside quotes, a BOM; lines counted as in an editor', () => {
    const rows = readCsv('\uFEFFa;b;c\r\n1;"x;y";"regel\neen"\n2;"zei ""ja""";\n')
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x;y', 'regel\neen'] },
      { line: 4, cells: ['2', 'zei "ja"', ''] },
    ])
    expect(readCsv('a,b\n1,2')[1]!.cells).toEqual(['1', '2'])
  })

  test('an unclosed quote, too many rows or a binary file are refused, not hung on', async () => {
    expect(() => readCsv('a;b\n1;"open\n2;3\n')).toThrow(TabularFileRefused)
    const many = 'a\n' + '1\n'.repeat(10_001)
    await expect(readTabularFile(encode(many))).rejects.toMatchObject({
      messageKey: 'imports.file.tooManyRows',
    })
    const bomb = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])
    await expect(readTabularFile(bomb)).rejects.toMatchObject({
      messageKey: 'imports.file.unreadable',
    })
  })
})

describe('importing evaluations', () => {
  test('a file with bad rows names each by its line and imports nothing', async () => {
    const rows = exportRows([
      {},
      { agent: outsider.email }, // another organisation's agent: unknown here
      { date: '31-02-2026' },
      { channel: 'duif' },
      { greeting: 'misschien' },
      { id: 'PV-1' }, // the same id again
      {},
    ])
    const before = await count()
    const error = await importText(encode(csv(rows))).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EvaluationImportRefused)
    const problems = (error as EvaluationImportRefused).check.problems
    expect(problems.map((p) => [p.line, p.messageKey])).toEqual([
      [3, 'imports.row.agentUnknown'],
      [4, 'imports.row.date'],
      [5, 'imports.row.channel'],
      [6, 'imports.row.yesNo'],
      [7, 'imports.row.duplicateInFile'],
    ])
    expect(problems[0]!.value).toBe(outsider.email)
    expect(await count()).toBe(before)
    expect(await prisma.qualityImport.count({ where: { organisationId: org.id } })).toBe(0)
  })

  test('a CSV is imported with its scores; a re-import changes nothing', async () => {
    const rows = exportRows([
      { id: 'CSV-1' },
      { id: 'CSV-2', identity: 'Nee' }, // a critical item failed
      { id: 'CSV-3', greeting: 'n.v.t.', date: '2026-11-04T09:30:00Z', channel: 'chat' },
    ])
    const bytes = encode(csv(rows))
    const first = await importText(bytes)
    expect(first).toMatchObject({ created: 3, alreadyImported: 0, agents: 3 })
    const stored = await prisma.evaluation.findMany({
      where: { organisationId: org.id, source: 'playvox', externalId: { startsWith: 'CSV-' } },
      orderBy: { externalId: 'asc' },
      select: {
        externalId: true,
        score: true,
        criticalFailed: true,
        channel: true,
        durationSeconds: true,
        contactAt: true,
        importId: true,
        evaluatorId: true,
        _count: { select: { items: true, workProcesses: true } },
      },
    })
    expect(stored.map((e) => [e.externalId, e.score, e.criticalFailed, e.channel])).toEqual([
      ['CSV-1', 100, false, 'phone'],
      ['CSV-2', 0, true, 'phone'],
      ['CSV-3', 100, false, 'chat'],
    ])
    expect(stored[0]!.durationSeconds).toBe(275)
    // 14:05 in Amsterdam on 3 November (winter time) is 13:05 UTC.
    expect(stored[0]!.contactAt.toISOString()).toBe('2026-11-03T13:05:00.000Z')
    expect(stored[0]!._count.items).toBe(ITEMS().length)
    expect(stored[0]!._count.workProcesses).toBeGreaterThan(0)
    expect(
      stored.every((e) => e.importId === first.importId && e.evaluatorId === evaluator.id),
    ).toBe(true)
    expect(
      await prisma.auditEvent.count({
        where: { action: 'evaluations.imported', subjectId: first.importId },
      }),
    ).toBe(1)

    const before = await count()
    const again = await importText(bytes)
    expect(again).toMatchObject({ created: 0, alreadyImported: 3, agents: 0 })
    expect(await count()).toBe(before)
  })

  test('an XLSX export is read the same way, dates as Excel dates included', async () => {
    const rows = exportRows([{ id: 'XL-1' }, { id: 'XL-2', explores: '3' }])
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Export')
    sheet.addRow(rows[0]!)
    for (const row of rows.slice(1)) {
      const values: (string | Date | number)[] = [...row]
      values[3] = new Date(Date.UTC(2026, 10, 3, 14, 5)) // as Excel stores 3-11-2026 14:05
      values[5] = 275
      sheet.addRow(values)
    }
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const result = await importText(bytes)
    expect(result.created).toBe(2)
    const e = await prisma.evaluation.findFirstOrThrow({
      where: { organisationId: org.id, externalId: 'XL-2' },
      select: { contactAt: true, durationSeconds: true, items: { where: { itemKey: 'explores' } } },
    })
    expect(e.contactAt.toISOString()).toBe('2026-11-03T13:05:00.000Z')
    expect(e.durationSeconds).toBe(275)
    expect(e.items[0]!.value).toBe(3)
    expect((await importText(bytes)).created).toBe(0)
  })

  test('the agents whose evaluations changed are named once each', () => {
    expect(affectedAgents([{ agentId: 'a' }, { agentId: 'b' }, { agentId: 'a' }])).toEqual([
      'a',
      'b',
    ])
  })
})

describe('the import pages', () => {
  const paths = (slug: string) =>
    [
      [importsPage, `/orgs/${slug}/quality/imports`],
      [importEvaluationsPage, `/orgs/${slug}/quality/imports/evaluations`],
      [importKpisPage, `/orgs/${slug}/quality/imports/kpis`],
    ] as const

  test('another organisation’s admin gets 404 on every page and action; a team leader 403', async () => {
    for (const [page, path] of paths(org.slug)) {
      const params = { slug: org.slug }
      expect((await call(page.loader, getRequest(path, otherAdmin.cookie), params)).status).toBe(
        404,
      )
      expect((await call(page.loader, getRequest(path, teamLeader.cookie), params)).status).toBe(
        403,
      )
      expect((await call(page.loader, getRequest(path, admin.cookie), params)).status).toBe(200)
      if ('action' in page) {
        const request = formRequest(
          path,
          { intent: 'check', ticket: 'x' },
          { cookie: otherAdmin.cookie },
        )
        expect((await call(page.action, request, params)).status).toBe(404)
      }
    }
  })

  test('upload, mapping, dry run and import through the page; a ticket works only for its owner', async () => {
    const path = `/orgs/${org.slug}/quality/imports/evaluations`
    const params = { slug: org.slug }
    const form = new FormData()
    form.append('intent', 'upload')
    form.append('versionId', card.versionId)
    form.append('tool', 'playvox')
    const bytes = await xlsx(exportRows([{ id: 'PG-1' }, { id: 'PG-2' }]))
    form.append('file', new File([bytes], 'playvox.xlsx'))
    const uploaded = await call(
      importEvaluationsPage.action,
      await multipartRequest(path, form, { cookie: admin.cookie }),
      params,
    )
    expect(uploaded.status).toBe(200)
    const screen = (uploaded.data as { screen: { ticket: string; mapping: EvaluationMapping } })
      .screen
    expect(screen.mapping.fields).toMatchObject({ externalId: 0, agentEmail: 1, contactAt: 3 })
    expect(Object.values(screen.mapping.items).every((c) => c !== null)).toBe(true)
    const mappingFields = {
      ticket: screen.ticket,
      versionId: card.versionId,
      tool: 'playvox',
      ...Object.fromEntries(
        Object.entries(screen.mapping.fields).map(([k, v]) => [
          `field.${k}`,
          v === null ? '' : String(v),
        ]),
      ),
      ...Object.fromEntries(
        Object.entries(screen.mapping.items).map(([k, v]) => [`item.${k}`, String(v)]),
      ),
    }
    const checked = await call(
      importEvaluationsPage.action,
      formRequest(path, { ...mappingFields, intent: 'check' }, { cookie: admin.cookie }),
      params,
    )
    const check = (
      checked.data as { check: { newCount: number; preview: unknown[]; problems: unknown[] } }
    ).check
    expect(check).toMatchObject({ newCount: 2, problems: [] })
    expect(check.preview).toHaveLength(2)
    expect(await prisma.evaluation.count({ where: { externalId: { startsWith: 'PG-' } } })).toBe(0)

    // Another organisation's admin, even with the ticket, gets nowhere.
    const foreign = await call(
      importEvaluationsPage.action,
      formRequest(
        `/orgs/${other.slug}/quality/imports/evaluations`,
        { ...mappingFields, intent: 'import' },
        { cookie: otherAdmin.cookie },
      ),
      { slug: other.slug },
    )
    expect(foreign.status).toBe(400)

    const imported = await call(
      importEvaluationsPage.action,
      formRequest(path, { ...mappingFields, intent: 'import' }, { cookie: admin.cookie }),
      params,
    )
    expect(imported.status).toBe(200)
    expect((imported.data as { done: { created: number } }).done.created).toBe(2)
    // The stored file is gone with the import: the ticket no longer opens anything.
    const reused = await call(
      importEvaluationsPage.action,
      formRequest(path, { ...mappingFields, intent: 'import' }, { cookie: admin.cookie }),
      params,
    )
    expect(reused.status).toBe(400)
    const history = await call(
      importsPage.loader,
      getRequest(`/orgs/${org.slug}/quality/imports`, admin.cookie),
      params,
    )
    expect(JSON.stringify(history.data)).toContain('playvox.xlsx')
  })
})
