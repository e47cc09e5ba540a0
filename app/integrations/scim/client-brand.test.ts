import { beforeAll, describe, expect, test } from 'vitest'
import * as usersRoute from '#app/routes/scim/v2/users.ts'
import * as userRoute from '#app/routes/scim/v2/user.ts'
import * as provisioningPage from '#app/routes/orgs/$slug/provisioning.tsx'
import { prisma } from '#app/db.server.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'
import { PATCH_OP_SCHEMA } from './patch.ts'
import { createScimToken } from './scim-tokens.server.ts'
import { ENTERPRISE_SCHEMA, USER_SCHEMA } from './user-resource.ts'

type Org = Awaited<ReturnType<typeof makeOrganisation>>
let callforce: Org
let token: string
let adminId: string
let merkA: string
let merkB: string

beforeAll(async () => {
  callforce = await makeOrganisation('outsourced')
  const admin = await makeMember(callforce.id, ['employer_admin'])
  adminId = admin.user.id
  token = await createScimToken({ organisationId: callforce.id, name: 'Entra', actorId: adminId })
  const clients = await prisma.clientOrganisation.findMany({
    where: { organisationId: callforce.id },
  })
  merkA = clients.find((c) => c.name === 'Merk A')!.id
  merkB = clients.find((c) => c.name === 'Merk B')!.id
})

function scim(method: string, path: string, body?: unknown, bearer = token) {
  return new Request(`http://localhost/scim/v2${path}`, {
    method,
    headers: { 'Content-Type': 'application/scim+json', Authorization: `Bearer ${bearer}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

async function send(handler: unknown, request: Request, params: Record<string, string> = {}) {
  const outcome = await call(handler, request, params)
  const text = outcome.data as string
  type ScimBody = Record<string, unknown> & { id: string; detail: string }
  return { status: outcome.status, body: text ? (JSON.parse(text) as ScimBody) : null }
}

const user = (email: string, enterprise: Record<string, unknown>, extra = {}) => ({
  schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
  userName: email,
  active: true,
  [ENTERPRISE_SCHEMA]: enterprise,
  ...extra,
})

const teamClient = async (organisationId: string, name: string) =>
  (await prisma.team.findUnique({
    where: { organisationId_name: { organisationId, name } },
    select: { clientId: true },
  })) ?? 'no team'

async function setAttribute(org: Org, brandAttribute: string, cookie: string) {
  return call(
    provisioningPage.action,
    formRequest(`/orgs/${org.slug}/provisioning`, { intent: 'brand', brandAttribute }, { cookie }),
    { slug: org.slug },
  )
}

describe('the brand attribute setting', () => {
  test('an employer admin saves it (audited once per change); an unknown attribute is 400', async () => {
    const cookie = await cookieFor(adminId)
    const path = `/orgs/${callforce.slug}/provisioning`
    const before = (
      await call(provisioningPage.loader, getRequest(path, cookie), {
        slug: callforce.slug,
      })
    ).data as { brandAttribute: string; brands: string[] }
    expect(before).toMatchObject({ brandAttribute: 'none', brands: ['Merk A', 'Merk B'] })

    const refused = await setAttribute(callforce, 'manager', cookie)
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.data)).toContain('scim.brandAttributeInvalid')
    expect(
      await prisma.scimSettings.findUnique({ where: { organisationId: callforce.id } }),
    ).toBeNull()

    expect((await setAttribute(callforce, 'division', cookie)).status).toBe(200)
    expect((await setAttribute(callforce, 'division', cookie)).status).toBe(200)
    const after = (
      await call(provisioningPage.loader, getRequest(path, cookie), {
        slug: callforce.slug,
      })
    ).data as { brandAttribute: string }
    expect(after.brandAttribute).toBe('division')
    const lines = await prisma.auditEvent.findMany({
      where: { organisationId: callforce.id, action: 'scim-settings.changed' },
    })
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!.detail)).toEqual({ brandAttribute: 'division', was: 'none' })
  })

  test('a learner may not change it', async () => {
    const learner = await makeMember(callforce.id, ['learner'])
    const answer = await setAttribute(callforce, 'title', await cookieFor(learner.user.id))
    expect(answer.status).toBe(403)
  })
})

describe('provisioning a user with department and brand', () => {
  test('create: the department team gets the named client (case-insensitive)', async () => {
    const created = await send(
      usersRoute.action,
      scim(
        'POST',
        '/Users',
        user('eva@callforce.example', { department: 'Team Energie', division: 'merk a' }),
      ),
    )
    expect(created.status).toBe(201)
    expect(await teamClient(callforce.id, 'Team Energie')).toEqual({ clientId: merkA })
    const line = await prisma.auditEvent.findFirst({
      where: { organisationId: callforce.id, action: 'scim.group.client-set' },
    })
    expect(JSON.parse(line!.detail)).toMatchObject({ name: 'Team Energie', client: 'Merk A' })
  })

  test('PATCH of the division (Entra style) brands the existing department team', async () => {
    const created = await send(
      usersRoute.action,
      scim('POST', '/Users', user('tom@callforce.example', { department: 'Team Telco' })),
    )
    expect(await teamClient(callforce.id, 'Team Telco')).toEqual({ clientId: null })
    const id = created.body!.id
    const patched = await send(
      userRoute.action,
      scim('PATCH', `/Users/${id}`, {
        schemas: [PATCH_OP_SCHEMA],
        Operations: [{ op: 'Replace', path: `${ENTERPRISE_SCHEMA}:division`, value: 'Merk B' }],
      }),
      { userId: id },
    )
    expect(patched.status).toBe(200)
    expect(await teamClient(callforce.id, 'Team Telco')).toEqual({ clientId: merkB })
  })

  test('a conflicting brand is 400 invalidValue and nothing is written', async () => {
    const answer = await send(
      usersRoute.action,
      scim(
        'POST',
        '/Users',
        user('ali@callforce.example', { department: 'Team Energie', division: 'Merk B' }),
      ),
    )
    expect(answer).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } })
    expect(answer.body!.detail).toContain('Team Energie belongs to client brand Merk A')
    expect(await prisma.user.findUnique({ where: { email: 'ali@callforce.example' } })).toBeNull()
    expect(await teamClient(callforce.id, 'Team Energie')).toEqual({ clientId: merkA })

    // PUT moving an existing person to that team with the wrong brand: refused whole.
    const tom = await prisma.user.findUniqueOrThrow({
      where: { email: 'tom@callforce.example' },
      select: { memberships: { select: { id: true } } },
    })
    const id = tom.memberships[0]!.id
    const put = await send(
      userRoute.action,
      scim(
        'PUT',
        `/Users/${id}`,
        user('tom@callforce.example', { department: 'Team Energie', division: 'Merk B' }),
      ),
      { userId: id },
    )
    expect(put).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } })
    const profile = await prisma.scimProfile.findUniqueOrThrow({ where: { membershipId: id } })
    expect(profile.department).toBe('Team Telco')
    expect(
      await prisma.teamMember.count({
        where: { membershipId: id, team: { name: 'Team Energie' } },
      }),
    ).toBe(0)
  })

  test('an unknown brand is 400 invalidValue naming the allowed brands; nothing is written', async () => {
    const answer = await send(
      usersRoute.action,
      scim(
        'POST',
        '/Users',
        user('noor@callforce.example', { department: 'Team Nieuw', division: 'PowerGas' }),
      ),
    )
    expect(answer).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } })
    expect(answer.body!.detail).toContain('"PowerGas"')
    expect(answer.body!.detail).toContain('allowed: Merk A, Merk B')
    expect(await prisma.user.findUnique({ where: { email: 'noor@callforce.example' } })).toBeNull()
    expect(await teamClient(callforce.id, 'Team Nieuw')).toBe('no team')
  })

  test('without a department the brand is ignored', async () => {
    const answer = await send(
      usersRoute.action,
      scim('POST', '/Users', user('ruben@callforce.example', { division: 'PowerGas' })),
    )
    expect(answer.status).toBe(201)
  })

  test('with the attribute none, or another attribute configured, a brand value is ignored', async () => {
    const other = await makeOrganisation('outsourced')
    const admin = await makeMember(other.id, ['employer_admin'])
    const otherToken = await createScimToken({
      organisationId: other.id,
      name: 'Entra',
      actorId: admin.user.id,
    })
    const created = await send(
      usersRoute.action,
      scim(
        'POST',
        '/Users',
        user('sem@other.example', { department: 'Team X', division: 'Merk A' }),
        otherToken,
      ),
    )
    expect(created.status).toBe(201)
    expect(await teamClient(other.id, 'Team X')).toEqual({ clientId: null })

    // Configured to title: division is ignored, the core title names the brand.
    await setAttribute(other, 'title', await cookieFor(admin.user.id))
    const viaTitle = await send(
      usersRoute.action,
      scim(
        'POST',
        '/Users',
        user(
          'ivo@other.example',
          { department: 'Team Y', division: 'Onbekend' },
          { title: 'Merk B' },
        ),
        otherToken,
      ),
    )
    expect(viaTitle.status).toBe(201)
    const merkBOther = await prisma.clientOrganisation.findFirstOrThrow({
      where: { organisationId: other.id, name: 'Merk B' },
    })
    expect(await teamClient(other.id, 'Team Y')).toEqual({ clientId: merkBOther.id })
  })
})
