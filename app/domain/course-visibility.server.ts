import { prisma } from '#app/db.server.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'

/**
 * Who meets which courses. A platform-wide course (no `organisationId`) is for everyone; a
 * course an organisation authored is its own: only its active members (any role) see it, and
 * only for them does it count towards progress. To anyone else it does not exist (404).
 * Platform admins see every course, but their own progress follows their memberships too.
 */
export type VisibleOrganisations = readonly string[] | 'all'

/** The organisations whose courses someone may see: none when signed out, all for admins. */
export async function viewerOrganisationIds(
  user: { id: string; isPlatformAdmin: boolean } | null,
): Promise<VisibleOrganisations> {
  if (!user) return []
  if (user.isPlatformAdmin) return 'all'
  const rows = await prisma.membership.findMany({
    where: { userId: user.id, deactivatedAt: null },
    select: { organisationId: true },
  })
  return rows.map((r) => r.organisationId)
}

/** The courses members of these organisations may see, as a filter on Course. */
export function visibleCourses(organisationIds: VisibleOrganisations): Prisma.CourseWhereInput {
  if (organisationIds === 'all') return {}
  return { OR: [{ organisationId: null }, { organisationId: { in: [...organisationIds] } }] }
}

/**
 * The courses that count for a learner's progress, as a filter on Course: the same rule as
 * `visibleCourses` for their active memberships, in the query itself (no lookup first).
 */
export function coursesOfLearner(userId: string): Prisma.CourseWhereInput {
  return {
    OR: [
      { organisationId: null },
      { organisation: { memberships: { some: { userId, deactivatedAt: null } } } },
    ],
  }
}

/** The same rule in memory, for bulk work that fetched the memberships once. */
export function isVisibleCourse(
  organisationId: string | null,
  organisationIds: ReadonlySet<string>,
) {
  return organisationId === null || organisationIds.has(organisationId)
}
