import ExcelJS from 'exceljs'
import { matchRoutes } from 'react-router'
import { beforeAll, describe, expect, test } from 'vitest'
import routes from '#app/routes.ts'
import * as apiEvaluations from '#app/routes/api/v1/evaluations.ts'
import * as openapi from '#app/routes/api/v1/openapi.ts'
import * as evaluationsCsv from '#app/routes/orgs/$slug/quality/evaluations-csv.ts'
import * as evaluationsXlsx from '#app/routes/orgs/$slug/quality/evaluations-xlsx.ts'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { createApiToken } from '#app/employer/api-tokens.server.ts'
import { disputeEvaluation } from './evaluations.server.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { answersWith, evaluate, makeScorecard } from '#tests/quality-fixtures.ts'
import { call, getRequest } from '#tests/route-call.ts'

type Person = { id: string; cookie: string }
let noord: Awaited<ReturnType<typeof makeOrganisation>>
let other: Awaited<ReturnType<typeof makeOrganisation>>
let admin: Person, teamLeader: Person, coach: Person, learner: Person, outsider: Person
let agentA: Person, agentB: Person
let ourToken: string, otherToken: string, progressToken: string

// Free text that must never leave the application through an export or the HR feed.
const ITEM_COMMENT = 'Geheime-itemopmerking-over-de-klant'
const EVALUATOR_COMMENT = 'Geheime-opmerking-van-de-beoordelaar'
const DISPUTE_REASON = 'Geheim bezwaar: ik was die dag ziek en het gesprek was niet van mij'

const person = async (
  orgId: string,
  roles: Parameters<typeof makeMember>[1],
  teams: string[] = [],
) => {
  const m = await makeMember(orgId, roles, teams)
  return { id: m.user.id, cookie: await cookieFor(m.user.id) }
}
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000)

beforeAll(async () => {
  await importDossierFolder()
  noord = await makeOrganisation()
  other = await makeOrganisation()
  const teamB = await prisma.team.create({
    data: { organisationId: noord.id, name: 'Team Retentie' },
    select: { id: true },
  })
  admin = await person(noord.id, ['employer_admin'])
  teamLeader = await person(noord.id, ['team_leader'], [noord.teamId])
  coach = await person(noord.id, ['quality_coach'])
  learner = await person(noord.id, ['learner'], [noord.teamId])
  agentA = await person(noord.id, ['learner'], [noord.teamId])
  agentB = await person(noord.id, ['learner'], [teamB.id])
  outsider = await person(other.id, ['employer_admin'])
  const outsiderAgent = await person(other.id, ['learner'], [other.teamId])

  const card = await makeScorecard(noord.id, admin.id, undefined, 'Servicegesprek')
  const otherCard = await makeScorecard(other.id, outsider.id)
  const contact = (externalId: string, days: number, clientBrand: string | null = null) => ({
    contact: { externalId, contactAt: daysAgo(days), clientBrand },
  })
  const scoredA = await evaluate({
    organisationId: noord.id,
    scorecard: card,
    evaluatorId: admin.id,
    agentId: agentA.id,
    answers: answersWith({ identity: { value: 0, comment: ITEM_COMMENT } }),
    ...contact('N-ADMIN-A', 1, 'Merk A'),
  })
  await evaluate({
    organisationId: noord.id,
    scorecard: card,
    evaluatorId: coach.id,
    agentId: agentB.id,
    ...contact('N-COACH-B', 2),
  })
  await evaluate({
    organisationId: noord.id,
    scorecard: card,
    evaluatorId: teamLeader.id,
    agentId: agentA.id,
    ...contact('N-TL-A', 3),
  })
  await evaluate({
    organisationId: noord.id,
    scorecard: card,
    evaluatorId: admin.id,
    agentId: agentB.id,
    ...contact('N-ADMIN-B', 20),
  })
  await evaluate({
    organisationId: other.id,
    scorecard: otherCard,
    evaluatorId: outsider.id,
    agentId: outsiderAgent.id,
    ...contact('OTHER-1', 1),
  })
  // The evaluator's comment and the agent's dispute: personal free text on the first one.
  await prisma.evaluation.update({
    where: { id: scoredA.id },
    data: { comment: EVALUATOR_COMMENT },
  })
  await disputeEvaluation(agentA.id, scoredA.id, DISPUTE_REASON)

  ourToken = await createApiToken({
    organisationId: noord.id,
    name: 'HR Noord',
    scopes: ['quality:read'],
    actorId: admin.id,
  })
  progressToken = await createApiToken({
    organisationId: noord.id,
    name: 'HR Noord voortgang',
    scopes: ['progress:read', 'records:read'],
    actorId: admin.id,
  })
  otherToken = await createApiToken({
    organisationId: other.id,
    name: 'HR ander',
    scopes: ['quality:read'],
    actorId: outsider.id,
  })
}, 120_000)

const csvPath = (slug: string, lang = 'nl') => `/orgs/${slug}/quality/evaluations.csv?lang=${lang}`
const xlsxPath = (slug: string) => `/orgs/${slug}/quality/evaluations.xlsx?lang=nl`

async function csvFor(who: Person, slug = noord.slug, lang = 'nl') {
  return call(evaluationsCsv.loader, getRequest(csvPath(slug, lang), who.cookie), { slug })
}

/** The external ids in a Dutch CSV (column 8), in the file's order. */
function externalIds(text: string) {
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
  const column = header!.split(';').indexOf('Extern id')
  return lines.map((l) => l.split(';')[column])
}

async function xlsxRows(who: Person) {
  const response = (await evaluationsXlsx.loader({
    request: getRequest(xlsxPath(noord.slug), who.cookie),
    params: { slug: noord.slug },
    context: undefined as never,
  } as never)) as Response
  expect(response.headers.get('Content-Type')).toContain('spreadsheetml')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await response.arrayBuffer())
  const sheet = workbook.worksheets[0]!
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return { name: sheet.name, rows }
}

describe('the evaluation export', () => {
  test('the URLs reach the export routes, not the evaluation page', () => {
    const file = (path: string) =>
      (matchRoutes(routes as never, path)?.at(-1)?.route as { file?: string } | undefined)?.file
    expect(file('/orgs/x/quality/evaluations.csv')).toBe(
      'routes/orgs/$slug/quality/evaluations-csv.ts',
    )
    expect(file('/orgs/x/quality/evaluations.xlsx')).toBe(
      'routes/orgs/$slug/quality/evaluations-xlsx.ts',
    )
    expect(file('/orgs/x/quality/evaluations/abc')).toBe('routes/orgs/$slug/quality/evaluation.tsx')
    expect(file('/api/v1/orgs/x/evaluations')).toBe('routes/api/v1/evaluations.ts')
  })

  test('an admin gets every evaluation of the organisation, newest contact first', async () => {
    const outcome = await csvFor(admin)
    expect(outcome.status).toBe(200)
    expect(outcome.headers.get('Content-Disposition')).toContain(`beoordelingen-${noord.slug}-`)
    const text = outcome.data as string
    expect(externalIds(text)).toEqual(['N-ADMIN-A', 'N-COACH-B', 'N-TL-A', 'N-ADMIN-B'])
    const [header, first] = text.replace(/^\uFEFF/, '').split('\r\n')
    const columns = header!.split(';')
    expect(columns.slice(0, 13)).toEqual([
      'Contactmoment',
      'Naam',
      'E-mail',
      'Beoordelaar',
      'Scorekaart',
      'Versie',
      'Kanaal',
      'Extern id',
      'Opdrachtgever',
      'Score',
      'Voldoende',
      'Kritiek punt gemist',
      'Status',
    ])
    // One column per work process scored, then a score in each for a starter-card evaluation.
    const codes = columns.slice(13)
    expect(codes.length).toBeGreaterThan(0)
    expect(codes.every((c) => /^[A-Z]+-K\d+-W\d+$/.test(c))).toBe(true)
    const cells = first!.split(';')
    expect(cells[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(cells[4]).toBe('Servicegesprek')
    expect(cells[5]).toBe('1')
    expect(cells[6]).toBe('telefoon')
    expect(cells[8]).toBe('Merk A')
    expect(cells[10]).toBe('nee') // identity is critical and failed: 0, not passed
    expect(cells[11]).toBe('ja')
    expect(cells[12]).toBe('bezwaar')
    expect(cells.slice(13).some((c) => c !== '')).toBe(true)
    expect(text).not.toContain('OTHER-1')
  })

  test('English with ?lang=en: comma separated, English headers', async () => {
    const text = (await csvFor(admin, noord.slug, 'en')).data as string
    expect(text.replace(/^\uFEFF/, '').startsWith('Contact time,Name,E-mail,Evaluator')).toBe(true)
  })

  test('a team leader gets the agents of their teams; a quality coach what they scored', async () => {
    expect(externalIds((await csvFor(teamLeader)).data as string)).toEqual(['N-ADMIN-A', 'N-TL-A'])
    expect(externalIds((await csvFor(coach)).data as string)).toEqual(['N-COACH-B'])
  })

  test('the workbook holds the same rows as the CSV', async () => {
    const { name, rows } = await xlsxRows(admin)
    expect(name).toBe('Beoordelingen')
    expect(rows[0]![7]).toBe('Extern id')
    expect(rows.slice(1).map((r) => r[7])).toEqual([
      'N-ADMIN-A',
      'N-COACH-B',
      'N-TL-A',
      'N-ADMIN-B',
    ])
    const leader = await xlsxRows(teamLeader)
    expect(leader.rows.slice(1).map((r) => r[7])).toEqual(['N-ADMIN-A', 'N-TL-A'])
    expect(JSON.stringify(rows)).not.toContain('Geheim')
  })

  test('no comment or dispute text in the export', async () => {
    const text = (await csvFor(admin)).data as string
    for (const secret of [ITEM_COMMENT, EVALUATOR_COMMENT, 'Geheim'])
      expect(text).not.toContain(secret)
  })

  test("another organisation's admin gets 404, a plain learner 403", async () => {
    expect((await csvFor(outsider)).status).toBe(404)
    expect(
      (
        await call(evaluationsXlsx.loader, getRequest(xlsxPath(noord.slug), outsider.cookie), {
          slug: noord.slug,
        })
      ).status,
    ).toBe(404)
    expect((await csvFor(learner)).status).toBe(403)
    expect(
      (
        await call(evaluationsXlsx.loader, getRequest(xlsxPath(noord.slug), learner.cookie), {
          slug: noord.slug,
        })
      ).status,
    ).toBe(403)
  })
})

describe('evaluations in the HR API', () => {
  const api = (slug: string, token: string, query = '') =>
    call(
      apiEvaluations.loader,
      new Request(`http://localhost/api/v1/orgs/${slug}/evaluations${query}`, {
        headers: { Authorization: `Bearer ${token}` },
      }),
      { slug },
    )
  type Body = {
    organisation: string
    total: number
    pages: number
    evaluations: Array<{
      externalId: string
      agent: { name: string; email: string }
      scorecard: { name: string; version: number }
      status: string
      workProcesses: Array<{ dossier: string; code: string; score: number; passed: boolean }>
    }>
  }

  test("a token reads its organisation's evaluations, newest contact first", async () => {
    const outcome = await api(noord.slug, ourToken)
    expect(outcome.status).toBe(200)
    const body = JSON.parse(outcome.data as string) as Body
    expect(body.organisation).toBe(noord.slug)
    expect(body.total).toBe(4)
    expect(body.pages).toBe(1)
    expect(body.evaluations.map((e) => e.externalId)).toEqual([
      'N-ADMIN-A',
      'N-COACH-B',
      'N-TL-A',
      'N-ADMIN-B',
    ])
    const first = body.evaluations[0]!
    expect(first.scorecard).toEqual({ name: 'Servicegesprek', version: 1 })
    expect(first.status).toBe('disputed')
    expect(first.workProcesses.length).toBeGreaterThan(0)
    expect(first.workProcesses[0]!.dossier).toBe('contactcenter-medewerker')
  })

  test('?since keeps later contacts, ?page pages on, a bad date is 400', async () => {
    const since = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10)
    const recent = JSON.parse((await api(noord.slug, ourToken, `?since=${since}`)).data as string)
    expect(recent.total).toBe(3)
    expect(recent.evaluations.map((e: { externalId: string }) => e.externalId)).not.toContain(
      'N-ADMIN-B',
    )
    const second = JSON.parse((await api(noord.slug, ourToken, '?page=2')).data as string)
    expect(second.evaluations).toEqual([])
    expect((await api(noord.slug, ourToken, '?since=gisteren')).status).toBe(400)
    expect((await api(noord.slug, ourToken, '?since=2026-02-31')).status).toBe(400)
  })

  test('no comment or dispute text in the feed: exactly the documented fields', async () => {
    const text = (await api(noord.slug, ourToken)).data as string
    for (const secret of [ITEM_COMMENT, EVALUATOR_COMMENT, 'Geheim'])
      expect(text).not.toContain(secret)
    for (const evaluation of (JSON.parse(text) as { evaluations: object[] }).evaluations)
      expect(Object.keys(evaluation).sort()).toEqual(
        [
          'id',
          'contactAt',
          'agent',
          'evaluator',
          'scorecard',
          'channel',
          'externalId',
          'clientBrand',
          'score',
          'passed',
          'criticalFailed',
          'status',
          'workProcesses',
        ].sort(),
      )
  })

  test('the OpenAPI document describes exactly the fields the feed returns', async () => {
    const doc = (await openapi.loader().json()) as {
      paths: Record<string, { get: { description: string; responses: Record<string, unknown> } }>
      components: {
        schemas: Record<string, { properties: Record<string, { items?: { properties: object } }> }>
      }
    }
    const path = doc.paths['/orgs/{slug}/evaluations']!.get
    expect(path.description).toContain('quality:read')
    expect(Object.keys(path.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404']),
    )
    const documented = doc.components.schemas.EvaluationPage!.properties.evaluations!.items!
    const body = JSON.parse((await api(noord.slug, ourToken)).data as string) as Body
    expect(Object.keys(documented.properties).sort()).toEqual(
      Object.keys(body.evaluations[0]!).sort(),
    )
  })

  test('another organisation is 404 both ways, a token without the scope 403', async () => {
    expect((await api(noord.slug, otherToken)).status).toBe(404)
    expect((await api(other.slug, ourToken)).status).toBe(404)
    expect((await api(noord.slug, progressToken)).status).toBe(403)
    const theirs = JSON.parse((await api(other.slug, otherToken)).data as string) as Body
    expect(theirs.evaluations.map((e) => e.externalId)).toEqual(['OTHER-1'])
  })
})
