import { prisma } from '#app/db.server.ts'
import type { AuthorScope } from './authoring-access.server.ts'

/** The browser courses someone may author, with whether the draft was saved since publishing. */
export async function listAuthoredCourses(scope: AuthorScope) {
  const courses = await prisma.course.findMany({
    where: {
      source: 'browser',
      OR: [
        { organisationId: { in: scope.organisations.map((o) => o.id) } },
        ...(scope.platform ? [{ organisationId: null }] : []),
      ],
    },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      organisationId: true,
      draft: {
        select: {
          titleNl: true,
          updatedAt: true,
          lessons: { orderBy: { updatedAt: 'desc' }, take: 1, select: { updatedAt: true } },
        },
      },
      currentVersion: { select: { version: true, publishedAt: true } },
    },
  })
  const names = new Map(scope.organisations.map((o) => [o.id, o.name]))
  return courses.map((c) => {
    const edited = [c.draft?.updatedAt, c.draft?.lessons[0]?.updatedAt]
      .filter((d): d is Date => d !== undefined)
      .reduce((a, b) => (a > b ? a : b), new Date(0))
    return {
      id: c.id,
      title: c.draft?.titleNl ?? c.id,
      organisation: c.organisationId ? (names.get(c.organisationId) ?? null) : null,
      version: c.currentVersion?.version ?? null,
      // Saved after the last publication: there is something to publish.
      unpublishedEdits: !c.currentVersion || edited > c.currentVersion.publishedAt,
    }
  })
}
