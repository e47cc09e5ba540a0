import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { ROLE } from './claims.ts'
import { LtiServiceError } from './platform-http.server.ts'
import { importRoster, nextLink, RosterImportError } from './roster-import.server.ts'
import { ltiJwks } from './tool-keys.server.ts'
import { makeMember, makeOrganisation } from '#tests/factories.ts'
import { startTestPlatform, type TestPlatform } from '#tests/lti-platform/platform.ts'
import {
  addServices,
  type NrpsMember,
  type PlatformServices,
} from '#tests/lti-platform/services.ts'

const CLIENT_ID = 'leerplein-roster'
let platform: TestPlatform
let services: PlatformServices
let organisation: Awaited<ReturnType<typeof makeOrganisation>>
let platformId: string
let admin: string
let contexts = 0

beforeAll(async () => {
  platform = await startTestPlatform()
  services = addServices(platform, { clientId: CLIENT_ID, toolJwks: await ltiJwks() })
  organisation = await makeOrganisation()
  admin = (await makeMember(organisation.id, ['employer_admin'])).user.id
  platformId = (
    await prisma.ltiPlatform.create({
      data: {
        organisationId: organisation.id,
        name: 'Canvas ROC',
        issuer: platform.issuer,
        clientId: CLIENT_ID,
        authLoginUrl: platform.url('/api/lti/authorize_redirect'),
        authTokenUrl: services.tokenUrl,
        jwksUrl: platform.jwksUrl,
        registeredVia: 'dynamic',
        status: 'active',
      },
    })
  ).id
}, 60_000)

afterAll(() => platform.close())

/** A platform course with this roster, served three members a page. */
async function courseWithRoster(members: NrpsMember[]) {
  contexts += 1
  const contextId = `course-${contexts}`
  services.setRoster(contextId, members, 3)
  return prisma.ltiContext.create({
    data: {
      platformId,
      contextId,
      title: `Teamleider BBL ${contexts}`,
      membershipsUrl: services.membershipsUrl(contextId),
    },
  })
}

const learner = (id: string, extra: Partial<NrpsMember> = {}): NrpsMember => ({
  status: 'Active',
  name: `Leerling ${id}`,
  given_name: 'Leerling',
  family_name: id,
  email: `${id}@roc.example`,
  user_id: id,
  roles: [ROLE.learner],
  ...extra,
})

const rolesOf = async (userId: string) =>
  (
    await prisma.membershipRole.findMany({
      where: { membership: { userId, organisationId: organisation.id } },
      select: { role: true },
    })
  ).map((r) => r.role)

describe('roster import (Names and Role Provisioning Services)', () => {
  test('pages, roles, a team, an existing member by e-mail; a re-import changes nothing', async () => {
    const existing = await makeMember(organisation.id, ['learner'])
    const context = await courseWithRoster([
      learner('s1'),
      // Canvas leaves out what its privacy settings hide; a null is the same.
      learner('s2', { email: null }),
      // Moodle sends full role URIs, Canvas too; short names are understood as well.
      learner('t1', { roles: ['Instructor'], email: 't1@roc.example' }),
      learner('s3', { email: existing.user.email.toUpperCase() }),
      learner('s4', { status: 'Inactive' }),
      learner('s5', { name: undefined, given_name: 'Sanne', family_name: 'de Vries' }),
      learner('s6', { email: 'not an address' }),
    ])
    const counts = await importRoster({
      organisationId: organisation.id,
      contextId: context.id,
      intoTeam: true,
      actorId: admin,
    })
    expect(counts).toEqual({
      created: 5,
      linked: 1,
      unchanged: 0,
      skippedInactive: 1,
      skippedDeactivated: 0,
    })
    // Three pages of three members were fetched.
    const pages = platform.requests.filter((r) => r.url.pathname.includes(context.contextId))
    expect(pages).toHaveLength(3)

    const ltiUsers = await prisma.ltiUser.findMany({
      where: { platformId },
      select: { subject: true, user: { select: { id: true, email: true, name: true } } },
    })
    const bySubject = new Map(ltiUsers.map((u) => [u.subject, u.user]))
    expect([...bySubject.keys()].sort()).toEqual(['s1', 's2', 's3', 's5', 's6', 't1'])
    expect(bySubject.get('s1')!.email).toBe('s1@roc.example')
    expect(bySubject.get('s2')!.email).toMatch(/^lti-[0-9a-f]{24}@lti\.invalid$/)
    expect(bySubject.get('s6')!.email).toMatch(/@lti\.invalid$/)
    expect(bySubject.get('s5')!.name).toBe('Sanne de Vries')
    expect(bySubject.get('s3')!.id).toBe(existing.user.id)
    expect(await rolesOf(bySubject.get('t1')!.id)).toEqual(['trainer'])
    expect(await rolesOf(bySubject.get('s1')!.id)).toEqual(['learner'])
    const team = await prisma.team.findUniqueOrThrow({
      where: {
        organisationId_name: { organisationId: organisation.id, name: context.title },
      },
      select: { _count: { select: { members: true } } },
    })
    expect(team._count.members).toBe(6)
    expect(
      await prisma.auditEvent.count({
        where: { action: 'lti.roster-imported', subjectId: context.id },
      }),
    ).toBe(1)

    const again = await importRoster({
      organisationId: organisation.id,
      contextId: context.id,
      intoTeam: true,
      actorId: admin,
    })
    expect(again).toEqual({
      created: 0,
      linked: 0,
      unchanged: 6,
      skippedInactive: 1,
      skippedDeactivated: 0,
    })
    expect(await prisma.ltiUser.count({ where: { platformId } })).toBe(6)
  })

  test("a user of another organisation with the roster's e-mail is not linked", async () => {
    const elsewhere = await makeOrganisation()
    const outsider = await makeMember(elsewhere.id, ['learner'])
    const context = await courseWithRoster([learner('x1', { email: outsider.user.email })])
    const counts = await importRoster({
      organisationId: organisation.id,
      contextId: context.id,
      intoTeam: false,
      actorId: admin,
    })
    expect(counts.created).toBe(1)
    const linked = await prisma.ltiUser.findUniqueOrThrow({
      where: { platformId_subject: { platformId, subject: 'x1' } },
      select: { user: { select: { id: true, email: true } } },
    })
    expect(linked.user.id).not.toBe(outsider.user.id)
    expect(linked.user.email).toMatch(/@lti\.invalid$/)
    expect(await prisma.membership.count({ where: { userId: outsider.user.id } })).toBe(1)
    expect(await prisma.team.count({ where: { name: context.title } })).toBe(0)
  })

  test('a platform failing on the second page leaves nothing written', async () => {
    const context = await courseWithRoster([1, 2, 3, 4, 5].map((n) => learner(`f${n}`)))
    const users = await prisma.user.count()
    // The first page is served, the second fails.
    let served = 0
    const path = new URL(context.membershipsUrl!).pathname
    platform.route('GET', path, (request) => {
      served += 1
      if (served === 2) return { status: 500, body: 'roster unavailable' }
      return {
        headers: {
          'Content-Type': 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json',
          Link: `<${platform.url(`${path}?page=1`)}>; rel="next"`,
        },
        body: JSON.stringify({ id: request.url.href, members: [learner('f1')] }),
      }
    })
    const failed = await importRoster({
      organisationId: organisation.id,
      contextId: context.id,
      intoTeam: true,
      actorId: admin,
    }).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(LtiServiceError)
    expect(failed).toMatchObject({ reason: 'unreachable', status: 500 })
    expect(await prisma.user.count()).toBe(users)
    expect(await prisma.team.count({ where: { name: context.title } })).toBe(0)
    expect(await prisma.ltiUser.count({ where: { platformId, subject: 'f1' } })).toBe(0)
  })

  test('a platform answering 500 on the first page: a clear error, nothing written', async () => {
    const context = await courseWithRoster([learner('g1')])
    services.failRoster(1)
    await expect(
      importRoster({
        organisationId: organisation.id,
        contextId: context.id,
        intoTeam: true,
        actorId: admin,
      }),
    ).rejects.toMatchObject({ reason: 'unreachable', status: 500 })
    expect(await prisma.ltiUser.count({ where: { platformId, subject: 'g1' } })).toBe(0)
    const ctx = await prisma.ltiContext.findUniqueOrThrow({ where: { id: context.id } })
    expect(ctx.lastRosterImportAt).toBeNull()
  })

  test('an unknown course, another organisation’s course, a course without roster service', async () => {
    const elsewhere = await makeOrganisation()
    const context = await courseWithRoster([learner('y1')])
    const refused = await importRoster({
      organisationId: elsewhere.id,
      contextId: context.id,
      intoTeam: false,
      actorId: admin,
    }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(RosterImportError)
    expect(refused).toMatchObject({ reason: 'not-found' })
    const bare = await prisma.ltiContext.create({
      data: { platformId, contextId: 'no-nrps', title: 'Zonder rooster' },
    })
    await expect(
      importRoster({
        organisationId: organisation.id,
        contextId: bare.id,
        intoTeam: false,
        actorId: admin,
      }),
    ).rejects.toMatchObject({ reason: 'no-roster-service' })
  })

  test('a roster that pages to another host is refused', async () => {
    const context = await courseWithRoster([learner('h1')])
    const path = new URL(context.membershipsUrl!).pathname
    platform.route('GET', path, (request) => ({
      headers: {
        'Content-Type': 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json',
        Link: '<https://elsewhere.example/roster?page=2>; rel="next"',
      },
      body: JSON.stringify({ id: request.url.href, members: [learner('h1')] }),
    }))
    await expect(
      importRoster({
        organisationId: organisation.id,
        contextId: context.id,
        intoTeam: false,
        actorId: admin,
      }),
    ).rejects.toMatchObject({ reason: 'invalid-response' })
    expect(await prisma.ltiUser.count({ where: { platformId, subject: 'h1' } })).toBe(0)
  })

  test('Link headers: next among others, or none', () => {
    expect(
      nextLink(
        '<https://a.example/m?page=1>; rel="prev", <https://a.example/m?page=3>; rel="next"',
      ),
    ).toBe('https://a.example/m?page=3')
    expect(nextLink('<https://a.example/m>; rel="first"')).toBeNull()
    expect(nextLink(null)).toBeNull()
  })
})
