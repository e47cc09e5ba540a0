import { keepStaffCounts } from '#app/employer/staff-counts.server.ts'
import { prisma, type Tx } from '#app/db.server.ts'
import { addMember, assertAnotherAdmin } from '#app/domain/organisations.server.ts'
import { applyClientBrand } from './client-brand.server.ts'
import { invalidValue, notFound, ScimError } from './errors.ts'
import type { Filter } from './filter.ts'
import { record } from './scim-audit.server.ts'
import type { ScimClient } from './scim-tokens.server.ts'
import { duplicateUser, type ScimUserInput, type StoredUser } from './user-resource.ts'

/**
 * Provisioning writes for SCIM users. A SCIM user is a membership of the token's
 * organisation; each request is one transaction, so a refused change leaves nothing behind.
 */
const membershipSelect = {
  id: true,
  createdAt: true,
  deactivatedAt: true,
  user: { select: { id: true, email: true, name: true } },
  scimProfile: {
    select: {
      externalId: true,
      givenName: true,
      familyName: true,
      department: true,
      managerMembershipId: true,
    },
  },
} as const

/** Memberships the directory sees: all but those it deleted (they stay, deactivated). */
const inScimView = {
  OR: [{ scimProfile: { is: null } }, { scimProfile: { is: { deletedAt: null } } }],
}

type MembershipRow = {
  id: string
  createdAt: Date
  deactivatedAt: Date | null
  user: { id: string; email: string; name: string }
  scimProfile: {
    externalId: string | null
    givenName: string | null
    familyName: string | null
    department: string | null
    managerMembershipId: string | null
  } | null
}

function toStored(m: MembershipRow): StoredUser & { userId: string } {
  return {
    id: m.id,
    userId: m.user.id,
    email: m.user.email,
    name: m.user.name,
    active: m.deactivatedAt === null,
    createdAt: m.createdAt,
    externalId: m.scimProfile?.externalId ?? null,
    givenName: m.scimProfile?.givenName ?? null,
    familyName: m.scimProfile?.familyName ?? null,
    department: m.scimProfile?.department ?? null,
    managerId: m.scimProfile?.managerMembershipId ?? null,
  }
}

export async function listScimUsers(
  client: ScimClient,
  filter: Filter,
  paging: { startIndex: number; count: number },
) {
  const where = {
    organisationId: client.organisationId,
    AND: [
      inScimView,
      ...filter.map((f) =>
        f.attribute === 'userName'
          ? { user: { email: f.value.trim().toLowerCase() } }
          : { scimProfile: { is: { externalId: f.value } } },
      ),
    ],
  }
  const [total, rows] = await Promise.all([
    prisma.membership.count({ where }),
    prisma.membership.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      skip: paging.startIndex - 1,
      take: paging.count,
      select: membershipSelect,
    }),
  ])
  return { total, users: rows.map(toStored) }
}

export async function getScimUser(client: ScimClient, id: string, db: Tx | typeof prisma = prisma) {
  const row = await db.membership.findFirst({
    where: { id, organisationId: client.organisationId, AND: [inScimView] },
    select: membershipSelect,
  })
  if (!row) throw notFound('User')
  return toStored(row)
}

export async function createScimUser(client: ScimClient, input: ScimUserInput) {
  return prisma.$transaction(async (tx) => {
    await assertExternalIdFree(tx, client, input.externalId, null)
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: {
        id: true,
        memberships: {
          where: { organisationId: client.organisationId },
          select: { id: true, scimProfile: { select: { deletedAt: true } } },
        },
      },
    })
    const membership = existing?.memberships[0]
    // A membership the directory deleted comes back; any other is a duplicate.
    if (membership && !membership.scimProfile?.deletedAt) throw duplicateUser(input.email)
    // Nor may a directory claim someone of another organisation (and so see their
    // progress): such a person joins by invitation, which they accept themselves.
    if (existing && !membership && (await memberElsewhere(tx, existing.id, client)))
      throw new ScimError(
        409,
        `${input.email} belongs to another organisation: invite them instead`,
        'uniqueness',
      )
    // A new account has no password: the person signs in with SSO or sets one by reset link.
    const userId =
      existing?.id ??
      (
        await tx.user.create({
          data: { email: input.email, name: input.name, passwordHash: '' },
          select: { id: true },
        })
      ).id
    const { id } = await addMember(tx, {
      organisationId: client.organisationId,
      userId,
      roles: ['learner'],
    })
    await tx.scimProfile.upsert({
      where: { membershipId: id },
      create: { membershipId: id, organisationId: client.organisationId },
      update: { deletedAt: null, externalId: null, department: null, managerMembershipId: null },
    })
    await record(tx, client, 'scim.user.created', id, { name: input.email })
    await writeUser(tx, client, await getScimUser(client, id, tx), input, { quiet: true })
    return getScimUser(client, id, tx)
  })
}

/** PUT, or a PATCH's result: `change` gets the user as stored inside the transaction. */
export async function updateScimUser(
  client: ScimClient,
  id: string,
  change: (current: StoredUser) => ScimUserInput,
) {
  return prisma.$transaction(async (tx) => {
    const before = await getScimUser(client, id, tx)
    await writeUser(tx, client, before, change(before))
    return getScimUser(client, id, tx)
  })
}

/**
 * DELETE: the membership is deactivated and leaves the SCIM view; progress, evidence,
 * assessments and records stay. Creating the same userName again brings it back.
 */
export async function deleteScimUser(client: ScimClient, id: string) {
  await prisma.$transaction(async (tx) => {
    const before = await getScimUser(client, id, tx)
    if (before.active) await deactivate(tx, client, before)
    await tx.scimProfile.upsert({
      where: { membershipId: id },
      create: { membershipId: id, organisationId: client.organisationId, deletedAt: new Date() },
      update: { deletedAt: new Date() },
    })
    await record(tx, client, 'scim.user.deleted', id, { name: before.email })
  })
}

async function writeUser(
  tx: Tx,
  client: ScimClient,
  before: StoredUser & { userId: string },
  input: ScimUserInput,
  { quiet = false } = {},
) {
  const changed = (
    [
      ['userName', input.email, before.email],
      ['displayName', input.name, before.name],
      ['name.givenName', input.givenName, before.givenName],
      ['name.familyName', input.familyName, before.familyName],
      ['externalId', input.externalId, before.externalId],
      ['department', input.department, before.department],
    ] as const
  ).flatMap(([attribute, now, was]) => (now === was ? [] : [attribute]))
  if (input.email !== before.email || input.name !== before.name)
    await updateAccount(tx, client, before, input)
  if (input.externalId !== before.externalId)
    await assertExternalIdFree(tx, client, input.externalId, before.id)
  const profile = {
    externalId: input.externalId,
    givenName: input.givenName,
    familyName: input.familyName,
    department: input.department,
    managerMembershipId: input.managerId,
  }
  // Members added by invitation have no profile until their directory first touches them.
  await tx.scimProfile.upsert({
    where: { membershipId: before.id },
    create: { membershipId: before.id, organisationId: client.organisationId, ...profile },
    update: profile,
  })
  if (input.department !== before.department)
    await keepStaffCounts(tx, [before.userId], () =>
      moveToDepartment(tx, client, before, input.department),
    )
  await applyClientBrand(tx, client, input.department, input.brandValues)
  if (input.managerId && input.managerId !== before.managerId)
    await makeManager(tx, client, before, input.managerId)
  if (!quiet && changed.length)
    await record(tx, client, 'scim.user.updated', before.id, {
      name: input.email,
      attributes: changed,
    })
  if (input.active !== before.active) {
    if (input.active) {
      await keepStaffCounts(tx, [before.userId], () =>
        tx.membership.update({ where: { id: before.id }, data: { deactivatedAt: null } }),
      )
      await record(tx, client, 'scim.user.reactivated', before.id, { name: input.email })
    } else await deactivate(tx, client, before)
  }
}

/**
 * Name and e-mail belong to the account, which may also be a member elsewhere: then this
 * organisation's directory may not rename it or move its login to another address.
 */
async function updateAccount(
  tx: Tx,
  client: ScimClient,
  before: StoredUser & { userId: string },
  input: ScimUserInput,
) {
  if (await memberElsewhere(tx, before.userId, client)) {
    if (input.email !== before.email)
      throw new ScimError(400, 'This account is also a member elsewhere', 'mutability')
    return
  }
  if (input.email !== before.email) {
    const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })
    if (taken) throw duplicateUser(input.email)
  }
  await tx.user.update({
    where: { id: before.userId },
    data: { email: input.email, name: input.name },
  })
}

/** Whether the account is also a member of an organisation other than the token's. */
async function memberElsewhere(tx: Tx, userId: string, client: ScimClient) {
  const count = await tx.membership.count({
    where: { userId, organisationId: { not: client.organisationId } },
  })
  return count > 0
}

async function assertExternalIdFree(
  tx: Tx,
  client: ScimClient,
  externalId: string | null,
  membershipId: string | null,
) {
  if (!externalId) return
  const holder = await tx.scimProfile.findUnique({
    where: { organisationId_externalId: { organisationId: client.organisationId, externalId } },
    select: { membershipId: true },
  })
  if (holder && holder.membershipId !== membershipId)
    throw new ScimError(409, `externalId ${externalId} is already in use`, 'uniqueness')
}

/** `department` names the person's team: they leave the old department's team for the new. */
async function moveToDepartment(
  tx: Tx,
  client: ScimClient,
  before: StoredUser,
  department: string | null,
) {
  if (before.department) {
    await tx.teamMember.deleteMany({
      where: {
        membershipId: before.id,
        team: { organisationId: client.organisationId, name: before.department },
      },
    })
  }
  if (!department) return
  const team = await tx.team.upsert({
    where: { organisationId_name: { organisationId: client.organisationId, name: department } },
    create: { organisationId: client.organisationId, name: department },
    update: {},
    select: { id: true },
  })
  await tx.teamMember.upsert({
    where: { teamId_membershipId: { teamId: team.id, membershipId: before.id } },
    create: { teamId: team.id, membershipId: before.id },
    update: {},
  })
}

/** The manager becomes team leader of the person's teams (their scope grows, never shrinks). */
async function makeManager(tx: Tx, client: ScimClient, person: StoredUser, managerId: string) {
  if (managerId === person.id) throw invalidValue('A user cannot be their own manager')
  const manager = await tx.membership.findFirst({
    where: { id: managerId, organisationId: client.organisationId, AND: [inScimView] },
    select: { userId: true },
  })
  if (!manager) throw invalidValue(`manager ${managerId} is not a user of this organisation`)
  const teams = await tx.teamMember.findMany({
    where: { membershipId: person.id },
    select: { teamId: true },
  })
  await addMember(tx, {
    organisationId: client.organisationId,
    userId: manager.userId,
    roles: ['team_leader'],
    teamIds: teams.map((t) => t.teamId),
  })
  await record(tx, client, 'scim.manager.set', person.id, {
    name: person.email,
    manager: managerId,
  })
}

/**
 * Deprovisioning: the membership is deactivated and every session of the person ends at
 * once, also those of their other organisations (a session is not bound to one), so a
 * person who left the company is signed out everywhere the moment the directory says so.
 */
async function deactivate(tx: Tx, client: ScimClient, person: StoredUser & { userId: string }) {
  const isAdmin = await tx.membershipRole.count({
    where: { membershipId: person.id, role: 'employer_admin' },
  })
  if (isAdmin) await assertAnotherAdmin(tx, client.organisationId, person.id)
  await keepStaffCounts(tx, [person.userId], () =>
    tx.membership.update({ where: { id: person.id }, data: { deactivatedAt: new Date() } }),
  )
  await tx.session.deleteMany({ where: { userId: person.userId } })
  await record(tx, client, 'scim.user.deactivated', person.id, { name: person.email })
}

/** How many of the organisation's members its directory provisions (the page shows it). */
export function countProvisionedMembers(organisationId: string) {
  return prisma.scimProfile.count({ where: { organisationId, deletedAt: null } })
}
