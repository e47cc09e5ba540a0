import { describe, expect, test } from 'vitest'
import * as invitations from '#app/routes/orgs/$slug/invitations.tsx'
import * as invite from '#app/routes/auth/invite.tsx'
import * as member from '#app/routes/orgs/$slug/member.tsx'
import * as trainer from '#app/routes/trainer/index.tsx'
import * as forgot from '#app/routes/auth/forgot-password.tsx'
import * as reset from '#app/routes/auth/reset-password.tsx'
import * as dashboard from '#app/routes/me/dashboard.tsx'
import { prisma } from '#app/db.server.ts'
import {
  TEST_PASSWORD,
  cookieFor,
  makeMember,
  makeOrganisation,
  makeUser,
} from '#tests/factories.ts'
import { call, cookieFrom, formRequest, getRequest, type Outcome } from '#tests/route-call.ts'

/** The newest e-mail to an address, from the outbox, and the link in it. */
async function lastLinkTo(email: string, path: string) {
  const mail = await prisma.email.findFirstOrThrow({
    where: { to: email },
    orderBy: { createdAt: 'desc' },
  })
  const match = mail.text.match(new RegExp(`https?://[^\\s]+${path}/([a-z2-7]+)`))
  expect(match, mail.text).not.toBeNull()
  return { mail, token: match![1]! }
}

async function setUp() {
  const org = await makeOrganisation()
  const employer = await makeMember(org.id, ['employer_admin'])
  return { org, employer, cookie: await cookieFor(employer.user.id) }
}

type Fields = Record<string, string | string[]>

/** The employer posts the invitation form (intent "invite" unless the fields say otherwise). */
function postInvitation(org: { slug: string }, cookie: string, fields: Fields) {
  return call(
    invitations.action,
    formRequest(`/orgs/${org.slug}/invitations`, { intent: 'invite', ...fields }, { cookie }),
    { slug: org.slug },
  )
}

/** Someone signs up through an invitation link. */
function signUpWithInvitation(token: string, name: string, password: string, confirm = password) {
  return call(
    invite.action,
    formRequest(`/invite/${token}`, {
      intent: 'sign-up',
      name,
      password,
      confirmPassword: confirm,
    }),
    { token },
  )
}

/** The employer posts the member form for one membership. */
function postMember(org: { slug: string }, cookie: string, membershipId: string, fields: Fields) {
  return call(
    member.action,
    formRequest(`/orgs/${org.slug}/members/${membershipId}`, fields, { cookie }),
    { slug: org.slug, membershipId },
  )
}

/** Someone sets a new password through a reset link. */
function resetPassword(token: string, password: string) {
  return call(
    reset.action,
    formRequest(`/reset-password/${token}`, { password, confirmPassword: password }),
    { token },
  )
}

/** The form errors an action answered with, by field ('' for the form as a whole). */
function formErrors(outcome: Outcome) {
  return (outcome.data as { result: { error: Record<string, string[]> } }).result.error
}

describe('invitations', () => {
  test('invite → e-mail in the outbox → sign up with the link → member with the invited role and team', async () => {
    const { org, cookie } = await setUp()
    const email = `nieuw-${Date.now()}@example.test`
    const sent = await postInvitation(org, cookie, {
      email,
      roles: ['learner'],
      teamId: org.teamId,
    })
    expect(sent.status).toBe(200)
    const { mail, token } = await lastLinkTo(email, '/invite')
    expect(mail.subject).toContain(org.name)
    expect(mail.transport).toBe('outbox')
    // Only the hash of the token is stored.
    expect(await prisma.invitation.count({ where: { tokenHash: token } })).toBe(0)

    const accepted = await signUpWithInvitation(token, 'Nina de Wit', 'Een-goed-wachtwoord')
    expect(accepted.status).toBe(302)
    const user = await prisma.user.findUniqueOrThrow({
      where: { email },
      include: { memberships: { include: { roles: true, teams: true } } },
    })
    expect(user.memberships).toHaveLength(1)
    expect(user.memberships[0]!.roles.map((r) => r.role)).toEqual(['learner'])
    expect(user.memberships[0]!.teams.map((t) => t.teamId)).toEqual([org.teamId])
    expect(
      (await call(dashboard.loader, getRequest('/dashboard', cookieFrom(accepted)))).status,
    ).toBe(200)

    // The same link a second time: refused, nothing changes.
    const replay = await signUpWithInvitation(token, 'Iemand Anders', 'Een-goed-wachtwoord')
    expect(replay.status).toBe(400)
    expect(formErrors(replay)['']).toEqual(['invite.state.used'])
    expect((await call(invite.loader, getRequest(`/invite/${token}`), { token })).status).toBe(410)
    expect(await prisma.user.count({ where: { email } })).toBe(1)
  })

  test('an expired or revoked invitation is refused', async () => {
    const { org, cookie } = await setUp()
    for (const state of ['expired', 'revoked'] as const) {
      const email = `${state}-${Date.now()}@example.test`
      await postInvitation(org, cookie, { email, roles: ['learner'] })
      const { token } = await lastLinkTo(email, '/invite')
      await prisma.invitation.updateMany({
        where: { email },
        data:
          state === 'expired'
            ? { expiresAt: new Date(Date.now() - 1000) }
            : { revokedAt: new Date() },
      })
      const outcome = await signUpWithInvitation(token, 'Te Laat', 'Een-goed-wachtwoord')
      expect(outcome.status).toBe(400)
      expect(formErrors(outcome)['']).toEqual([`invite.state.${state}`])
      expect(await prisma.user.count({ where: { email } })).toBe(0)
    }
  })

  test('bad invitation input answers 400 with field errors and sends nothing', async () => {
    const { org, cookie } = await setUp()
    const before = await prisma.email.count()
    const cases: Array<Record<string, string | string[]>> = [
      { intent: 'invite', email: 'not-an-address', roles: ['learner'] },
      { intent: 'invite', email: `${'x'.repeat(260)}@example.test`, roles: ['learner'] },
      { intent: 'invite', email: 'ok@example.test', roles: ['superuser'] },
      { intent: 'invite', email: 'ok@example.test' },
      { intent: 'invite', roles: ['learner'] },
    ]
    for (const fields of cases) {
      const outcome = await postInvitation(org, cookie, fields)
      expect(outcome.status, JSON.stringify(fields).slice(0, 80)).toBe(400)
      const error = formErrors(outcome)
      expect(Object.keys(error).length).toBeGreaterThan(0)
    }
    expect(await prisma.email.count()).toBe(before)
  })

  test('a sign-up with a short password or mismatched confirmation is refused and the link stays usable', async () => {
    const { org, cookie } = await setUp()
    const email = `kort-${Date.now()}@example.test`
    await postInvitation(org, cookie, { email, roles: ['learner'] })
    const { token } = await lastLinkTo(email, '/invite')
    const short = await signUpWithInvitation(token, 'Nina', 'kort')
    expect(short.status).toBe(400)
    const mismatch = await signUpWithInvitation(
      token,
      'Nina',
      'Een-goed-wachtwoord',
      'Een-ander-wachtwoord',
    )
    expect(mismatch.status).toBe(400)
    expect((await call(invite.loader, getRequest(`/invite/${token}`), { token })).status).toBe(200)
  })
})

describe('roles', () => {
  test('an employer makes a learner a trainer, and the trainer area opens for them', async () => {
    const { org, cookie } = await setUp()
    const learner = await makeMember(org.id, ['learner'])
    const learnerCookie = await cookieFor(learner.user.id)
    expect((await call(trainer.loader, getRequest('/trainer', learnerCookie))).status).toBe(403)
    const changed = await postMember(org, cookie, learner.membershipId, {
      intent: 'update',
      roles: ['learner', 'trainer'],
    })
    expect(changed.status).toBe(200)
    expect((await call(trainer.loader, getRequest('/trainer', learnerCookie))).status).toBe(200)
  })

  test('unknown roles and empty role lists are refused; the last admin cannot be removed', async () => {
    const { org, employer, cookie } = await setUp()
    const learner = await makeMember(org.id, ['learner'])
    for (const roles of [['root'], []]) {
      const outcome = await postMember(org, cookie, learner.membershipId, {
        intent: 'update',
        roles,
      })
      expect(outcome.status).toBe(400)
    }
    const demote = await postMember(org, cookie, employer.membershipId, {
      intent: 'update',
      roles: ['learner'],
    })
    expect(demote.status).toBe(400)
    const roles = await prisma.membershipRole.findMany({
      where: { membershipId: employer.membershipId },
    })
    expect(roles.map((r) => r.role)).toEqual(['employer_admin'])
  })

  test('a deactivated member keeps the account but loses the organisation', async () => {
    const { org, cookie } = await setUp()
    const learner = await makeMember(org.id, ['learner'])
    const outcome = await postMember(org, cookie, learner.membershipId, { intent: 'deactivate' })
    expect(outcome.status).toBe(200)
    const home = await call(
      dashboard.loader,
      getRequest('/dashboard', await cookieFor(learner.user.id)),
    )
    expect((home.data as { memberships: unknown[] }).memberships).toEqual([])
    expect(await prisma.membership.count({ where: { id: learner.membershipId } })).toBe(1)
  })
})

describe('password reset', () => {
  test('through the outbox: single use, and every session ends', async () => {
    const user = await makeUser()
    const oldSession = await cookieFor(user.id)
    const asked = await call(forgot.action, formRequest('/forgot-password', { email: user.email }))
    expect(asked.status).toBe(200)
    const { token } = await lastLinkTo(user.email, '/reset-password')
    const done = await resetPassword(token, 'Opnieuw-begonnen-2026')
    expect(done.status).toBe(302)
    expect((await call(dashboard.loader, getRequest('/dashboard', oldSession))).status).toBe(302)
    const again = await resetPassword(token, 'Nog-een-keer-2026')
    expect(again.status).toBe(400)
    const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    const { verifyPassword } = await import('#app/auth/password.server.ts')
    expect(await verifyPassword(passwordHash, 'Opnieuw-begonnen-2026')).toBe(true)
    expect(await verifyPassword(passwordHash, TEST_PASSWORD)).toBe(false)
  })

  test('an unknown address gets the same answer and no e-mail; an expired link is refused', async () => {
    const before = await prisma.email.count()
    const outcome = await call(
      forgot.action,
      formRequest('/forgot-password', { email: 'niemand@example.test' }),
    )
    expect(outcome.status).toBe(200)
    expect((outcome.data as { sent: boolean }).sent).toBe(true)
    expect(await prisma.email.count()).toBe(before)

    const user = await makeUser()
    await call(forgot.action, formRequest('/forgot-password', { email: user.email }))
    const { token } = await lastLinkTo(user.email, '/reset-password')
    await prisma.passwordResetToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    })
    const expired = await resetPassword(token, 'Opnieuw-begonnen-2026')
    expect(expired.status).toBe(400)
    expect(
      (await call(reset.loader, getRequest(`/reset-password/${token}`), { token })).status,
    ).toBe(410)
  })
})
