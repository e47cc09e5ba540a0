import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, test } from 'vitest'
import * as employer from '#app/routes/orgs/$slug/matrix.tsx'
import * as progressCsv from '#app/routes/orgs/$slug/progress-csv.ts'
import * as progressXlsx from '#app/routes/orgs/$slug/progress-xlsx.ts'
import * as recordsCsv from '#app/routes/orgs/$slug/records-csv.ts'
import * as recordsXlsx from '#app/routes/orgs/$slug/records-xlsx.ts'
import * as staffPage from '#app/routes/orgs/$slug/staff-member.tsx'
import * as teamPage from '#app/routes/orgs/$slug/team-progress.tsx'
import * as assignmentsPage from '#app/routes/orgs/$slug/assignments.tsx'
import * as tokensPage from '#app/routes/orgs/$slug/api-tokens.tsx'
import * as auditPage from '#app/routes/orgs/$slug/audit.tsx'
import * as apiStaff from '#app/routes/api/v1/staff.ts'
import * as apiRecords from '#app/routes/api/v1/records.ts'
import { prisma } from '#app/db.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { seedDemoData } from '#app/demo/demo-data.server.ts'
import { DEMO_API_TOKEN } from '#app/demo/demo-employer.server.ts'
import { API_RATE_LIMIT } from './api-scopes.ts'
import { createApiToken, revokeApiToken } from './api-tokens.server.ts'
import { assign, AssignmentRefused, listAssignments, sendReminders } from './assignments.server.ts'
import { staffMatrix, type MatrixQuery } from './matrix.server.ts'
import { computeStaffCounts, sortedCounts, storedStaffCounts } from './staff-counts.server.ts'
import { scopeOf, type StaffScope } from './staff-scope.server.ts'
import { getMemberships } from '#app/auth/authorize.server.ts'
import { cookieFor } from '#tests/factories.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'

const NOORD = 'klantcontact-noord'
const TL = 'contactcenter-teamleider'
let noordEmployer: string
let callforceEmployer: string
let teamLeader: string
let noordScope: StaffScope
let leaderScope: StaffScope
let callforceToken: string

const idOf = async (email: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id
async function scopeFor(email: string, slug: string) {
  const m = (await getMemberships({ id: await idOf(email) })).find(
    (x) => x.organisation.slug === slug,
  )!
  return scopeOf(m)
}
const query = (extra: Partial<MatrixQuery> = {}): MatrixQuery => ({
  dossierSlug: TL,
  sort: 'name',
  dir: 'asc',
  page: 1,
  ...extra,
})

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  await seedDemoData()
  noordEmployer = await cookieFor(await idOf('werkgever@noord.demo.test'))
  callforceEmployer = await cookieFor(await idOf('werkgever@callforce.demo.test'))
  teamLeader = await cookieFor(await idOf('teamleider@noord.demo.test'))
  noordScope = await scopeFor('werkgever@noord.demo.test', NOORD)
  leaderScope = await scopeFor('teamleider@noord.demo.test', NOORD)
  const callforce = await prisma.organisation.findUniqueOrThrow({ where: { slug: 'callforce' } })
  callforceToken = await createApiToken({
    organisationId: callforce.id,
    name: 'CallForce HR',
    scopes: ['progress:read', 'records:read'],
    actorId: await idOf('werkgever@callforce.demo.test'),
  })
}, 180_000)

describe('the matrix', () => {
  test('rows hold the stored steps; totals per work process and team add up', async () => {
    const matrix = (await staffMatrix(noordScope, query()))!
    expect(matrix.total).toBe(14)
    const names = matrix.rows.map((r) => r.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
    const lotte = matrix.rows.find((r) => r.name === 'Lotte Visser')!
    const stored = await prisma.workProcessStatus.findMany({
      where: { userId: lotte.userId, dossierSlug: TL, step: { gt: 0 } },
    })
    expect(lotte.steps).toEqual(Object.fromEntries(stored.map((s) => [s.workProcessCode, s.step])))
    for (const [, counts] of Object.entries(matrix.perWorkProcess))
      expect(counts.reduce((a, b) => a + b, 0)).toBe(14)
    expect(matrix.perWorkProcess['TL-K2-W1']![4]).toBe(1)
    expect(matrix.perTeam.map((t) => [t.name, t.staff])).toEqual([
      ['Team Retentie', 6],
      ['Team Service', 8],
    ])
  })

  test('the stored totals equal a recount after the demo seed (ladder steps as learners make them)', async () => {
    expect(sortedCounts(await storedStaffCounts())).toEqual(
      sortedCounts(await computeStaffCounts(prisma, null)),
    )
    expect((await storedStaffCounts()).length).toBeGreaterThan(10)
  })

  test('filters by team, name and step on a work process; sorts by progress', async () => {
    const service = await prisma.team.findFirstOrThrow({
      where: { name: 'Team Service', organisation: { slug: NOORD } },
    })
    const byTeam = (await staffMatrix(noordScope, query({ teamId: service.id })))!
    expect(byTeam.total).toBe(8)
    expect((await staffMatrix(noordScope, query({ q: 'VISS' })))!.rows.map((r) => r.name)).toEqual([
      'Lotte Visser',
    ])
    const competent = (await staffMatrix(
      noordScope,
      query({ workProcess: 'TL-K2-W3', status: 4 }),
    ))!
    expect(competent.rows.map((r) => r.name)).toEqual(['Lotte Visser'])
    const notStarted = (await staffMatrix(
      noordScope,
      query({ workProcess: 'TL-K2-W3', status: 0 }),
    ))!
    // The demo gives several people history on TL-K2-W3; everyone else has not started it.
    const started = await prisma.workProcessStatus.count({
      where: {
        dossierSlug: TL,
        workProcessCode: 'TL-K2-W3',
        step: { gt: 0 },
        user: { memberships: { some: { organisation: { slug: NOORD } } } },
      },
    })
    expect(started).toBeGreaterThanOrEqual(2)
    expect(notStarted.total).toBe(14 - started)
    expect(notStarted.rows.every((r) => !r.steps['TL-K2-W3'])).toBe(true)
    const byProgress = (await staffMatrix(noordScope, query({ sort: 'progress', dir: 'desc' })))!
    expect(byProgress.rows[0]!.name).toBe('Lotte Visser')
  })

  test('a team leader sees the staff of their own team only', async () => {
    expect(leaderScope.teamIds).toHaveLength(1)
    const matrix = (await staffMatrix(leaderScope, query()))!
    expect(matrix.total).toBe(8)
    expect(matrix.rows.every((r) => r.teams.includes('Team Service'))).toBe(true)
    const retentie = await prisma.team.findFirstOrThrow({
      where: { name: 'Team Retentie', organisation: { slug: NOORD } },
    })
    const page = await call(
      employer.loader,
      getRequest(`/orgs/${NOORD}/matrix?team=${retentie.id}`, teamLeader),
      { slug: NOORD },
    )
    expect(page.status).toBe(404)
  })

  test('the CSV has the rows of the matrix, in its order, with BOM and Dutch headers', async () => {
    const outcome = await call(
      progressCsv.loader,
      getRequest(`/orgs/${NOORD}/progress.csv?dossier=${TL}&lang=nl`, noordEmployer),
      { slug: NOORD },
    )
    expect(outcome.status).toBe(200)
    const raw = (await progressCsv.loader({
      request: getRequest(`/orgs/${NOORD}/progress.csv?dossier=${TL}&lang=nl`, noordEmployer),
      params: { slug: NOORD },
      context: undefined as never,
    } as never)) as Response
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = outcome.data as string
    const lines = text.trim().split('\r\n')
    expect(lines[0]!.startsWith('Naam;E-mail;Teams;TL-K1-W1')).toBe(true)
    const matrix = (await staffMatrix(noordScope, query()))!
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(matrix.rows.map((r) => r.name))
    const lotte = lines.find((l) => l.startsWith('Lotte Visser'))!.split(';')
    expect(lotte[3 + 5]).toBe('Bekwaam') // TL-K2-W1 is the sixth work process
    const xlsx = await call(
      progressXlsx.loader,
      getRequest(`/orgs/${NOORD}/progress.xlsx?dossier=${TL}&lang=en`, noordEmployer),
      { slug: NOORD },
    )
    expect(xlsx.status).toBe(200)
  })
})

describe('assignments', () => {
  test('a course for a team: one assignment and a dated enrolment per member, and e-mails', async () => {
    const service = await prisma.team.findFirstOrThrow({
      where: { name: 'Team Service', organisation: { slug: NOORD } },
    })
    const due = new Date(Date.now() + 14 * 86400_000)
    const before = await prisma.email.count()
    const { assigned } = await assign({
      scope: noordScope,
      assignedById: await idOf('werkgever@noord.demo.test'),
      userIds: [],
      teamId: service.id,
      target: { kind: 'course', courseId: 'tl-k3-dagelijkse-operatie' },
      dueAt: due,
    })
    expect(assigned).toBe(8)
    expect(await prisma.email.count()).toBe(before + 8)
    const enrolment = await prisma.enrolment.findUniqueOrThrow({
      where: {
        userId_courseId: {
          userId: await idOf('tim.dekker@noord.demo.test'),
          courseId: 'tl-k3-dagelijkse-operatie',
        },
      },
    })
    expect(enrolment.dueAt?.getTime()).toBe(due.getTime())
  })

  test('outside the scope, in the past or unknown is refused; overdue and done are derived', async () => {
    const refused = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => (e instanceof AssignmentRefused ? e.reason : e),
      )
    const base = {
      scope: leaderScope,
      assignedById: await idOf('teamleider@noord.demo.test'),
      target: { kind: 'course' as const, courseId: 'tl-k1-leidinggeven' },
      dueAt: new Date(Date.now() + 86400_000),
    }
    expect(
      await refused(assign({ ...base, userIds: [await idOf('kevin.vos@noord.demo.test')] })),
    ).toBe('outside_scope')
    expect(
      await refused(
        assign({
          ...base,
          userIds: [await idOf('tim.dekker@noord.demo.test')],
          dueAt: new Date(Date.now() - 3 * 86400_000),
        }),
      ),
    ).toBe('past_due')
    expect(
      await refused(
        assign({
          ...base,
          userIds: [await idOf('tim.dekker@noord.demo.test')],
          target: { kind: 'course', courseId: 'bestaat-niet' },
        }),
      ),
    ).toBe('unknown_target')

    const list = await listAssignments(noordScope)
    expect(
      list.find((a) => a.user.name === 'Kevin Vos' && a.workProcessCode === 'TL-K3-W1')?.status,
    ).toBe('overdue')
    // Team leaders see their team's assignments only.
    expect((await listAssignments(leaderScope)).some((a) => a.user.name === 'Kevin Vos')).toBe(
      false,
    )
  })

  test('reminders go to overdue and nearly due people, once a day', async () => {
    const kevin = await prisma.user.findUniqueOrThrow({
      where: { email: 'kevin.vos@noord.demo.test' },
    })
    const first = await sendReminders(noordScope)
    expect(first).toBeGreaterThan(0)
    expect(
      await prisma.email.count({ where: { to: kevin.email, subject: { startsWith: 'Te laat' } } }),
    ).toBe(1)
    expect(await sendReminders(noordScope)).toBe(0)
    expect(await sendReminders(noordScope, new Date(Date.now() + 25 * 3600_000))).toBeGreaterThan(0)
  })

  test('the page answers 400 with field errors on a bad form', async () => {
    const outcome = await call(
      assignmentsPage.action,
      formRequest(
        `/orgs/${NOORD}/assignments`,
        { intent: 'assign', who: '', what: 'course:tl-k1-leidinggeven', dueAt: 'morgen' },
        { cookie: noordEmployer },
      ),
      { slug: NOORD },
    )
    expect(outcome.status).toBe(400)
    expect(JSON.stringify(outcome.data)).toContain('assignments.chooseWho')
  })
})

describe('the HR API', () => {
  const api = (handler: unknown, path: string, token?: string) =>
    call(
      handler,
      new Request(`http://localhost${path}`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      }),
      { slug: path.split('/')[4]! },
    )

  test('a token reads its own organisation: staff and records', async () => {
    const staff = await api(apiStaff.loader, `/api/v1/orgs/${NOORD}/staff`, DEMO_API_TOKEN)
    expect(staff.status).toBe(200)
    const body = JSON.parse(staff.data as string)
    expect(body.total).toBe(14)
    const lotte = body.staff.find((s: { name: string }) => s.name === 'Lotte Visser')
    expect(lotte.workProcesses['TL-K2-W3']).toEqual({ step: 4, status: 'competent' })
    const records = JSON.parse(
      (await api(apiRecords.loader, `/api/v1/orgs/${NOORD}/records`, DEMO_API_TOKEN))
        .data as string,
    )
    expect(records.records.length).toBeGreaterThanOrEqual(6)
    expect(records.records[0].verifyUrl).toMatch(/\/records\/[0-9a-f-]{36}$/)
  })

  test(
    'no token 401, another organisation 404, a missing scope 403, revoked 401, too many 429',
    { timeout: 60_000 },
    async () => {
      expect((await api(apiStaff.loader, `/api/v1/orgs/${NOORD}/staff`)).status).toBe(401)
      expect(
        (await api(apiStaff.loader, `/api/v1/orgs/${NOORD}/staff`, callforceToken)).status,
      ).toBe(404)
      expect(
        (await api(apiRecords.loader, `/api/v1/orgs/${NOORD}/records`, callforceToken)).status,
      ).toBe(404)
      const noord = await prisma.organisation.findUniqueOrThrow({ where: { slug: NOORD } })
      const actorId = await idOf('werkgever@noord.demo.test')
      const progressOnly = await createApiToken({
        organisationId: noord.id,
        name: 'Alleen voortgang',
        scopes: ['progress:read'],
        actorId,
      })
      expect(
        (await api(apiRecords.loader, `/api/v1/orgs/${NOORD}/records`, progressOnly)).status,
      ).toBe(403)
      // The limit counts per one-minute window: start the burst early in a window.
      const leftInWindow = 60_000 - (Date.now() % 60_000)
      if (leftInWindow < 20_000) await new Promise((r) => setTimeout(r, leftInWindow + 50))
      const statuses: number[] = []
      for (let i = 0; i <= API_RATE_LIMIT; i++)
        statuses.push(
          (await api(apiStaff.loader, `/api/v1/orgs/${NOORD}/staff?page=9`, progressOnly)).status,
        )
      expect(statuses.slice(0, API_RATE_LIMIT).every((s) => s === 200)).toBe(true)
      expect(statuses.at(-1)).toBe(429)
      const row = await prisma.apiToken.findFirstOrThrow({ where: { name: 'Alleen voortgang' } })
      await revokeApiToken(noord.id, row.id, actorId)
      expect((await api(apiStaff.loader, `/api/v1/orgs/${NOORD}/staff`, progressOnly)).status).toBe(
        401,
      )
      // Only the hash is stored.
      expect(await prisma.apiToken.count({ where: { tokenHash: progressOnly } })).toBe(0)
    },
  )
})

describe("CallForce's employer and everything of Noord's", () => {
  test('pages, exports and the team and staff views answer 404', async () => {
    const lotte = await prisma.membership.findFirstOrThrow({
      where: { user: { email: 'leerling@noord.demo.test' } },
    })
    const team = await prisma.team.findFirstOrThrow({ where: { organisation: { slug: NOORD } } })
    const slug = { slug: NOORD }
    const cases: Array<[unknown, string, Record<string, string>]> = [
      [employer.loader, `/orgs/${NOORD}/matrix`, slug],
      [progressCsv.loader, `/orgs/${NOORD}/progress.csv`, slug],
      [progressXlsx.loader, `/orgs/${NOORD}/progress.xlsx`, slug],
      [recordsCsv.loader, `/orgs/${NOORD}/records.csv`, slug],
      [recordsXlsx.loader, `/orgs/${NOORD}/records.xlsx`, slug],
      [staffPage.loader, `/orgs/${NOORD}/staff/${lotte.id}`, { ...slug, membershipId: lotte.id }],
      [teamPage.loader, `/orgs/${NOORD}/teams/${team.id}/progress`, { ...slug, teamId: team.id }],
      [assignmentsPage.loader, `/orgs/${NOORD}/assignments`, slug],
      [tokensPage.loader, `/orgs/${NOORD}/api-tokens`, slug],
      [auditPage.loader, `/orgs/${NOORD}/audit`, slug],
    ]
    for (const [handler, path, params] of cases)
      expect((await call(handler, getRequest(path, callforceEmployer), params)).status, path).toBe(
        404,
      )
    const post = await call(
      assignmentsPage.action,
      formRequest(
        `/orgs/${NOORD}/assignments`,
        { intent: 'remind' },
        { cookie: callforceEmployer },
      ),
      slug,
    )
    expect(post.status).toBe(404)
  })

  test("Noord's own employer gets them all", async () => {
    const outcome = await call(
      recordsCsv.loader,
      getRequest(`/orgs/${NOORD}/records.csv?lang=en`, noordEmployer),
      { slug: NOORD },
    )
    expect(outcome.status).toBe(200)
    expect(outcome.data as string).toContain('Lotte Visser')
    const xlsx = await recordsXlsx.loader({
      request: getRequest(`/orgs/${NOORD}/records.xlsx`, noordEmployer),
      params: { slug: NOORD },
      context: undefined as never,
    } as never)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await (xlsx as Response).arrayBuffer())
    const names: unknown[] = []
    workbook.worksheets[0]!.getColumn(1).eachCell((cell) => names.push(cell.value))
    expect(names).toContain('Lotte Visser')
  })
})
