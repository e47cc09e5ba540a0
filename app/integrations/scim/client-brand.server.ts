import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import type { BrandAttribute, BrandValues } from './client-brand.ts'
import { invalidValue } from './errors.ts'
import { record } from './scim-audit.server.ts'
import type { ScimClient } from './scim-tokens.server.ts'

export async function getBrandAttribute(
  organisationId: string,
  db: Tx | typeof prisma = prisma,
): Promise<BrandAttribute> {
  const row = await db.scimSettings.findUnique({
    where: { organisationId },
    select: { brandAttribute: true },
  })
  return (row?.brandAttribute as BrandAttribute | undefined) ?? 'none'
}

/** The organisation's client brands by name (the page lists them). */
export async function listClientBrands(organisationId: string) {
  const rows = await prisma.clientOrganisation.findMany({
    where: { organisationId },
    select: { name: true },
    orderBy: { name: 'asc' },
  })
  return rows.map((r) => r.name)
}

/** Save the setting; an actual change is audited in the same transaction. */
export async function setBrandAttribute(input: {
  organisationId: string
  brandAttribute: BrandAttribute
  actorId: string
}) {
  await prisma.$transaction(async (tx) => {
    const before = await getBrandAttribute(input.organisationId, tx)
    if (before === input.brandAttribute) return
    await tx.scimSettings.upsert({
      where: { organisationId: input.organisationId },
      create: { organisationId: input.organisationId, brandAttribute: input.brandAttribute },
      update: { brandAttribute: input.brandAttribute },
    })
    await audit(tx, {
      actorId: input.actorId,
      organisationId: input.organisationId,
      action: 'scim-settings.changed',
      subjectType: 'organisation',
      subjectId: input.organisationId,
      detail: { brandAttribute: input.brandAttribute, was: before },
    })
  })
}

/**
 * The configured attribute names the client brand of the person's department team, by the
 * client's name (case-insensitive). A team gets a brand only when it has none or the same
 * one: a team is never silently moved to another brand. Runs in the provisioning write's
 * transaction, so a refusal leaves nothing behind.
 */
export async function applyClientBrand(
  tx: Tx,
  scimClient: ScimClient,
  department: string | null,
  values: BrandValues,
) {
  if (!department) return
  const attribute = await getBrandAttribute(scimClient.organisationId, tx)
  if (attribute === 'none') return
  const brand = values[attribute]?.trim()
  if (!brand) return
  const clients = await tx.clientOrganisation.findMany({
    where: { organisationId: scimClient.organisationId },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  })
  const client = clients.find((c) => c.name.toLowerCase() === brand.toLowerCase())
  if (!client)
    throw invalidValue(
      `${attribute}: unknown client brand "${brand}"; ` +
        (clients.length
          ? `allowed: ${clients.map((c) => c.name).join(', ')}`
          : 'this organisation has no client brands'),
    )
  const team = await tx.team.findUnique({
    where: {
      organisationId_name: { organisationId: scimClient.organisationId, name: department },
    },
    select: { id: true, clientId: true, client: { select: { name: true } } },
  })
  if (!team || team.clientId === client.id) return
  if (team.clientId)
    throw invalidValue(
      `${attribute}: team ${department} belongs to client brand ${team.client?.name}, ` +
        `not ${client.name}; change the team's brand in the product first`,
    )
  await tx.team.update({ where: { id: team.id }, data: { clientId: client.id } })
  await record(tx, scimClient, 'scim.group.client-set', team.id, {
    name: department,
    client: client.name,
  })
}
