import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, test } from 'vitest'
import * as apiStaff from '#app/routes/api/v1/staff.ts'
import * as ownAccessLog from '#app/routes/me/access-log.tsx'
import * as evidenceDetail from '#app/routes/me/evidence-detail.tsx'
import * as assessmentPage from '#app/routes/orgs/$slug/assessment.tsx'
import * as orgAccessLog from '#app/routes/orgs/$slug/access-log.tsx'
import * as progressCsv from '#app/routes/orgs/$slug/progress-csv.ts'
import * as staffPage from '#app/routes/orgs/$slug/staff-member.tsx'
import * as evaluationPage from '#app/routes/orgs/$slug/quality/evaluation.tsx'
import { prisma } from '#app/db.server.ts'
import { seedDemoData } from '#app/demo/demo-data.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { createApiToken } from '#app/employer/api-tokens.server.ts'
import { cookieFor } from '#tests/factories.ts'
import { call, getRequest } from '#tests/route-call.ts'
import { logAccess } from './access-log.server.ts'
import { buildPersonalDataExport } from './personal-data-export.server.ts'

const NOORD = 'klantcontact-noord'
const CALLFORCE = 'callforce'
const cookies: Record<string, string> = {}
let lotte: { id: string; membershipId: string }
let teamLeaderId: string
let noordId: string

const userId = async (email: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id
type Listed = {
  entries: Array<{
    kind: string
    person: { id: string; name: string | null }
    viewer: { name: string | null; roles: string[] } | null
    apiToken: string | null
    organisation: string | null
  }>
  people?: Array<{ id: string }>
}

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  await seedDemoData()
  for (const email of [
    'leerling@noord.demo.test',
    'teamleider@noord.demo.test',
    'werkgever@noord.demo.test',
    'werkgever@callforce.demo.test',
  ])
    cookies[email] = await cookieFor(await userId(email))
  const membership = await prisma.membership.findFirstOrThrow({
    where: { user: { email: 'leerling@noord.demo.test' }, organisation: { slug: NOORD } },
    select: { id: true, userId: true, organisationId: true },
  })
  lotte = { id: membership.userId, membershipId: membership.id }
  noordId = membership.organisationId
  teamLeaderId = await userId('teamleider@noord.demo.test')
}, 300_000)

const entriesOf = (where: { userId?: string; kind?: string }) =>
  prisma.accessLogEntry.findMany({ where, orderBy: { createdAt: 'asc' } })

describe('what is logged', () => {
  test("a team leader opening a learner's page logs one entry", async () => {
    const outcome = await call(
      staffPage.loader,
      getRequest(
        `/orgs/${NOORD}/staff/${lotte.membershipId}`,
        cookies['teamleider@noord.demo.test'],
      ),
      { slug: NOORD, membershipId: lotte.membershipId },
    )
    expect(outcome.status).toBe(200)
    const logged = await entriesOf({ userId: lotte.id, kind: 'staff.detail' })
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatchObject({
      viewedById: teamLeaderId,
      organisationId: noordId,
      via: 'web',
      objectId: '',
    })
  })

  test('an assessor reading evidence and an org admin reading an evaluation are logged', async () => {
    const evidence = await prisma.evidence.findFirstOrThrow({
      where: { userId: lotte.id, organisationId: noordId },
    })
    const assessed = await call(
      assessmentPage.loader,
      getRequest(
        `/orgs/${NOORD}/assessments/${evidence.id}`,
        cookies['teamleider@noord.demo.test'],
      ),
      { slug: NOORD, evidenceId: evidence.id },
    )
    expect(assessed.status).toBe(200)
    const evaluation = await prisma.evaluation.findFirstOrThrow({
      where: { agentId: lotte.id, organisationId: noordId, calibrationSessionId: null },
    })
    const read = await call(
      evaluationPage.loader,
      getRequest(
        `/orgs/${NOORD}/quality/evaluations/${evaluation.id}`,
        cookies['werkgever@noord.demo.test'],
      ),
      { slug: NOORD, evaluationId: evaluation.id },
    )
    expect(read.status).toBe(200)
    expect(await entriesOf({ userId: lotte.id, kind: 'evidence.view' })).toMatchObject([
      { viewedById: teamLeaderId, objectId: evidence.id },
    ])
    expect(await entriesOf({ userId: lotte.id, kind: 'evaluation.view' })).toMatchObject([
      { viewedById: await userId('werkgever@noord.demo.test'), objectId: evaluation.id },
    ])
  })

  test('a person looking at their own data is not logged', async () => {
    const before = await prisma.accessLogEntry.count()
    const evidence = await prisma.evidence.findFirstOrThrow({ where: { userId: lotte.id } })
    const own = await call(
      evidenceDetail.loader,
      getRequest(`/evidence/${evidence.id}`, cookies['leerling@noord.demo.test']),
      { evidenceId: evidence.id },
    )
    expect(own.status).toBe(200)
    await logAccess({
      viewer: { userId: lotte.id },
      organisationId: noordId,
      kind: 'staff.detail',
      people: lotte.id,
    })
    expect(await prisma.accessLogEntry.count()).toBe(before)
  })

  test('an export logs everyone in it, as one export; the HR API names its token', async () => {
    const exported = await call(
      progressCsv.loader,
      getRequest(`/orgs/${NOORD}/progress.csv`, cookies['werkgever@noord.demo.test']),
      { slug: NOORD },
    )
    expect(exported.status).toBe(200)
    const rows = await entriesOf({ kind: 'export.progress' })
    const inFile = (exported.data as string).trim().split('\n').length - 1
    expect(rows).toHaveLength(inFile)
    expect(new Set(rows.map((r) => r.objectId)).size).toBe(1)
    expect(rows.map((r) => r.userId)).toContain(lotte.id)

    const token = await createApiToken({
      organisationId: noordId,
      name: 'AFAS HR',
      scopes: ['progress:read'],
      actorId: await userId('werkgever@noord.demo.test'),
    })
    const answer = await call(
      apiStaff.loader,
      new Request(`http://localhost/api/v1/orgs/${NOORD}/staff`, {
        headers: { Authorization: `Bearer ${token}` },
      }),
      { slug: NOORD },
    )
    expect(answer.status).toBe(200)
    const staff = (JSON.parse(answer.data as string) as { staff: unknown[] }).staff
    const api = await entriesOf({ kind: 'api.staff' })
    expect(api).toHaveLength(staff.length)
    expect(api.find((r) => r.userId === lotte.id)).toMatchObject({
      via: 'api:AFAS HR',
      viewedById: null,
      organisationId: noordId,
    })
  })
})

describe('who sees the log', () => {
  test('the learner sees who looked, in which role and organisation, newest first', async () => {
    const outcome = await call(
      ownAccessLog.loader,
      getRequest('/account/access-log', cookies['leerling@noord.demo.test']),
    )
    expect(outcome.status).toBe(200)
    const { entries } = outcome.data as Listed
    expect(entries.map((e) => e.kind)).toEqual([
      'api.staff',
      'export.progress',
      'evaluation.view',
      'evidence.view',
      'staff.detail',
    ])
    expect(entries.at(-1)).toMatchObject({
      viewer: { name: 'Joost Bakker', roles: expect.arrayContaining(['team_leader']) },
      organisation: 'Klantcontact Noord',
    })
    expect(entries[0]).toMatchObject({ viewer: null, apiToken: 'AFAS HR' })
    // And the same rows in her personal data export.
    const zip = unzipSync((await buildPersonalDataExport(lotte.id))!.zip)
    const exported = JSON.parse(strFromU8(zip['access-log.json']!)) as Array<{ kind: string }>
    expect(exported.map((e) => e.kind)).toContain('staff.detail')
  })

  test("the org admin sees who looked at whom, filtered by person; never another organisation's", async () => {
    const noord = await call(
      orgAccessLog.loader,
      getRequest(
        `/orgs/${NOORD}/privacy/access-log?person=${lotte.id}`,
        cookies['werkgever@noord.demo.test'],
      ),
      { slug: NOORD },
    )
    expect(noord.status).toBe(200)
    const listed = noord.data as Listed
    expect(listed.entries).toHaveLength(5)
    expect(listed.entries.every((e) => e.person.name === 'Lotte Visser')).toBe(true)
    expect(listed.people!.map((p) => p.id)).toContain(lotte.id)

    // CallForce's admin: Noord's log is not there, and their own shows none of Noord's rows.
    const elsewhere = await call(
      orgAccessLog.loader,
      getRequest(`/orgs/${NOORD}/privacy/access-log`, cookies['werkgever@callforce.demo.test']),
      { slug: NOORD },
    )
    expect(elsewhere.status).toBe(404)
    const own = await call(
      orgAccessLog.loader,
      getRequest(
        `/orgs/${CALLFORCE}/privacy/access-log?person=${lotte.id}`,
        cookies['werkgever@callforce.demo.test'],
      ),
      { slug: CALLFORCE },
    )
    expect(own.status).toBe(200)
    expect((own.data as Listed).entries).toEqual([])
    // A team leader is not an org admin.
    const leader = await call(
      orgAccessLog.loader,
      getRequest(`/orgs/${NOORD}/privacy/access-log`, cookies['teamleider@noord.demo.test']),
      { slug: NOORD },
    )
    expect(leader.status).toBe(403)
  })
})
