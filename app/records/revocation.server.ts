import { prisma } from '#app/db.server.ts'
import { getMemberships, type SessionUser } from '#app/auth/authorize.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import { statusChanged } from './status-list.server.ts'

/**
 * Who may revoke (or suspend) a record: a platform admin, or an employer admin of the organisation in
 * which it was earned (the issuing organisation). Nobody else, the learner included.
 */
export async function mayRevoke(
  user: Pick<SessionUser, 'id' | 'isPlatformAdmin'>,
  record: { organisationId: string | null },
) {
  if (user.isPlatformAdmin) return true
  if (!record.organisationId) return false
  const memberships = await getMemberships(user)
  return memberships.some(
    (m) => m.organisation.id === record.organisationId && m.roles.includes('employer_admin'),
  )
}

/** The record a revocation form names, with what `mayRevoke` needs to judge it. */
export async function revocationTarget(recordId: string) {
  return prisma.completionRecord.findUnique({
    where: { id: recordId },
    select: { id: true, organisationId: true },
  })
}

export class AlreadyRevoked extends Error {}

/** Revoke a record, with a reason shown on its verification page. Cannot be undone. */
export async function revokeRecord(input: { recordId: string; actorId: string; reason: string }) {
  return prisma.$transaction(async (tx) => {
    const record = await tx.completionRecord.findUniqueOrThrow({
      where: { id: input.recordId },
      select: { organisationId: true, code: true, userId: true },
    })
    try {
      await tx.recordRevocation.create({
        data: { recordId: input.recordId, revokedById: input.actorId, reason: input.reason },
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new AlreadyRevoked()
      throw error
    }
    // The published status list flips with the revocation, or neither happens.
    await statusChanged(tx, input.recordId)
    await audit(tx, {
      actorId: input.actorId,
      organisationId: record.organisationId,
      action: 'record.revoked',
      subjectType: 'record',
      subjectId: input.recordId,
      detail: { reason: input.reason, code: record.code, userId: record.userId },
    })
  })
}

export class SuspensionConflict extends Error {}

/**
 * Put a record on hold while something is looked into (same people as revoking), or lift the
 * hold. A revoked record cannot be suspended; lifting needs a suspension. Both are audited with
 * their reason.
 */
export async function setSuspension(input: {
  recordId: string
  actorId: string
  reason: string
  suspended: boolean
}) {
  return prisma.$transaction(async (tx) => {
    const record = await tx.completionRecord.findUniqueOrThrow({
      where: { id: input.recordId },
      select: {
        organisationId: true,
        code: true,
        userId: true,
        revocation: { select: { recordId: true } },
        suspension: { select: { recordId: true } },
      },
    })
    if (record.revocation || !!record.suspension === input.suspended) throw new SuspensionConflict()
    if (input.suspended)
      await tx.recordSuspension.create({
        data: { recordId: input.recordId, suspendedById: input.actorId, reason: input.reason },
      })
    else await tx.recordSuspension.delete({ where: { recordId: input.recordId } })
    await audit(tx, {
      actorId: input.actorId,
      organisationId: record.organisationId,
      action: input.suspended ? 'record.suspended' : 'record.unsuspended',
      subjectType: 'record',
      subjectId: input.recordId,
      detail: { reason: input.reason, code: record.code, userId: record.userId },
    })
  })
}
