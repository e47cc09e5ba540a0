import {
  getMemberships,
  requireUser,
  type ActiveMembership,
  type SessionUser,
} from '#app/auth/authorize.server.ts'
import { can } from '#app/auth/roles.ts'
import { prisma } from '#app/db.server.ts'

/**
 * Who may author which browser courses: a trainer the courses of their organisations; a
 * platform admin (the platform's own trainers) the platform-wide ones. Courses from git are
 * edited in git, never here.
 */
export type AuthorScope = {
  user: SessionUser
  /** Organisations whose courses this person authors. */
  organisations: Array<{ id: string; slug: string; name: string }>
  /** May author platform-wide courses (organisationId null). */
  platform: boolean
}

/** What someone may author, from their active memberships. */
export function authorScopeOf(user: SessionUser, memberships: ActiveMembership[]): AuthorScope {
  return {
    user,
    organisations: memberships
      .filter((m) => can(m.roles, 'author:courses:org'))
      .map((m) => m.organisation),
    platform: user.isPlatformAdmin,
  }
}

export const authorsAnything = (scope: AuthorScope) =>
  scope.platform || scope.organisations.length > 0

export async function requireAuthor(request: Request): Promise<AuthorScope> {
  const user = await requireUser(request)
  const scope = authorScopeOf(user, await getMemberships(user))
  if (!authorsAnything(scope)) throw new Response('Forbidden', { status: 403 })
  return scope
}

/** Who a new or imported course may belong to; `platform` stands for platform-wide. */
export function ownerChoices(scope: AuthorScope) {
  return [
    ...scope.organisations.map((o) => ({ value: o.id, name: o.name as string | null })),
    ...(scope.platform ? [{ value: 'platform', name: null }] : []),
  ]
}

export function mayAuthor(scope: AuthorScope, organisationId: string | null) {
  return organisationId === null
    ? scope.platform
    : scope.organisations.some((o) => o.id === organisationId)
}

/**
 * A browser course this person may author. Anything else answers 404, the same as a course
 * that does not exist: nothing tells a trainer about another organisation's courses.
 */
export async function requireAuthoredCourse(request: Request, courseId: string) {
  const scope = await requireAuthor(request)
  const course = await prisma.course.findUnique({
    where: { id: courseId },
    select: { id: true, source: true, organisationId: true },
  })
  if (!course || course.source !== 'browser' || !mayAuthor(scope, course.organisationId)) {
    throw new Response('Not found', { status: 404 })
  }
  return { ...scope, course }
}
