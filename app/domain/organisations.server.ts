import { prisma, type Tx } from '#app/db.server.ts'
import { isRole, type Role } from '#app/auth/roles.ts'
import { keepStaffCounts } from '#app/employer/staff-counts.server.ts'

export const ORGANISATION_KINDS = ['in_house', 'outsourced'] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]

export async function createOrganisation(input: {
  slug: string
  name: string
  kind: OrganisationKind
  clients?: string[]
}) {
  return prisma.organisation.create({
    data: {
      slug: input.slug,
      name: input.name,
      kind: input.kind,
      clients: { create: (input.clients ?? []).map((name) => ({ name })) },
    },
    select: { id: true, slug: true, name: true },
  })
}

export function getOrganisationBySlug(slug: string) {
  return prisma.organisation.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      clients: { select: { id: true, name: true }, orderBy: { name: 'asc' } },
    },
  })
}

export function listTeams(organisationId: string) {
  return prisma.team.findMany({
    where: { organisationId },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      client: { select: { id: true, name: true } },
      _count: { select: { members: true } },
    },
  })
}

export function createTeam(organisationId: string, name: string, clientId: string | null) {
  return prisma.team.create({
    data: { organisationId, name: name.trim(), clientId },
    select: { id: true },
  })
}

/** Only a team of this organisation: another organisation's team id changes nothing. */
export async function deleteTeam(organisationId: string, teamId: string) {
  const { count } = await prisma.team.deleteMany({ where: { id: teamId, organisationId } })
  return count === 1
}

export function listMembers(organisationId: string) {
  return prisma.membership.findMany({
    where: { organisationId },
    orderBy: [{ deactivatedAt: 'asc' }, { user: { name: 'asc' } }],
    select: memberSelect,
  })
}

const memberSelect = {
  id: true,
  createdAt: true,
  deactivatedAt: true,
  user: { select: { id: true, name: true, email: true } },
  roles: { select: { role: true } },
  teams: { select: { team: { select: { id: true, name: true } } } },
} as const

/** A member of *this* organisation, or null (also for members of other organisations). */
export function getMember(organisationId: string, membershipId: string) {
  return prisma.membership.findFirst({
    where: { id: membershipId, organisationId },
    select: memberSelect,
  })
}

export function rolesOf(member: { roles: Array<{ role: string }> }): Role[] {
  return member.roles.map((r) => r.role).filter(isRole)
}

export class LastAdminError extends Error {
  constructor() {
    super('An organisation keeps at least one active employer admin')
  }
}

/** Replace a member's roles and teams in one transaction. */
export async function updateMember(
  organisationId: string,
  membershipId: string,
  input: { roles: Role[]; teamIds: string[] },
) {
  return prisma.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { id: membershipId, organisationId },
      select: { id: true, userId: true, roles: { select: { role: true } } },
    })
    if (!member) return false
    const wasAdmin = member.roles.some((r) => r.role === 'employer_admin')
    if (wasAdmin && !input.roles.includes('employer_admin')) {
      await assertAnotherAdmin(tx, organisationId, membershipId)
    }
    const teams = await tx.team.findMany({
      where: { organisationId, id: { in: input.teamIds } },
      select: { id: true },
    })
    await keepStaffCounts(tx, [member.userId], async () => {
      await tx.membershipRole.deleteMany({ where: { membershipId } })
      await tx.membershipRole.createMany({
        data: input.roles.map((role) => ({ membershipId, role })),
      })
      await tx.teamMember.deleteMany({ where: { membershipId } })
      await tx.teamMember.createMany({ data: teams.map((t) => ({ teamId: t.id, membershipId })) })
    })
    return true
  })
}

export async function setMemberActive(
  organisationId: string,
  membershipId: string,
  active: boolean,
) {
  return prisma.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { id: membershipId, organisationId },
      select: { id: true, userId: true, roles: { select: { role: true } } },
    })
    if (!member) return false
    if (!active && member.roles.some((r) => r.role === 'employer_admin')) {
      await assertAnotherAdmin(tx, organisationId, membershipId)
    }
    await keepStaffCounts(tx, [member.userId], () =>
      tx.membership.update({
        where: { id: membershipId },
        data: { deactivatedAt: active ? null : new Date() },
      }),
    )
    return true
  })
}

export async function assertAnotherAdmin(
  tx: Tx,
  organisationId: string,
  exceptMembershipId: string,
) {
  const others = await tx.membership.count({
    where: {
      organisationId,
      deactivatedAt: null,
      id: { not: exceptMembershipId },
      roles: { some: { role: 'employer_admin' } },
    },
  })
  if (others === 0) throw new LastAdminError()
}

/** Add (or re-activate) a person in an organisation with roles and teams. */
export async function addMember(
  tx: Tx,
  input: { organisationId: string; userId: string; roles: Role[]; teamIds?: string[] },
) {
  return keepStaffCounts(tx, [input.userId], () => placeMember(tx, input))
}

async function placeMember(
  tx: Tx,
  input: { organisationId: string; userId: string; roles: Role[]; teamIds?: string[] },
) {
  const membership = await tx.membership.upsert({
    where: {
      userId_organisationId: { userId: input.userId, organisationId: input.organisationId },
    },
    create: { userId: input.userId, organisationId: input.organisationId },
    update: { deactivatedAt: null },
    select: { id: true },
  })
  for (const role of input.roles) {
    await tx.membershipRole.upsert({
      where: { membershipId_role: { membershipId: membership.id, role } },
      create: { membershipId: membership.id, role },
      update: {},
    })
  }
  for (const teamId of input.teamIds ?? []) {
    await tx.teamMember.upsert({
      where: { teamId_membershipId: { teamId, membershipId: membership.id } },
      create: { teamId, membershipId: membership.id },
      update: {},
    })
  }
  return membership
}

/** Every organisation on the platform with its size, for the platform admin. */
export function listOrganisations() {
  return prisma.organisation.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      _count: { select: { memberships: true, teams: true } },
    },
  })
}
