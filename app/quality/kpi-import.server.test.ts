import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, test } from 'vitest'
import * as dashboard from '#app/routes/me/dashboard.tsx'
import * as staffMember from '#app/routes/orgs/$slug/staff-member.tsx'
import { prisma } from '#app/db.server.ts'
import { qualityScopeOf } from '#app/quality/quality-access.server.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { call, getRequest } from '#tests/route-call.ts'
import { guessKpiMapping, importKpis, KpiImportRefused } from './kpi-import.server.ts'
import { readTabularFile } from './tabular-file.server.ts'

let org: Awaited<ReturnType<typeof makeOrganisation>>
let other: Awaited<ReturnType<typeof makeOrganisation>>
let admin: { id: string; cookie: string }
let agent: { id: string; email: string; membershipId: string; cookie: string }
let colleague: { email: string; cookie: string }
let outsider: { email: string }

const HEADER = 'Agent e-mail;Week;AHT;FCR %;CSAT;NPS;Adherence %'
const encode = (text: string) => new TextEncoder().encode(text)

async function importFile(bytes: Uint8Array) {
  const membership = await prisma.membership.findFirstOrThrow({
    where: { userId: admin.id, organisationId: org.id },
    select: { id: true, organisation: { select: { id: true, slug: true, name: true } } },
  })
  const scope = (await qualityScopeOf(admin.id, { ...membership, roles: ['employer_admin'] }))!
  const file = await readTabularFile(bytes)
  return importKpis({ scope, mapping: guessKpiMapping(file.headers), file, fileName: 'kpi.csv' })
}

const weeksOf = (userId: string) =>
  prisma.kpiWeek.findMany({
    where: { organisationId: org.id, userId },
    orderBy: { weekStart: 'asc' },
    select: { weekStart: true, ahtSeconds: true, fcrPercent: true, nps: true, csat: true },
  })

beforeAll(async () => {
  org = await makeOrganisation()
  other = await makeOrganisation()
  const a = await makeMember(org.id, ['employer_admin'])
  admin = { id: a.user.id, cookie: await cookieFor(a.user.id) }
  const m = await makeMember(org.id, ['learner'], [org.teamId])
  agent = {
    id: m.user.id,
    email: m.user.email,
    membershipId: m.membershipId,
    cookie: await cookieFor(m.user.id),
  }
  const c = await makeMember(org.id, ['learner'], [org.teamId])
  colleague = { email: c.user.email, cookie: await cookieFor(c.user.id) }
  outsider = { email: (await makeMember(other.id, ['learner'])).user.email }
})

describe('importing KPI weeks', () => {
  test('bad rows are named by line and nothing is written', async () => {
    const text = [
      HEADER,
      `${agent.email};2026-W45;4:35;82;4,5;31;93`,
      `${outsider.email};2026-W45;300;80;4;20;90`,
      `${agent.email};2026-11-04;300;80;4;20;90`,
      `${agent.email};2026-W46;300;120;4;20;90`,
      `${agent.email};2026-W45;300;80;4;20;90`,
    ].join('\n')
    const error = await importFile(encode(text)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KpiImportRefused)
    expect((error as KpiImportRefused).check.problems.map((p) => [p.line, p.messageKey])).toEqual([
      [3, 'imports.row.agentUnknown'],
      [4, 'imports.row.notMonday'],
      [5, 'imports.row.fcr'],
      [6, 'imports.row.duplicateWeek'],
    ])
    expect(await weeksOf(agent.id)).toEqual([])
  })

  test('ISO weeks and Monday dates, m:ss and seconds; a re-import is a no-op, new figures replace', async () => {
    const text = [
      HEADER,
      `${agent.email};2026-W45;4:35;82;4,5;31;93`,
      `${agent.email.toUpperCase()};09-11-2026;260;85%;;-5;95`,
      `${colleague.email};2026-W46;310;;;;`,
    ].join('\r\n')
    expect(await importFile(encode(text))).toMatchObject({ written: 3, unchanged: 0 })
    expect(await weeksOf(agent.id)).toEqual([
      { weekStart: '2026-11-02', ahtSeconds: 275, fcrPercent: 82, csat: 4.5, nps: 31 },
      { weekStart: '2026-11-09', ahtSeconds: 260, fcrPercent: 85, csat: null, nps: -5 },
    ])
    expect(await importFile(encode(text))).toMatchObject({ written: 0, unchanged: 3 })
    const changed = text.replace(';260;', ';240;')
    expect(await importFile(encode(changed))).toMatchObject({ written: 1, unchanged: 2 })
    expect((await weeksOf(agent.id))[1]!.ahtSeconds).toBe(240)
    expect(
      await prisma.auditEvent.count({ where: { action: 'kpis.imported', organisationId: org.id } }),
    ).toBe(3)
  })

  test('an XLSX report works too', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('KPI')
    sheet.addRow(['Agent e-mail', 'Week', 'AHT', 'FCR %', 'CSAT', 'NPS', 'Adherence %'])
    sheet.addRow([agent.email, new Date(Date.UTC(2026, 10, 16)), 250, 88, 4.2, 40, 97])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    expect(await importFile(bytes)).toMatchObject({ written: 1 })
    expect((await weeksOf(agent.id)).at(-1)).toEqual({
      weekStart: '2026-11-16',
      ahtSeconds: 250,
      fcrPercent: 88,
      csat: 4.2,
      nps: 40,
    })
  })
})

describe('showing KPI weeks', () => {
  test('the agent sees their own weeks; a colleague without weeks sees no KPI section', async () => {
    const own = await call(dashboard.loader, getRequest('/dashboard', agent.cookie))
    const kpis = (own.data as { kpis: { organisation: { id: string }; weeks: unknown[] }[] }).kpis
    expect(kpis).toHaveLength(1)
    expect(kpis[0]!.organisation.id).toBe(org.id)
    expect(kpis[0]!.weeks.length).toBe(3)
    const theirs = await call(dashboard.loader, getRequest('/dashboard', colleague.cookie))
    const colleagueWeeks = (theirs.data as { kpis: { weeks: { weekStart: string }[] }[] }).kpis
    expect(colleagueWeeks.flatMap((k) => k.weeks.map((w) => w.weekStart))).toEqual(['2026-11-09'])
  })

  test('the staff drill-down shows them to people in scope only', async () => {
    const path = `/orgs/${org.slug}/staff/${agent.membershipId}`
    const params = { slug: org.slug, membershipId: agent.membershipId }
    const seen = await call(staffMember.loader, getRequest(path, admin.cookie), params)
    expect(seen.status).toBe(200)
    expect((seen.data as { kpiWeeks: unknown[] }).kpiWeeks).toHaveLength(3)

    // A team leader of another team, and another organisation's admin: the person does not exist.
    const otherTeam = await prisma.team.create({
      data: { organisationId: org.id, name: 'Team Verkoop' },
      select: { id: true },
    })
    const leader = await makeMember(org.id, ['team_leader'], [otherTeam.id])
    const foreignAdmin = await makeMember(other.id, ['employer_admin'])
    for (const userId of [leader.user.id, foreignAdmin.user.id]) {
      const outcome = await call(
        staffMember.loader,
        getRequest(path, await cookieFor(userId)),
        params,
      )
      expect(outcome.status).toBe(404)
      expect(JSON.stringify(outcome.data)).not.toContain('2026-11-02')
    }
  })
})
