import { prisma } from '#app/db.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { isRole } from '#app/auth/roles.ts'
import { generateToken } from '#app/auth/tokens.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { addMember } from '#app/domain/organisations.server.ts'
import { emailDomain } from './email-domain.ts'
import { teamsForGroups, type GroupTeam } from './group-teams.ts'

/** What the provider told us about the person, from the checked ID token. */
export type VerifiedClaims = {
  issuer: string
  subject: string
  email: string | null
  emailVerified: boolean
  name: string | null
  groups: string[]
}

export type LinkRefusal = 'wrong-domain' | 'unverified' | 'no-account' | 'no-access'
export type LinkResult = { ok: true; userId: string } | { ok: false; reason: LinkRefusal }

/**
 * The account a provider's person signs in to. A known subject is that account. Otherwise
 * the e-mail must be verified by the provider and lie in one of the organisation's domains;
 * an existing account with that address is linked (never by name), and a new person is
 * created just-in-time when the organisation allows it, in the teams their groups name.
 * Everything, with its audit lines, in one transaction.
 */
export async function linkAccount(organisationId: string, claims: VerifiedClaims) {
  return prisma.$transaction(async (tx): Promise<LinkResult> => {
    const sso = await tx.organisationSso.findUniqueOrThrow({ where: { organisationId } })
    const known = await tx.ssoIdentity.findUnique({
      where: { issuer_subject: { issuer: claims.issuer, subject: claims.subject } },
      select: { userId: true },
    })
    const email = claims.email?.trim().toLowerCase() ?? ''
    const domain = emailDomain(email)
    const ownDomain = domain ? await tx.ssoDomain.count({ where: { domain, organisationId } }) : 0
    if (!known && ownDomain === 0) return { ok: false, reason: 'wrong-domain' }
    if (!known && !claims.emailVerified) return { ok: false, reason: 'unverified' }

    let userId = known?.userId ?? (await tx.user.findUnique({ where: { email } }))?.id ?? null
    const membership = userId
      ? await tx.membership.findUnique({
          where: { userId_organisationId: { userId, organisationId } },
          select: { deactivatedAt: true },
        })
      : null
    // A deactivated member stays out, whatever the provider says.
    if (membership?.deactivatedAt) return { ok: false, reason: 'no-access' }
    if (!membership && !sso.jitEnabled) {
      return { ok: false, reason: userId ? 'no-access' : 'no-account' }
    }

    if (!userId) {
      // No password of their own: a random one nobody knows, so password login cannot work.
      const user = await tx.user.create({
        data: {
          email,
          name: claims.name?.trim() || email,
          passwordHash: await hashPassword(generateToken()),
        },
        select: { id: true },
      })
      userId = user.id
    }
    if (!membership) {
      const names = teamsForGroups(claims.groups, JSON.parse(sso.groupTeams) as GroupTeam[])
      const teams = await tx.team.findMany({
        where: { organisationId, name: { in: names } },
        select: { id: true, name: true },
      })
      await addMember(tx, {
        organisationId,
        userId,
        roles: [isRole(sso.jitRole) ? sso.jitRole : 'learner'],
        teamIds: teams.map((t) => t.id),
      })
      await audit(tx, {
        actorId: userId,
        organisationId,
        action: 'sso.account-created',
        subjectType: 'user',
        subjectId: userId,
        detail: { email, role: sso.jitRole, teams: teams.map((t) => t.name) },
      })
    }
    if (!known) {
      await tx.ssoIdentity.create({
        data: { issuer: claims.issuer, subject: claims.subject, userId },
      })
    }
    await audit(tx, {
      actorId: userId,
      organisationId,
      action: 'sso.login',
      subjectType: 'user',
      subjectId: userId,
      detail: { issuer: claims.issuer, linked: !known },
    })
    return { ok: true, userId }
  })
}
