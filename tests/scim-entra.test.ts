import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildApp, startApp, stopApp, type AppProcess } from './app-process.ts'
import { cookieFor } from './factories.ts'
import { prisma } from '#app/db.server.ts'
import { createScimToken } from '#app/integrations/scim/scim-tokens.server.ts'

/**
 * Microsoft Entra ID's provisioning sequence, replayed over HTTP against the production
 * server on this file's database (SQLite or PostgreSQL, whichever the suite runs): the
 * requests and their quirks as Entra sends them, and after each step the product's state.
 */
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp'
const NOORD = 'klantcontact-noord'

let app: AppProcess | undefined
let token: string
let organisationId: string

beforeAll(async () => {
  buildApp()
  app = await startApp(process.env.DATABASE_URL!)
  const noord = await prisma.organisation.findUniqueOrThrow({ where: { slug: NOORD } })
  organisationId = noord.id
  const employer = await prisma.user.findUniqueOrThrow({
    where: { email: 'werkgever@noord.demo.test' },
  })
  token = await createScimToken({ organisationId, name: 'Entra ID', actorId: employer.id })
}, 240_000)

afterAll(async () => {
  await stopApp(app)
})

async function scim(method: string, path: string, body?: unknown) {
  const response = await fetch(`${app!.url}/scim/v2${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/scim+json',
      Accept: 'application/scim+json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { id: string },
  }
}
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations })

const membershipOf = (id: string) =>
  prisma.membership.findUniqueOrThrow({
    where: { id },
    include: {
      user: true,
      roles: true,
      teams: { include: { team: true } },
      scimProfile: true,
    },
  })

describe('Entra provisions, changes and deprovisions a Noord agent', () => {
  let agentId: string
  let managerId: string
  let groupId: string
  let agentCookie: string

  test('1. looks the person up by userName, then creates them', async () => {
    const lookup = await scim('GET', '/Users?filter=userName+eq+%22fleur.bakker%40noord.example%22')
    expect(lookup.status).toBe(200)
    expect(lookup.body).toMatchObject({ totalResults: 0, Resources: [] })

    const created = await scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
      externalId: '8d4f0c9e-entra-object-id',
      userName: 'fleur.bakker@noord.example',
      active: true,
      displayName: 'Fleur Bakker',
      name: { formatted: 'Fleur Bakker', givenName: 'Fleur', familyName: 'Bakker' },
      emails: [{ primary: true, type: 'work', value: 'fleur.bakker@noord.example' }],
      title: 'Klantadviseur',
      [ENTERPRISE]: { department: 'Team Zakelijk', employeeNumber: '1042' },
    })
    expect(created.status).toBe(201)
    expect(created.type).toContain('application/scim+json')
    agentId = created.body.id
    const m = await membershipOf(agentId)
    expect(m.organisationId).toBe(organisationId)
    expect(m.deactivatedAt).toBeNull()
    expect(m.user).toMatchObject({ email: 'fleur.bakker@noord.example', name: 'Fleur Bakker' })
    expect(m.roles.map((r) => r.role)).toEqual(['learner'])
    expect(m.teams.map((t) => t.team.name)).toEqual(['Team Zakelijk'])
    expect(m.scimProfile?.externalId).toBe('8d4f0c9e-entra-object-id')

    const byExternalId = await scim(
      'GET',
      '/Users?filter=externalId+eq+%228d4f0c9e-entra-object-id%22',
    )
    expect(byExternalId.body).toMatchObject({ totalResults: 1, Resources: [{ id: agentId }] })
  })

  test('2. patches attributes the Entra way', async () => {
    const answer = await scim(
      'PATCH',
      `/Users/${agentId}`,
      patch(
        { op: 'Replace', path: 'displayName', value: 'Fleur de Bakker' },
        { op: 'Replace', path: 'name.familyName', value: 'de Bakker' },
        {
          op: 'Replace',
          path: 'emails[type eq "work"].value',
          value: 'fleur.bakker@noord.example',
        },
        { op: 'Replace', path: 'active', value: 'True' },
      ),
    )
    expect(answer.status).toBe(200)
    const m = await membershipOf(agentId)
    expect(m.user.name).toBe('Fleur de Bakker')
    expect(m.scimProfile).toMatchObject({ givenName: 'Fleur', familyName: 'de Bakker' })
    expect(m.deactivatedAt).toBeNull()
  })

  test('3. creates a group and adds the member', async () => {
    const lookup = await scim(
      'GET',
      '/Groups?excludedAttributes=members&filter=displayName+eq+%22Team+Avond%22',
    )
    expect(lookup.body).toMatchObject({ totalResults: 0 })
    const created = await scim('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      externalId: 'group-object-id',
      displayName: 'Team Avond',
      members: [],
    })
    expect(created.status).toBe(201)
    groupId = created.body.id
    const added = await scim(
      'PATCH',
      `/Groups/${groupId}`,
      patch({ op: 'Add', path: 'members', value: [{ value: agentId }] }),
    )
    expect(added.status).toBe(204)
    const m = await membershipOf(agentId)
    expect(m.teams.map((t) => t.team.name).sort()).toEqual(['Team Avond', 'Team Zakelijk'])
    const team = await prisma.team.findUniqueOrThrow({ where: { id: groupId } })
    expect(team).toMatchObject({ organisationId, name: 'Team Avond' })
  })

  test('4. sets the manager: they become team leader of the person’s teams', async () => {
    const manager = await scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      externalId: 'manager-object-id',
      userName: 'ruud.smit@noord.example',
      active: true,
      displayName: 'Ruud Smit',
    })
    managerId = manager.body.id
    const answer = await scim(
      'PATCH',
      `/Users/${agentId}`,
      patch({ op: 'Add', path: `${ENTERPRISE}:manager`, value: managerId }),
    )
    expect(answer.status).toBe(200)
    expect(answer.body[ENTERPRISE]).toMatchObject({ manager: { value: managerId } })
    const m = await membershipOf(managerId)
    expect(m.roles.map((r) => r.role).sort()).toEqual(['learner', 'team_leader'])
    expect(m.teams.map((t) => t.team.name).sort()).toEqual(['Team Avond', 'Team Zakelijk'])
  })

  test('5. deactivates with "False": membership off, signed-in sessions end at once', async () => {
    const m = await membershipOf(agentId)
    agentCookie = await cookieFor(m.userId)
    const before = await fetch(`${app!.url}/dashboard`, {
      headers: { cookie: agentCookie },
      redirect: 'manual',
    })
    expect(before.status).toBe(200)

    const answer = await scim(
      'PATCH',
      `/Users/${agentId}`,
      patch({ op: 'Replace', path: 'active', value: 'False' }),
    )
    expect(answer.status).toBe(200)
    expect(answer.body.active).toBe(false)
    expect((await membershipOf(agentId)).deactivatedAt).not.toBeNull()
    expect(await prisma.session.count({ where: { userId: m.userId } })).toBe(0)
    const after = await fetch(`${app!.url}/dashboard`, {
      headers: { cookie: agentCookie },
      redirect: 'manual',
    })
    expect(after.status).toBe(302)
    expect(after.headers.get('location')).toMatch(/^\/login/)
  })

  test('6. reactivates: the membership is restored', async () => {
    const answer = await scim(
      'PATCH',
      `/Users/${agentId}`,
      patch({ op: 'Replace', value: { active: 'True' } }),
    )
    expect(answer.status).toBe(200)
    const m = await membershipOf(agentId)
    expect(m.deactivatedAt).toBeNull()
    expect(m.teams).toHaveLength(2)
  })

  test('7. deletes: gone from SCIM, the membership kept deactivated with the account', async () => {
    expect((await scim('DELETE', `/Users/${agentId}`)).status).toBe(204)
    const gone = await scim('GET', `/Users/${agentId}`)
    expect(gone.status).toBe(404)
    expect(gone.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '404',
    })
    const m = await membershipOf(agentId)
    expect(m.deactivatedAt).not.toBeNull()
    expect(m.scimProfile?.deletedAt).not.toBeNull()
    expect(m.user.email).toBe('fleur.bakker@noord.example')
  })

  test('every step is on the organisation’s audit page', async () => {
    const actions = new Set(
      (await prisma.auditEvent.findMany({ where: { organisationId } })).map((e) => e.action),
    )
    for (const action of [
      'scim-token.created',
      'scim-token.used',
      'scim.user.created',
      'scim.user.updated',
      'scim.group.created',
      'scim.group.members-changed',
      'scim.manager.set',
      'scim.user.deactivated',
      'scim.user.reactivated',
      'scim.user.deleted',
    ])
      expect(actions).toContain(action)
    const employer = await prisma.user.findUniqueOrThrow({
      where: { email: 'werkgever@noord.demo.test' },
    })
    const page = await fetch(`${app!.url}/orgs/${NOORD}/audit`, {
      headers: { cookie: await cookieFor(employer.id) },
    })
    const html = await page.text()
    expect(html).toContain('Medewerker aangemaakt via SCIM')
    expect(html).toContain('Medewerker gedeactiveerd via SCIM')
  })
})
