import { generateToken, hashToken } from '#app/auth/tokens.server.ts'
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { LTI_PATHS, toolUrl } from './tool-urls.ts'

/**
 * One-time links for LTI Dynamic Registration. The org admin hands the link to the
 * platform's administrator, who pastes it into Moodle or Canvas; the platform then opens it.
 * The token in the link says which organisation the platform will belong to, so only its
 * SHA-256 is stored, it works once, and only for a week.
 */
const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000

export async function createRegistrationInvite(input: {
  organisationId: string
  actorId: string
  publicUrl: string
}) {
  const token = generateToken()
  const expiresAt = new Date(Date.now() + INVITE_LIFETIME_MS)
  await prisma.$transaction(async (tx) => {
    const invite = await tx.ltiRegistrationInvite.create({
      data: {
        id: hashToken(token),
        organisationId: input.organisationId,
        createdById: input.actorId,
        expiresAt,
      },
      select: { id: true },
    })
    await audit(tx, {
      actorId: input.actorId,
      organisationId: input.organisationId,
      action: 'lti-invite.created',
      subjectType: 'lti-registration-invite',
      subjectId: invite.id,
      detail: { expiresAt: expiresAt.toISOString() },
    })
  })
  return { url: toolUrl(input.publicUrl, `${LTI_PATHS.register}/${token}`), expiresAt }
}

export type InviteProblem = 'unknown' | 'used' | 'expired'

/** The invite behind a link, with its organisation's name; or why it no longer works. */
export async function findRegistrationInvite(
  token: string,
): Promise<
  | { ok: true; inviteId: string; organisationId: string; organisationName: string }
  | { ok: false; problem: InviteProblem }
> {
  const invite = await prisma.ltiRegistrationInvite.findUnique({
    where: { id: hashToken(token) },
    select: { id: true, organisationId: true, expiresAt: true, usedAt: true },
  })
  if (!invite) return { ok: false, problem: 'unknown' }
  if (invite.usedAt) return { ok: false, problem: 'used' }
  if (invite.expiresAt <= new Date()) return { ok: false, problem: 'expired' }
  const organisation = await prisma.organisation.findUnique({
    where: { id: invite.organisationId },
    select: { name: true },
  })
  if (!organisation) return { ok: false, problem: 'unknown' }
  return {
    ok: true,
    inviteId: invite.id,
    organisationId: invite.organisationId,
    organisationName: organisation.name,
  }
}

/**
 * Mark the invite used inside the transaction that stores the registration: of two
 * registrations racing on one link, only one gets it.
 */
export async function claimRegistrationInvite(tx: Tx, inviteId: string): Promise<boolean> {
  const { count } = await tx.ltiRegistrationInvite.updateMany({
    where: { id: inviteId, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  })
  return count === 1
}
