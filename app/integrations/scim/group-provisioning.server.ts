import { keepStaffCounts } from '#app/employer/staff-counts.server.ts'
import { prisma, type Tx } from '#app/db.server.ts'
import { batches } from '#app/utils/batches.ts'
import { invalidValue, notFound, ScimError } from './errors.ts'
import type { Filter } from './filter.ts'
import type { ScimGroupInput, StoredGroup } from './group-resource.ts'
import { record } from './scim-audit.server.ts'
import type { ScimClient } from './scim-tokens.server.ts'

/**
 * Provisioning writes for SCIM groups, which are the organisation's teams. Members are SCIM
 * user ids (memberships); a request's member changes are written in one transaction, all
 * or nothing.
 */
const memberSelect = {
  membership: { select: { id: true, user: { select: { name: true } } } },
} as const

type TeamRow = {
  id: string
  name: string
  members: Array<{ membership: { id: string; user: { name: string } } }>
}

/** Without members (Entra's excludedAttributes=members) a team reads no member rows. */
const teamSelect = (withMembers: boolean) =>
  ({
    id: true,
    name: true,
    members: { select: memberSelect, ...(withMembers ? {} : { take: 0 }) },
  }) as const

function toStored(team: TeamRow, withMembers: boolean): StoredGroup {
  return {
    id: team.id,
    name: team.name,
    members: withMembers
      ? team.members.map((m) => ({ id: m.membership.id, name: m.membership.user.name }))
      : null,
  }
}

export async function listScimGroups(
  client: ScimClient,
  filter: Filter,
  paging: { startIndex: number; count: number },
  withMembers: boolean,
) {
  const where = {
    organisationId: client.organisationId,
    AND: filter.map((f) => ({ name: f.value })),
  }
  const [total, rows] = await Promise.all([
    prisma.team.count({ where }),
    prisma.team.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: paging.startIndex - 1,
      take: paging.count,
      select: teamSelect(withMembers),
    }),
  ])
  return { total, groups: rows.map((row) => toStored(row, withMembers)) }
}

export async function getScimGroup(
  client: ScimClient,
  id: string,
  withMembers = true,
  db: Tx | typeof prisma = prisma,
) {
  const team = await db.team.findFirst({
    where: { id, organisationId: client.organisationId },
    select: teamSelect(withMembers),
  })
  if (!team) throw notFound('Group')
  return toStored(team, withMembers)
}

export async function createScimGroup(client: ScimClient, input: ScimGroupInput) {
  return prisma.$transaction(async (tx) => {
    await assertNameFree(tx, client, input.name, null)
    const team = await tx.team.create({
      data: { organisationId: client.organisationId, name: input.name },
      select: { id: true },
    })
    await record(tx, client, 'scim.group.created', team.id, { name: input.name })
    const created = { id: team.id, name: input.name, members: [] }
    if (input.memberIds) await writeMembers(tx, client, created, input.memberIds)
    return getScimGroup(client, team.id, true, tx)
  })
}

/** PUT, or a PATCH's result: `change` gets the group as stored inside the transaction. */
export async function updateScimGroup(
  client: ScimClient,
  id: string,
  change: (current: StoredGroup) => ScimGroupInput,
) {
  return prisma.$transaction(async (tx) => {
    const before = await getScimGroup(client, id, true, tx)
    const input = change(before)
    if (input.name !== before.name) {
      await assertNameFree(tx, client, input.name, id)
      await tx.team.update({ where: { id }, data: { name: input.name } })
      await record(tx, client, 'scim.group.renamed', id, { name: input.name, from: before.name })
    }
    if (input.memberIds) await writeMembers(tx, client, before, input.memberIds)
    return getScimGroup(client, id, true, tx)
  })
}

/** The team goes; its members stay members of the organisation, with their progress. */
export async function deleteScimGroup(client: ScimClient, id: string) {
  await prisma.$transaction(async (tx) => {
    const before = await getScimGroup(client, id, false, tx)
    await tx.team.delete({ where: { id } })
    await record(tx, client, 'scim.group.deleted', id, { name: before.name })
  })
}

async function writeMembers(tx: Tx, client: ScimClient, before: StoredGroup, wanted: string[]) {
  const present = new Set((before.members ?? []).map((m) => m.id))
  const wantedSet = new Set(wanted)
  const added = wanted.filter((id) => !present.has(id))
  const removed = [...present].filter((id) => !wantedSet.has(id))
  // Batches keep each statement under SQLite's bound-value limit; the transaction keeps
  // the request all or nothing.
  let known = 0
  for (const ids of batches(added))
    known += await tx.membership.count({
      where: { id: { in: ids }, organisationId: client.organisationId },
    })
  if (known !== added.length)
    throw invalidValue('members: every value must be a user id of this organisation')
  const people: string[] = []
  for (const ids of batches([...added, ...removed]))
    for (const m of await tx.membership.findMany({
      where: { id: { in: ids } },
      select: { userId: true },
    }))
      people.push(m.userId)
  await keepStaffCounts(tx, people, async () => {
    for (const ids of batches(added))
      await tx.teamMember.createMany({
        data: ids.map((membershipId) => ({ teamId: before.id, membershipId })),
      })
    for (const ids of batches(removed))
      await tx.teamMember.deleteMany({ where: { teamId: before.id, membershipId: { in: ids } } })
  })
  if (added.length || removed.length)
    await record(tx, client, 'scim.group.members-changed', before.id, {
      name: before.name,
      added: added.length,
      removed: removed.length,
    })
}

async function assertNameFree(tx: Tx, client: ScimClient, name: string, teamId: string | null) {
  const holder = await tx.team.findUnique({
    where: { organisationId_name: { organisationId: client.organisationId, name } },
    select: { id: true },
  })
  if (holder && holder.id !== teamId)
    throw new ScimError(409, `A group named ${name} already exists`, 'uniqueness')
}
