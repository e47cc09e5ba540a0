import { prisma, type Tx } from '#app/db.server.ts'
import { audit, type AuditAction } from '#app/domain/audit.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import type { ManualRegistration } from './platform-form.ts'

/**
 * An organisation's LTI platform registrations, as its admin manages them. Every change
 * names the organisation as well as the platform, so an admin can only ever reach the
 * registrations of their own organisation; each change writes its audit line with it.
 */

export type PlatformStatus = 'pending' | 'active' | 'disabled'

/** The organisation's platforms with their deployments, newest first. */
export function listPlatforms(organisationId: string) {
  return prisma.ltiPlatform.findMany({
    where: { organisationId },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      name: true,
      issuer: true,
      clientId: true,
      authLoginUrl: true,
      authTokenUrl: true,
      jwksUrl: true,
      productFamily: true,
      registeredVia: true,
      status: true,
      createdAt: true,
      confirmedAt: true,
      deployments: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, deploymentId: true },
      },
    },
  })
}

export type SaveResult =
  | { ok: true; platformId: string }
  | { ok: false; field: 'clientId'; message: 'ltiAdmin.duplicatePlatform' }

/**
 * Save a platform an admin registered by hand: active at once (the admin typed it in
 * themselves), with its deployments. An issuer and client id already registered, by this
 * organisation or another, is a field error on the client id.
 */
export async function saveManualPlatform(input: {
  organisationId: string
  actorId: string
  registration: ManualRegistration
}): Promise<SaveResult> {
  const { organisationId, actorId, registration } = input
  const { deploymentIds, ...fields } = registration
  try {
    const platformId = await prisma.$transaction(async (tx) => {
      const platform = await tx.ltiPlatform.create({
        data: {
          ...fields,
          organisationId,
          registeredVia: 'manual',
          status: 'active',
          confirmedAt: new Date(),
          confirmedById: actorId,
          deployments: { create: deploymentIds.map((deploymentId) => ({ deploymentId })) },
        },
        select: { id: true },
      })
      await auditPlatform(tx, actorId, organisationId, platform.id, 'lti-platform.registered', {
        registeredVia: 'manual',
        issuer: fields.issuer,
        clientId: fields.clientId,
        deploymentIds,
      })
      return platform.id
    })
    return { ok: true, platformId }
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, field: 'clientId', message: 'ltiAdmin.duplicatePlatform' }
    throw error
  }
}

/** The org admin accepts a dynamic registration: launches from it are let in from now on. */
export function confirmPlatform(organisationId: string, platformId: string, actorId: string) {
  return changePlatform(organisationId, platformId, actorId, 'lti-platform.confirmed', (tx) =>
    tx.ltiPlatform.updateMany({
      where: { id: platformId, organisationId, status: 'pending' },
      data: { status: 'active', confirmedAt: new Date(), confirmedById: actorId },
    }),
  )
}

/** Disable a platform (launches refused, nothing deleted) or enable it again. */
export function setPlatformEnabled(
  organisationId: string,
  platformId: string,
  actorId: string,
  enabled: boolean,
) {
  const [from, to] = enabled ? ['disabled', 'active'] : ['active', 'disabled']
  return changePlatform(
    organisationId,
    platformId,
    actorId,
    enabled ? 'lti-platform.enabled' : 'lti-platform.disabled',
    (tx) =>
      tx.ltiPlatform.updateMany({
        where: { id: platformId, organisationId, status: from },
        data: { status: to },
      }),
  )
}

/**
 * Delete a platform with its deployments, platform users, courses and links (the accounts
 * it made stay: they are the organisation's members).
 */
export function deletePlatform(organisationId: string, platformId: string, actorId: string) {
  return changePlatform(organisationId, platformId, actorId, 'lti-platform.deleted', (tx) =>
    tx.ltiPlatform.deleteMany({ where: { id: platformId, organisationId } }),
  )
}

export type DeploymentResult = { ok: true } | { ok: false; reason: 'not-found' | 'duplicate' }

/** Another deployment of our tool at the platform (e.g. a second Moodle category). */
export async function addDeployment(
  organisationId: string,
  platformId: string,
  deploymentId: string,
  actorId: string,
): Promise<DeploymentResult> {
  try {
    const changed = await changePlatform(
      organisationId,
      platformId,
      actorId,
      'lti-deployment.added',
      async (tx) => {
        await tx.ltiDeployment.create({ data: { platformId, deploymentId } })
        return { count: 1 }
      },
      { deploymentId },
    )
    return changed ? { ok: true } : { ok: false, reason: 'not-found' }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'duplicate' }
    throw error
  }
}

/** Remove a deployment: launches that carry its deployment_id are refused from now on. */
export async function removeDeployment(
  organisationId: string,
  deploymentRowId: string,
  actorId: string,
) {
  const row = await prisma.ltiDeployment.findFirst({
    where: { id: deploymentRowId, platform: { organisationId } },
    select: { platformId: true, deploymentId: true },
  })
  if (!row) return false
  return changePlatform(
    organisationId,
    row.platformId,
    actorId,
    'lti-deployment.removed',
    (tx) => tx.ltiDeployment.deleteMany({ where: { id: deploymentRowId } }),
    { deploymentId: row.deploymentId },
  )
}

/**
 * One change to one of the organisation's platforms and its audit line, together. False
 * when the platform is not this organisation's, or the change did not apply (already
 * confirmed, already disabled…).
 */
async function changePlatform(
  organisationId: string,
  platformId: string,
  actorId: string,
  action: AuditAction,
  change: (tx: Tx) => Promise<{ count: number }>,
  detail: Record<string, unknown> = {},
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const platform = await tx.ltiPlatform.findFirst({
      where: { id: platformId, organisationId },
      select: { issuer: true, clientId: true },
    })
    if (!platform) return false
    const { count } = await change(tx)
    if (count === 0) return false
    await auditPlatform(tx, actorId, organisationId, platformId, action, { ...platform, ...detail })
    return true
  })
}

/** The audit line of a change to one platform registration. */
export function auditPlatform(
  tx: Tx,
  actorId: string | null,
  organisationId: string,
  platformId: string,
  action: AuditAction,
  detail: Record<string, unknown>,
) {
  return audit(tx, {
    actorId,
    organisationId,
    action,
    subjectType: 'lti-platform',
    subjectId: platformId,
    detail,
  })
}
