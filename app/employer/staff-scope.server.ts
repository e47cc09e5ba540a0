import { getMemberships, requireUser } from '#app/auth/authorize.server.ts'
import { can } from '#app/auth/roles.ts'
import { prisma } from '#app/db.server.ts'

/**
 * Whose progress an employer may see in one organisation: everyone (employer admin) or the
 * members of the teams they lead (team leader). Every employer query is built from this, so
 * the scope is applied on the server, in SQL, never by hiding things in the page.
 */
export type StaffScope = {
  organisationId: string
  organisationSlug: string
  organisationName: string
  organisationKind: string
  /** null: the whole organisation; otherwise only these teams. */
  teamIds: string[] | null
}

/** The scope for a signed-in employer; 404 outside their organisations, 403 without a role. */
export async function requireStaffScope(request: Request, orgSlug: string) {
  const user = await requireUser(request)
  const membership = (await getMemberships(user)).find((m) => m.organisation.slug === orgSlug)
  if (!membership) throw new Response('Not found', { status: 404 })
  return { user, membership, scope: await scopeOf(membership) }
}

export async function scopeOf(membership: {
  id: string
  organisation: { id: string; slug: string; name: string; kind: string }
  roles: Parameters<typeof can>[0]
}): Promise<StaffScope> {
  const base = {
    organisationId: membership.organisation.id,
    organisationSlug: membership.organisation.slug,
    organisationName: membership.organisation.name,
    organisationKind: membership.organisation.kind,
  }
  if (can(membership.roles, 'read:progress:org')) return { ...base, teamIds: null }
  if (!can(membership.roles, 'read:progress:team')) throw new Response('Forbidden', { status: 403 })
  const teams = await prisma.teamMember.findMany({
    where: { membershipId: membership.id },
    select: { teamId: true },
  })
  return { ...base, teamIds: teams.map((t) => t.teamId) }
}

/** The teams an employer may filter on. */
export function teamsInScope(scope: StaffScope) {
  return prisma.team.findMany({
    where: {
      organisationId: scope.organisationId,
      ...(scope.teamIds ? { id: { in: scope.teamIds } } : {}),
    },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  })
}

/** A Prisma filter for rows whose `user` is in the scope (any row with a user relation). */
export function personInScope(scope: StaffScope) {
  return scope.teamIds
    ? {
        user: {
          memberships: {
            some: {
              organisationId: scope.organisationId,
              teams: { some: { teamId: { in: scope.teamIds } } },
            },
          },
        },
      }
    : {}
}
