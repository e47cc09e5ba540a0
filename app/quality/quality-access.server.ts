import { getMemberships, requireUser } from '#app/auth/authorize.server.ts'
import { can, QUALITY_PERMISSIONS, type Role } from '#app/auth/roles.ts'
import { prisma } from '#app/db.server.ts'

/**
 * Who may do what with an organisation's quality data (evaluations are personal data):
 * - an org admin (employer_admin) sees and manages everything of the organisation;
 * - a team leader scores, coaches and sees the agents of the teams they lead;
 * - a quality coach scores any agent and sees the evaluations they gave;
 * - an agent sees only their own (the /me pages, not this scope).
 * Every quality query is built from a QualityScope, in SQL, never by hiding rows in a page.
 */
export type QualityScope = {
  organisationId: string
  organisationSlug: string
  organisationName: string
  userId: string
  roles: readonly Role[]
  /** Agents this person may score and coach: null = every member, else these teams' members. */
  agentTeamIds: string[] | null
  /** Whose evaluations this person may read besides the ones they gave. */
  readsAll: boolean
  manages: boolean
  calibrates: boolean
  evaluates: boolean
}

/** 404 outside the organisation (as for one that does not exist), 403 without a quality role. */
export async function requireQualityScope(request: Request, orgSlug: string) {
  const user = await requireUser(request)
  const membership = (await getMemberships(user)).find((m) => m.organisation.slug === orgSlug)
  if (!membership) throw new Response('Not found', { status: 404 })
  const scope = await qualityScopeOf(user.id, membership)
  if (!scope) throw new Response('Forbidden', { status: 403 })
  return { user, membership, scope }
}

export async function qualityScopeOf(
  userId: string,
  membership: {
    id: string
    organisation: { id: string; slug: string; name: string }
    roles: readonly Role[]
  },
): Promise<QualityScope | null> {
  const { roles } = membership
  if (!QUALITY_PERMISSIONS.some((p) => can(roles, p))) return null
  const wholeOrg = can(roles, 'evaluate:contacts:org') || can(roles, 'read:evaluations:org')
  const teamIds = wholeOrg
    ? null
    : (
        await prisma.teamMember.findMany({
          where: { membershipId: membership.id },
          select: { teamId: true },
        })
      ).map((t) => t.teamId)
  return {
    organisationId: membership.organisation.id,
    organisationSlug: membership.organisation.slug,
    organisationName: membership.organisation.name,
    userId,
    roles,
    agentTeamIds: teamIds,
    readsAll: can(roles, 'read:evaluations:org'),
    manages: can(roles, 'manage:quality:org'),
    calibrates: can(roles, 'calibrate:org'),
    evaluates:
      can(roles, 'evaluate:contacts:org') ||
      can(roles, 'evaluate:contacts:team') ||
      can(roles, 'manage:quality:org'),
  }
}

export function requireManager(scope: QualityScope) {
  if (!scope.manages) throw new Response('Forbidden', { status: 403 })
}

export function requireCalibrator(scope: QualityScope) {
  if (!scope.calibrates) throw new Response('Forbidden', { status: 403 })
}

export function requireEvaluator(scope: QualityScope) {
  if (!scope.evaluates) throw new Response('Forbidden', { status: 403 })
}

/** A Prisma filter on memberships: the agents this person may score and coach. */
export function agentMembershipFilter(scope: QualityScope) {
  return {
    organisationId: scope.organisationId,
    deactivatedAt: null,
    roles: { some: { role: { in: ['learner', 'team_leader'] } } },
    ...(scope.agentTeamIds ? { teams: { some: { teamId: { in: scope.agentTeamIds } } } } : {}),
  }
}

/** The agents in scope, by name: the choices of every "which agent" field. */
export async function agentsInScope(scope: QualityScope) {
  const rows = await prisma.membership.findMany({
    where: agentMembershipFilter(scope),
    orderBy: { user: { name: 'asc' } },
    select: { userId: true, user: { select: { name: true, email: true } } },
  })
  return rows
    .filter((r) => r.userId !== scope.userId)
    .map((r) => ({ userId: r.userId, name: r.user.name, email: r.user.email }))
}

export async function isAgentInScope(scope: QualityScope, agentId: string) {
  if (agentId === scope.userId) return false
  const found = await prisma.membership.findFirst({
    where: { ...agentMembershipFilter(scope), userId: agentId },
    select: { id: true },
  })
  return found !== null
}

/**
 * A Prisma filter on rows with `organisationId`, `agentId` and an evaluator/coach column:
 * what this person may read. Org admins: all; others: what they gave, plus (team leaders)
 * the rows of the agents of their teams.
 */
export function readableByScope(scope: QualityScope, giverColumn: 'evaluatorId' | 'coachId') {
  if (scope.readsAll) return { organisationId: scope.organisationId }
  const own = { [giverColumn]: scope.userId }
  if (!scope.agentTeamIds) return { organisationId: scope.organisationId, ...own }
  return {
    organisationId: scope.organisationId,
    OR: [
      own,
      {
        agent: {
          memberships: {
            some: {
              organisationId: scope.organisationId,
              teams: { some: { teamId: { in: scope.agentTeamIds } } },
            },
          },
        },
      },
    ],
  }
}
