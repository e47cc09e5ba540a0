import { beforeAll, describe, expect, test } from 'vitest'
import * as usersRoute from '#app/routes/scim/v2/users.ts'
import * as userRoute from '#app/routes/scim/v2/user.ts'
import * as groupsRoute from '#app/routes/scim/v2/groups.ts'
import * as groupRoute from '#app/routes/scim/v2/group.ts'
import * as configRoute from '#app/routes/scim/v2/service-provider-config.ts'
import * as provisioningPage from '#app/routes/orgs/$slug/provisioning.tsx'
import { prisma } from '#app/db.server.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'
import { PATCH_OP_SCHEMA } from './patch.ts'
import { createScimToken, revokeScimToken } from './scim-tokens.server.ts'
import { USER_SCHEMA } from './user-resource.ts'

type Org = Awaited<ReturnType<typeof makeOrganisation>>
let noord: Org
let other: Org
let token: string
let otherToken: string
let adminId: string

beforeAll(async () => {
  noord = await makeOrganisation()
  other = await makeOrganisation()
  const admin = await makeMember(noord.id, ['employer_admin'])
  adminId = admin.user.id
  const otherAdmin = await makeMember(other.id, ['employer_admin'])
  token = await createScimToken({ organisationId: noord.id, name: 'Entra ID', actorId: adminId })
  otherToken = await createScimToken({
    organisationId: other.id,
    name: 'Okta',
    actorId: otherAdmin.user.id,
  })
})

function scim(
  method: string,
  path: string,
  body?: unknown,
  bearer: string | null = token,
): Request {
  return new Request(`http://localhost/scim/v2${path}`, {
    method,
    headers: {
      'Content-Type': 'application/scim+json',
      ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function send(handler: unknown, request: Request, params: Record<string, string> = {}) {
  const outcome = await call(handler, request, params)
  const text = outcome.data as string
  type ScimBody = Record<string, unknown> & { id: string; detail: string }
  return { status: outcome.status, body: text ? (JSON.parse(text) as ScimBody) : null }
}

const newUser = (email: string, extra: Record<string, unknown> = {}) => ({
  schemas: [USER_SCHEMA],
  userName: email,
  active: true,
  displayName: email.split('@')[0],
  ...extra,
})
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP_SCHEMA], Operations })

describe('who may provision', () => {
  test('no token or a revoked one is 401; discovery needs none', async () => {
    expect((await send(usersRoute.loader, scim('GET', '/Users', undefined, null))).status).toBe(401)
    const revoked = await createScimToken({
      organisationId: noord.id,
      name: 'Oud',
      actorId: adminId,
    })
    const row = await prisma.scimToken.findFirstOrThrow({ where: { name: 'Oud' } })
    await revokeScimToken(noord.id, row.id, adminId)
    const refused = await send(usersRoute.loader, scim('GET', '/Users', undefined, revoked))
    expect(refused.status).toBe(401)
    expect(refused.body).toMatchObject({ status: '401' })
    expect(
      (await send(configRoute.loader, getRequest('/scim/v2/ServiceProviderConfig'))).body,
    ).toMatchObject({ patch: { supported: true } })
  })

  test("another organisation's token finds nothing of this one: 404", async () => {
    const created = await send(
      usersRoute.action,
      scim('POST', '/Users', newUser('lisa@noord.example')),
    )
    expect(created.status).toBe(201)
    const id = created.body!.id as string
    for (const [handler, method, body] of [
      [userRoute.loader, 'GET', undefined],
      [userRoute.action, 'PATCH', patch({ op: 'Replace', path: 'active', value: 'False' })],
      [userRoute.action, 'DELETE', undefined],
    ] as const) {
      const answer = await send(handler, scim(method, `/Users/${id}`, body, otherToken), {
        userId: id,
      })
      expect(answer.status).toBe(404)
      expect(answer.body).toMatchObject({ status: '404' })
    }
    const list = await send(
      usersRoute.loader,
      scim('GET', '/Users?filter=userName eq "lisa@noord.example"', undefined, otherToken),
    )
    expect(list.body).toMatchObject({ totalResults: 0 })
    const membership = await prisma.membership.findUniqueOrThrow({ where: { id } })
    expect(membership.deactivatedAt).toBeNull()
  })
})

describe('bad input is refused and loses nothing', () => {
  test('malformed JSON is 400 invalidSyntax', async () => {
    const answer = await send(usersRoute.action, scim('POST', '/Users', '{"userName": "x@y.nl",'))
    expect(answer).toMatchObject({
      status: 400,
      body: { status: '400', scimType: 'invalidSyntax' },
    })
  })

  test('an unknown attribute is 400 and creates nobody', async () => {
    const answer = await send(
      usersRoute.action,
      scim('POST', '/Users', newUser('bram@noord.example', { shoeSize: 44 })),
    )
    expect(answer).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } })
    expect(answer.body!.detail).toContain('shoeSize')
    expect(await prisma.user.count({ where: { email: 'bram@noord.example' } })).toBe(0)
  })

  test('a user created twice is 409 uniqueness; the same externalId too', async () => {
    const first = await send(
      usersRoute.action,
      scim('POST', '/Users', newUser('sara@noord.example', { externalId: 'ext-sara' })),
    )
    expect(first.status).toBe(201)
    const again = await send(
      usersRoute.action,
      scim('POST', '/Users', newUser('Sara@Noord.example')),
    )
    expect(again).toMatchObject({ status: 409, body: { status: '409', scimType: 'uniqueness' } })
    const sameExternal = await send(
      usersRoute.action,
      scim('POST', '/Users', newUser('sara2@noord.example', { externalId: 'ext-sara' })),
    )
    expect(sameExternal).toMatchObject({ status: 409, body: { scimType: 'uniqueness' } })
    expect(await prisma.user.count({ where: { email: 'sara2@noord.example' } })).toBe(0)
    const found = await send(
      usersRoute.loader,
      scim('GET', '/Users?filter=externalId eq "ext-sara"'),
    )
    expect(found.body).toMatchObject({
      totalResults: 1,
      Resources: [{ userName: 'sara@noord.example' }],
    })
  })

  test("a directory cannot claim another organisation's member (it would see their progress)", async () => {
    const elsewhere = await makeMember(other.id, ['learner'])
    const answer = await send(
      usersRoute.action,
      scim('POST', '/Users', newUser(elsewhere.user.email)),
    )
    expect(answer).toMatchObject({ status: 409, body: { scimType: 'uniqueness' } })
    expect(answer.body!.detail).toContain('invite')
    expect(await prisma.membership.count({ where: { userId: elsewhere.user.id } })).toBe(1)
  })

  test('an account that is also a member elsewhere keeps its login address', async () => {
    const shared = await makeMember(noord.id, ['learner'])
    await prisma.membership.create({ data: { userId: shared.user.id, organisationId: other.id } })
    const answer = await send(
      userRoute.action,
      scim(
        'PATCH',
        `/Users/${shared.membershipId}`,
        patch({ op: 'Replace', path: 'userName', value: 'overgenomen@noord.example' }),
      ),
      { userId: shared.membershipId },
    )
    expect(answer).toMatchObject({ status: 400, body: { scimType: 'mutability' } })
    const user = await prisma.user.findUniqueOrThrow({ where: { id: shared.user.id } })
    expect(user.email).toBe(shared.user.email)
  })

  test('a body over 1 MB is refused before it is parsed', async () => {
    const big = JSON.stringify(
      newUser('groot@noord.example', { displayName: 'x'.repeat(1_100_000) }),
    )
    const answer = await send(usersRoute.action, scim('POST', '/Users', big))
    expect(answer.status).toBe(413)
  })
})

describe('groups', () => {
  test('a PATCH with 1,000 member operations is written in one go', async () => {
    const stamp = Date.now()
    await prisma.user.createMany({
      data: Array.from({ length: 1000 }, (_, i) => ({
        email: `agent-${stamp}-${i}@noord.example`,
        name: `Agent ${i}`,
        passwordHash: '',
      })),
    })
    const users = await prisma.user.findMany({
      where: { email: { startsWith: `agent-${stamp}-` } },
      select: { id: true },
    })
    await prisma.membership.createMany({
      data: users.map((u) => ({ userId: u.id, organisationId: noord.id })),
    })
    const memberships = await prisma.membership.findMany({
      where: { userId: { in: users.map((u) => u.id) } },
      select: { id: true },
    })
    const group = await send(
      groupsRoute.action,
      scim('POST', '/Groups', { schemas: [], displayName: 'Team Groot' }),
    )
    expect(group.status).toBe(201)
    const ops = memberships.map((m) => ({ op: 'Add', path: 'members', value: [{ value: m.id }] }))
    const answer = await send(
      groupRoute.action,
      scim('PATCH', `/Groups/${group.body!.id}`, patch(...ops)),
      {
        groupId: group.body!.id,
      },
    )
    expect(answer.status).toBe(204)
    expect(await prisma.teamMember.count({ where: { teamId: group.body!.id } })).toBe(1000)
    const trail = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'scim.group.members-changed', subjectId: group.body!.id },
    })
    expect(JSON.parse(trail.detail)).toMatchObject({ added: 1000, removed: 0, via: 'Entra ID' })
  })

  test('one failing operation in a PATCH leaves the group as it was', async () => {
    const member = await makeMember(noord.id, ['learner'])
    const outsider = await makeMember(other.id, ['learner'])
    const group = await send(
      groupsRoute.action,
      scim('POST', '/Groups', {
        displayName: 'Team Klein',
        members: [{ value: member.membershipId }],
      }),
    )
    const id = group.body!.id as string
    const before = await prisma.teamMember.findMany({ where: { teamId: id } })
    const attempts = [
      // Rename, remove the member, then add another organisation's member: refused as a whole.
      patch(
        { op: 'Replace', path: 'displayName', value: 'Team Hernoemd' },
        { op: 'Remove', path: `members[value eq "${member.membershipId}"]` },
        { op: 'Add', path: 'members', value: [{ value: outsider.membershipId }] },
      ),
      patch(
        { op: 'Replace', path: 'displayName', value: 'Team Hernoemd' },
        { op: 'Replace', path: 'colour', value: 'blauw' },
      ),
    ]
    for (const body of attempts) {
      const answer = await send(groupRoute.action, scim('PATCH', `/Groups/${id}`, body), {
        groupId: id,
      })
      expect(answer.status).toBe(400)
    }
    expect(await prisma.teamMember.findMany({ where: { teamId: id } })).toEqual(before)
    expect((await prisma.team.findUniqueOrThrow({ where: { id } })).name).toBe('Team Klein')
    const duplicate = await send(
      groupsRoute.action,
      scim('POST', '/Groups', { displayName: 'Team Klein' }),
    )
    expect(duplicate).toMatchObject({ status: 409, body: { scimType: 'uniqueness' } })
  })
})

describe('the provisioning page', () => {
  test('an employer admin creates a token once, sees when it was used, and revokes it', async () => {
    const cookie = await cookieFor(adminId)
    const path = `/orgs/${noord.slug}/provisioning`
    const params = { slug: noord.slug }
    const created = await call(
      provisioningPage.action,
      formRequest(path, { intent: 'create', name: 'Entra productie' }, { cookie }),
      params,
    )
    const shown = (created.data as { token: string }).token
    expect(shown).toMatch(/^scim_[a-z2-7]+$/)
    const stored = await prisma.scimToken.findFirstOrThrow({ where: { name: 'Entra productie' } })
    expect(stored.tokenHash).not.toContain(shown)
    await send(usersRoute.loader, scim('GET', '/Users', undefined, shown))
    const page = (await call(provisioningPage.loader, getRequest(path, cookie), params)).data as {
      tokens: Array<{ id: string; lastUsedAt: Date | null }>
      scimUrl: string
    }
    expect(page.scimUrl).toMatch(/\/scim\/v2$/)
    expect(page.tokens.find((t) => t.id === stored.id)!.lastUsedAt).not.toBeNull()
    expect(JSON.stringify(page)).not.toContain(shown)
    await call(
      provisioningPage.action,
      formRequest(path, { intent: 'revoke', tokenId: stored.id }, { cookie }),
      params,
    )
    expect((await send(usersRoute.loader, scim('GET', '/Users', undefined, shown))).status).toBe(
      401,
    )
    const actions = (
      await prisma.auditEvent.findMany({
        where: { subjectId: stored.id },
        select: { action: true },
      })
    ).map((e) => e.action)
    expect(actions.sort()).toEqual(['scim-token.created', 'scim-token.revoked', 'scim-token.used'])
  })

  test('a learner may not open it', async () => {
    const learner = await makeMember(noord.id, ['learner'])
    const answer = await call(
      provisioningPage.loader,
      getRequest(`/orgs/${noord.slug}/provisioning`, await cookieFor(learner.user.id)),
      { slug: noord.slug },
    )
    expect(answer.status).toBe(403)
  })
})
