import { prisma } from '#app/db.server.ts'
import { normalizeEmail } from '#app/auth/login.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { isRole, type Role } from '#app/auth/roles.ts'
import { generateToken, hashToken } from '#app/auth/tokens.server.ts'
import { sendEmail } from '#app/email/mailer.server.ts'
import { invitationEmail } from '#app/email/templates.ts'
import { formatDate, type Locale } from '#app/i18n/i18n.ts'
import { parseJsonList, toJsonList } from '#app/utils/json-list.ts'
import { addMember } from './organisations.server.ts'

export const INVITATION_LIFETIME = 7 * 24 * 60 * 60 * 1000

export async function createInvitation(input: {
  organisationId: string
  email: string
  roles: Role[]
  teamId: string | null
  invitedBy: { id: string; name: string }
  baseUrl: string
  locale: Locale
}) {
  const token = generateToken()
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME)
  const organisation = await prisma.organisation.findUniqueOrThrow({
    where: { id: input.organisationId },
    select: { name: true },
  })
  // A team of another organisation is ignored, never linked.
  const team = input.teamId
    ? await prisma.team.findFirst({
        where: { id: input.teamId, organisationId: input.organisationId },
        select: { id: true },
      })
    : null
  const invitation = await prisma.invitation.create({
    data: {
      organisationId: input.organisationId,
      email: normalizeEmail(input.email),
      roles: toJsonList(input.roles),
      teamId: team?.id ?? null,
      tokenHash: hashToken(token),
      expiresAt,
      invitedById: input.invitedBy.id,
    },
    select: { id: true },
  })
  const link = `${input.baseUrl}/invite/${token}`
  await sendEmail({
    to: normalizeEmail(input.email),
    ...invitationEmail(input.locale, {
      organisation: organisation.name,
      inviter: input.invitedBy.name,
      link,
      expires: formatDate(expiresAt, input.locale),
    }),
  })
  return { id: invitation.id, token }
}

export type InvitationState = 'valid' | 'expired' | 'used' | 'revoked' | 'unknown'

/** What an invitation link shows: its organisation and e-mail, or why it no longer works. */
export async function lookUpInvitation(token: string) {
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organisation: { select: { name: true } },
    },
  })
  const state: InvitationState = !invitation
    ? 'unknown'
    : invitation.revokedAt
      ? 'revoked'
      : invitation.acceptedAt
        ? 'used'
        : invitation.expiresAt.getTime() <= Date.now()
          ? 'expired'
          : 'valid'
  return { state, invitation }
}

export class InvitationUnusableError extends Error {
  constructor(readonly state: InvitationState) {
    super(`invitation is ${state}`)
  }
}

/**
 * Accept an invitation: claim it (only one request can: the update only matches an unused,
 * unexpired, unrevoked row), create the account if the e-mail has none, and add the
 * membership, all in one transaction. A replayed link finds nothing to claim.
 */
export async function acceptInvitation(
  token: string,
  account: { name: string; password: string } | { userId: string },
) {
  const passwordHash = 'password' in account ? await hashPassword(account.password) : null
  return prisma.$transaction(async (tx) => {
    const tokenHash = hashToken(token)
    const now = new Date()
    const claimed = await tx.invitation.updateMany({
      where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    })
    if (claimed.count !== 1) {
      throw new InvitationUnusableError((await lookUpInvitation(token)).state)
    }
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { tokenHash } })
    let userId: string
    if ('userId' in account) {
      const user = await tx.user.findUniqueOrThrow({ where: { id: account.userId } })
      // The invitation is for one address: another account cannot take it.
      if (user.email !== invitation.email) throw new InvitationUnusableError('unknown')
      userId = user.id
    } else {
      const existing = await tx.user.findUnique({ where: { email: invitation.email } })
      if (existing) throw new AccountExistsError()
      const user = await tx.user.create({
        data: { email: invitation.email, name: account.name.trim(), passwordHash: passwordHash! },
      })
      userId = user.id
    }
    await addMember(tx, {
      organisationId: invitation.organisationId,
      userId,
      roles: parseJsonList(invitation.roles).filter(isRole),
      teamIds: invitation.teamId ? [invitation.teamId] : [],
    })
    return { userId, organisationId: invitation.organisationId }
  })
}

export class AccountExistsError extends Error {
  constructor() {
    super('an account with this e-mail exists: log in to accept')
  }
}

export async function listOpenInvitations(organisationId: string) {
  const invitations = await prisma.invitation.findMany({
    where: { organisationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      email: true,
      roles: true,
      expiresAt: true,
      invitedBy: { select: { name: true } },
    },
  })
  return invitations.map((i) => ({ ...i, roles: parseJsonList(i.roles).filter(isRole) }))
}

export async function revokeInvitation(organisationId: string, invitationId: string) {
  const { count } = await prisma.invitation.updateMany({
    where: { id: invitationId, organisationId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  })
  return count === 1
}
