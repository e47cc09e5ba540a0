import { getMemberships } from '#app/auth/authorize.server.ts'
import { Prisma } from '#app/generated/prisma/client.ts'

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
  // The signed-in user's memberships came with their session (no query of its own).
  return (await getMemberships(user)).map((m) => m.organisation.id)
}

/** The courses members of these organisations may see, as a filter on Course. */
export function visibleCourses(organisationIds: VisibleOrganisations): Prisma.CourseWhereInput {
  if (organisationIds === 'all') return {}
  return { OR: [{ organisationId: null }, { organisationId: { in: [...organisationIds] } }] }
}

/** The same rule as `visibleCourses`, as an SQL condition on the "Course" table's columns. */
export function visibleCoursesSql(organisationIds: VisibleOrganisations): Prisma.Sql {
  if (organisationIds === 'all') return Prisma.sql`1 = 1`
  if (organisationIds.length === 0) return Prisma.sql`"organisationId" IS NULL`
  return Prisma.sql`("organisationId" IS NULL OR "organisationId" IN (${Prisma.join([...organisationIds])}))`
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
