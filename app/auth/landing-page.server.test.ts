import { beforeAll, describe, expect, test } from 'vitest'
import * as login from '#app/routes/auth/login.tsx'
import * as invite from '#app/routes/auth/invite.tsx'
import { createInvitation } from '#app/domain/invitations.server.ts'
import { addMember } from '#app/domain/organisations.server.ts'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { evidenceFor, judge } from '#tests/assessment-fixtures.ts'
import {
  TEST_PASSWORD,
  cookieFor,
  makeMember,
  makeOrganisation,
  makeUser,
} from '#tests/factories.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'
import { landingPage, pageAfterLogin } from './landing-page.server.ts'

let org: Awaited<ReturnType<typeof makeOrganisation>>

beforeAll(async () => {
  await importDossierFolder()
  org = await makeOrganisation()
}, 120_000)

const landingOf = async (user: { id: string }) =>
  landingPage({ id: user.id, isPlatformAdmin: false })

describe('where each role lands after signing in', () => {
  test('a learner: the dashboard', async () => {
    const { user } = await makeMember(org.id, ['learner'])
    expect(await landingOf(user)).toBe('/dashboard')
  })

  test('an employer admin and a team leader: their organisation’s matrix', async () => {
    const employer = await makeMember(org.id, ['employer_admin'])
    const teamLeader = await makeMember(org.id, ['team_leader', 'learner'], [org.teamId])
    expect(await landingOf(employer.user)).toBe(`/orgs/${org.slug}/matrix`)
    expect(await landingOf(teamLeader.user)).toBe(`/orgs/${org.slug}/matrix`)
  })

  test('a quality coach: the quality page', async () => {
    const { user } = await makeMember(org.id, ['quality_coach'])
    expect(await landingOf(user)).toBe(`/orgs/${org.slug}/quality`)
  })

  test('an assessor: the queue while evidence waits for them, otherwise their other work', async () => {
    const own = await makeOrganisation()
    const assessor = await makeMember(own.id, ['assessor', 'trainer'])
    const leader = await makeMember(own.id, ['team_leader', 'assessor'], [own.teamId])
    expect(await landingOf(assessor.user)).toBe('/trainer')
    expect(await landingOf(leader.user)).toBe(`/orgs/${own.slug}/matrix`)

    const learner = await makeMember(own.id, ['learner'])
    const { id } = await evidenceFor(learner.user.id, own.id, ['TL-K2-W2'])
    expect(await landingOf(assessor.user)).toBe(`/orgs/${own.slug}/assessments`)
    expect(await landingOf(leader.user)).toBe(`/orgs/${own.slug}/assessments`)

    // Judged: the queue is empty again, for both.
    await judge(id, 'TL-K2-W2', assessor.user.id)
    expect(await landingOf(assessor.user)).toBe('/trainer')
    expect(await landingOf(leader.user)).toBe(`/orgs/${own.slug}/matrix`)
  })

  test('a platform admin: the admin page, unless an organisation gives them work', async () => {
    const admin = await makeUser('Beheerder', { isPlatformAdmin: true })
    expect(await landingPage({ id: admin.id, isPlatformAdmin: true })).toBe('/admin')
    expect(await pageAfterLogin(admin.id)).toBe('/admin')
    await prisma.$transaction((tx) =>
      addMember(tx, { organisationId: org.id, userId: admin.id, roles: ['quality_coach'] }),
    )
    expect(await pageAfterLogin(admin.id)).toBe(`/orgs/${org.slug}/quality`)
  })

  test('a page the person asked for wins, if it is a path on this site', async () => {
    const { user } = await makeMember(org.id, ['employer_admin'])
    expect(await pageAfterLogin(user.id, `/orgs/${org.slug}/members`)).toBe(
      `/orgs/${org.slug}/members`,
    )
    expect(await pageAfterLogin(user.id, '//evil.example/x')).toBe(`/orgs/${org.slug}/matrix`)
    expect(await pageAfterLogin(user.id, '')).toBe(`/orgs/${org.slug}/matrix`)
  })
})

describe('the login page', () => {
  test('a password login without redirectTo opens the landing page', async () => {
    const { user } = await makeMember(org.id, ['employer_admin'])
    const outcome = await call(
      login.action,
      formRequest('/login', { email: user.email, password: TEST_PASSWORD }),
    )
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe(`/orgs/${org.slug}/matrix`)
  })

  test('someone already signed in who opens /login goes to their landing page', async () => {
    const { user } = await makeMember(org.id, ['quality_coach'])
    const outcome = await call(login.loader, getRequest('/login', await cookieFor(user.id)))
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe(`/orgs/${org.slug}/quality`)
  })
})

describe('accepting an invitation', () => {
  test('a new employer admin lands on the matrix of the organisation that invited them', async () => {
    const inviter = await makeMember(org.id, ['employer_admin'])
    const email = `nieuwe-werkgever-${Date.now()}@example.test`
    const { token } = await createInvitation({
      organisationId: org.id,
      email,
      roles: ['employer_admin'],
      teamId: null,
      invitedBy: { id: inviter.user.id, name: inviter.user.name },
      baseUrl: 'http://localhost',
      locale: 'nl',
    })
    const outcome = await call(
      invite.action,
      formRequest(`/invite/${token}`, {
        intent: 'sign-up',
        name: 'Nieuwe Werkgever',
        password: 'Een-goed-wachtwoord',
        confirmPassword: 'Een-goed-wachtwoord',
      }),
      { token },
    )
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe(`/orgs/${org.slug}/matrix`)
  })
})
