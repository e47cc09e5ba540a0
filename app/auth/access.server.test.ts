import { beforeAll, describe, expect, test } from 'vitest'
import * as employer from '#app/routes/orgs/employer-redirect.ts'
import * as matrix from '#app/routes/orgs/$slug/matrix.tsx'
import * as trainer from '#app/routes/trainer/index.tsx'
import * as admin from '#app/routes/admin/index.tsx'
import * as members from '#app/routes/orgs/$slug/members.tsx'
import * as member from '#app/routes/orgs/$slug/member.tsx'
import * as teams from '#app/routes/orgs/$slug/teams.tsx'
import * as invitations from '#app/routes/orgs/$slug/invitations.tsx'
import { prisma } from '#app/db.server.ts'
import { toJsonList } from '#app/utils/json-list.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'

/**
 * Employers are often competitors: nothing of another organisation may be reachable, and
 * the answer must not even reveal that it exists (404, like a missing page).
 */
let noord: Awaited<ReturnType<typeof makeOrganisation>>
let callforce: Awaited<ReturnType<typeof makeOrganisation>>
let noordEmployer: string
let callforceEmployer: string
let noordLearner: string
let noordLearnerMembership: string
let callforceLearnerMembership: string
let callforceInvitationId: string

beforeAll(async () => {
  noord = await makeOrganisation('in_house')
  callforce = await makeOrganisation('outsourced')
  noordEmployer = await cookieFor((await makeMember(noord.id, ['employer_admin'])).user.id)
  const cfEmployer = await makeMember(callforce.id, ['employer_admin'])
  callforceEmployer = await cookieFor(cfEmployer.user.id)
  const learner = await makeMember(noord.id, ['learner'], [noord.teamId])
  noordLearner = await cookieFor(learner.user.id)
  noordLearnerMembership = learner.membershipId
  callforceLearnerMembership = (await makeMember(callforce.id, ['learner'])).membershipId
  callforceInvitationId = (
    await prisma.invitation.create({
      data: {
        organisationId: callforce.id,
        email: 'kandidaat@example.test',
        roles: toJsonList(['learner']),
        tokenHash: 'x'.repeat(64),
        expiresAt: new Date(Date.now() + 60_000),
        invitedById: cfEmployer.user.id,
      },
    })
  ).id
})

describe("an employer of one organisation and the other organisation's resources", () => {
  test('members, a member, teams and invitations pages answer 404', async () => {
    const slug = callforce.slug
    for (const [route, path, params] of [
      [members.loader, `/orgs/${slug}/members`, { slug }],
      [
        member.loader,
        `/orgs/${slug}/members/${callforceLearnerMembership}`,
        { slug, membershipId: callforceLearnerMembership },
      ],
      [teams.loader, `/orgs/${slug}/teams`, { slug }],
      [invitations.loader, `/orgs/${slug}/invitations`, { slug }],
    ] as const) {
      expect((await call(route, getRequest(path, noordEmployer), params)).status, path).toBe(404)
    }
  })

  test('a member of the other organisation, addressed through the own organisation, is 404 too', async () => {
    const slug = noord.slug
    const outcome = await call(
      member.loader,
      getRequest(`/orgs/${slug}/members/${callforceLearnerMembership}`, noordEmployer),
      { slug, membershipId: callforceLearnerMembership },
    )
    expect(outcome.status).toBe(404)
  })

  test('writes to the other organisation answer 404 and change nothing', async () => {
    const cf = callforce.slug
    const roleChange = await call(
      member.action,
      formRequest(
        `/orgs/${cf}/members/x`,
        { intent: 'update', roles: ['employer_admin'] },
        { cookie: noordEmployer },
      ),
      { slug: cf, membershipId: callforceLearnerMembership },
    )
    expect(roleChange.status).toBe(404)
    // Through the own organisation's URL, with the other organisation's member id.
    const sideways = await call(
      member.action,
      formRequest(
        `/orgs/${noord.slug}/members/x`,
        { intent: 'deactivate' },
        { cookie: noordEmployer },
      ),
      { slug: noord.slug, membershipId: callforceLearnerMembership },
    )
    expect(sideways.status).toBe(404)
    const revoke = await call(
      invitations.action,
      formRequest(
        `/orgs/${noord.slug}/invitations`,
        { intent: 'revoke', invitationId: callforceInvitationId },
        { cookie: noordEmployer },
      ),
      { slug: noord.slug },
    )
    expect(revoke.status).toBe(404)
    const deleteTeam = await call(
      teams.action,
      formRequest(
        `/orgs/${noord.slug}/teams`,
        { intent: 'delete', teamId: callforce.teamId },
        { cookie: noordEmployer },
      ),
      { slug: noord.slug },
    )
    expect(deleteTeam.status).toBe(404)

    const cfMember = await prisma.membership.findUniqueOrThrow({
      where: { id: callforceLearnerMembership },
      include: { roles: true },
    })
    expect(cfMember.deactivatedAt).toBeNull()
    expect(cfMember.roles.map((r) => r.role)).toEqual(['learner'])
    expect(
      (await prisma.invitation.findUniqueOrThrow({ where: { id: callforceInvitationId } }))
        .revokedAt,
    ).toBeNull()
    expect(await prisma.team.count({ where: { id: callforce.teamId } })).toBe(1)
  })

  test('the other employer sees their own organisation, and only it', async () => {
    const own = await call(
      members.loader,
      getRequest(`/orgs/${callforce.slug}/members`, callforceEmployer),
      {
        slug: callforce.slug,
      },
    )
    expect(own.status).toBe(200)
    const emails = (own.data as { members: Array<{ id: string }> }).members.map((m) => m.id)
    expect(emails).toContain(callforceLearnerMembership)
    expect(emails).not.toContain(noordLearnerMembership)
  })
})

describe('a learner', () => {
  test('gets 403 on the employer, trainer and admin areas', async () => {
    expect((await call(employer.loader, getRequest('/employer', noordLearner))).status).toBe(403)
    const ownMatrix = getRequest(`/orgs/${noord.slug}/matrix`, noordLearner)
    expect((await call(matrix.loader, ownMatrix, { slug: noord.slug })).status).toBe(403)
    expect((await call(trainer.loader, getRequest('/trainer', noordLearner))).status).toBe(403)
    expect((await call(admin.loader, getRequest('/admin', noordLearner))).status).toBe(403)
  })

  test("gets 403 on the own organisation's management pages", async () => {
    const slug = noord.slug
    expect(
      (await call(members.loader, getRequest(`/orgs/${slug}/members`, noordLearner), { slug }))
        .status,
    ).toBe(403)
    const promote = await call(
      member.action,
      formRequest(
        `/orgs/${slug}/members/x`,
        { intent: 'update', roles: ['employer_admin'] },
        { cookie: noordLearner },
      ),
      { slug, membershipId: noordLearnerMembership },
    )
    expect(promote.status).toBe(403)
  })

  test('without a session every protected page redirects to login', async () => {
    const outcome = await call(employer.loader, getRequest('/employer'))
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe('/login?redirectTo=%2Femployer')
  })
})
