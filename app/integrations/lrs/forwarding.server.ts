import { prisma, type Tx } from '#app/db.server.ts'
import { audit, type AuditAction } from '#app/domain/audit.server.ts'
import { pendingEventsWhere } from './pending-events.server.ts'
import { testConnection, type ConnectionTest } from './lrs-client.server.ts'
import { openLrsSecret, sealLrsSecret } from './secret-box.server.ts'

/**
 * An organisation's forwarding to its own LRS: the settings an org admin manages (the secret
 * sealed, never shown again) and what the delivery has done. Every change writes its audit
 * line in the same transaction.
 */

/** The page's view: settings without the secret, and the delivery status. */
export async function getForwardingStatus(organisationId: string) {
  const forwarding = await prisma.lrsForwarding.findUnique({
    where: { organisationId },
    select: {
      endpoint: true,
      username: true,
      enabled: true,
      lastTestedAt: true,
      lastError: true,
      updatedAt: true,
    },
  })
  if (!forwarding) return null
  const [sent, waiting, last] = await Promise.all([
    prisma.lrsDelivery.count({ where: { organisationId } }),
    prisma.learningEvent.count({ where: pendingEventsWhere(organisationId) }),
    prisma.lrsDelivery.aggregate({ where: { organisationId }, _max: { deliveredAt: true } }),
  ])
  return { ...forwarding, sent, waiting, lastSuccessAt: last._max.deliveredAt }
}

function auditForwarding(
  tx: Tx,
  actorId: string | null,
  organisationId: string,
  action: AuditAction,
  detail: Record<string, unknown> = {},
) {
  return audit(tx, {
    actorId,
    organisationId,
    action,
    subjectType: 'lrs-forwarding',
    subjectId: organisationId,
    detail,
  })
}

/**
 * Set the endpoint and credentials. A new secret replaces the sealed one; an empty one keeps
 * it, but a first configuration needs one ({ ok: false, field: 'secret' }).
 */
export async function saveForwarding(input: {
  organisationId: string
  /** null: a setup script, not a person. */
  actorId: string | null
  endpoint: string
  username: string
  secret?: string
}): Promise<{ ok: true } | { ok: false; field: 'secret'; message: string }> {
  const { organisationId, actorId, endpoint, username } = input
  const secret = input.secret?.trim() ? input.secret : null
  return prisma.$transaction(async (tx) => {
    const existing = await tx.lrsForwarding.findUnique({
      where: { organisationId },
      select: { organisationId: true },
    })
    if (existing) {
      const sealed = secret ? { secretSealed: sealLrsSecret(organisationId, secret) } : {}
      await tx.lrsForwarding.update({
        where: { organisationId },
        data: { endpoint, username, ...sealed, lastError: null },
      })
    } else if (secret) {
      const secretSealed = sealLrsSecret(organisationId, secret)
      await tx.lrsForwarding.create({ data: { organisationId, endpoint, username, secretSealed } })
    } else {
      return { ok: false as const, field: 'secret' as const, message: 'form.required' }
    }
    await auditForwarding(tx, actorId, organisationId, 'lrs-forwarding.configured', {
      endpoint,
      username,
      secretChanged: secret !== null,
    })
    return { ok: true as const }
  })
}

/** Pause or resume forwarding; false when the organisation has none. */
export async function setForwardingEnabled(
  organisationId: string,
  actorId: string,
  enabled: boolean,
) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.lrsForwarding.updateMany({
      where: { organisationId },
      data: { enabled },
    })
    if (count === 0) return false
    const action = enabled ? 'lrs-forwarding.enabled' : 'lrs-forwarding.disabled'
    await auditForwarding(tx, actorId, organisationId, action)
    return true
  })
}

/**
 * Remove the forwarding, and with it the record of what was delivered: a forwarding set up
 * later (maybe to another LRS) sends everything again, with the same statement ids.
 */
export async function deleteForwarding(organisationId: string, actorId: string) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.lrsForwarding.deleteMany({ where: { organisationId } })
    if (count === 0) return false
    await auditForwarding(tx, actorId, organisationId, 'lrs-forwarding.deleted')
    return true
  })
}

/** The stored target with its opened secret, or null when there is none. */
export async function forwardingTarget(organisationId: string) {
  const forwarding = await prisma.lrsForwarding.findUnique({ where: { organisationId } })
  if (!forwarding) return null
  return {
    enabled: forwarding.enabled,
    target: {
      endpoint: forwarding.endpoint,
      username: forwarding.username,
      secret: openLrsSecret(organisationId, forwarding.secretSealed),
    },
  }
}

/** The test button: ask the LRS, remember when and what went wrong. Null without settings. */
export async function testForwarding(organisationId: string): Promise<ConnectionTest | null> {
  const found = await forwardingTarget(organisationId)
  if (!found) return null
  const result = await testConnection(found.target)
  const problem = [result.about, result.credentials].find((r) => !r.ok)
  await prisma.lrsForwarding.update({
    where: { organisationId },
    data: { lastTestedAt: new Date(), lastError: problem ? problem.detail : null },
  })
  return result
}
