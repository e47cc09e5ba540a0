import { redirect } from 'react-router'
import { prisma } from '#app/db.server.ts'
import { can, isRole, type Permission, type Role } from './roles.ts'
import {
  readEmbeddedSessionToken,
  readSessionToken,
  validateSessionToken,
} from './session.server.ts'

export type SessionUser = NonNullable<Awaited<ReturnType<typeof validateSessionToken>>>['user']
export type ActiveMembership = {
  id: string
  organisation: { id: string; slug: string; name: string; kind: string }
  roles: Role[]
}

// One lookup per request, however many loaders ask (root and the page run in parallel).
type RequestSession = {
  user: SessionUser
  sessionId: string
  /** Set for an embedded (LTI) session: the platform origins that may frame our pages. */
  frameAncestors: string[] | null
}
const userCache = new WeakMap<Request, Promise<RequestSession | null>>()

/**
 * The request's session: the normal cookie's, or else (inside a learning platform's iframe,
 * where the normal SameSite=Lax cookie is not sent) the embedded LTI session's.
 */
export function getSession(request: Request) {
  let cached = userCache.get(request)
  if (!cached) {
    cached = findSession(request)
    userCache.set(request, cached)
  }
  return cached
}

async function findSession(request: Request): Promise<RequestSession | null> {
  const token = readSessionToken(request)
  const normal = token ? await validateSessionToken(token) : null
  if (normal) return { user: normal.user, sessionId: normal.id, frameAncestors: null }
  const embeddedToken = readEmbeddedSessionToken(request)
  const embedded = embeddedToken ? await validateSessionToken(embeddedToken, 'embedded') : null
  if (!embedded) return null
  return {
    user: embedded.user,
    sessionId: embedded.id,
    frameAncestors: embedded.frameAncestors.split(' ').filter(Boolean),
  }
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null
}

/** The signed-in user, or a redirect to /login that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request)
  if (!user) {
    const url = new URL(request.url)
    const redirectTo = url.pathname + url.search
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`)
  }
  return user
}

/** The user's active (not deactivated) memberships with their roles. */
export async function getMemberships(userId: string): Promise<ActiveMembership[]> {
  const rows = await prisma.membership.findMany({
    where: { userId, deactivatedAt: null },
    orderBy: { organisation: { name: 'asc' } },
    select: {
      id: true,
      organisation: { select: { id: true, slug: true, name: true, kind: true } },
      roles: { select: { role: true } },
    },
  })
  return rows.map((m) => ({ ...m, roles: m.roles.map((r) => r.role).filter(isRole) }))
}

/**
 * Access to one organisation's resources. Someone who is not an active member gets 404, the
 * same answer as for an organisation that does not exist, so nothing about other
 * organisations leaks; a member without the permission gets 403.
 */
export async function requireOrgPermission(
  request: Request,
  orgSlug: string,
  permission: Permission,
) {
  const user = await requireUser(request)
  const membership = (await getMemberships(user.id)).find((m) => m.organisation.slug === orgSlug)
  if (!membership) throw new Response('Not found', { status: 404 })
  if (!can(membership.roles, permission)) throw new Response('Forbidden', { status: 403 })
  return { user, membership }
}

/** An area for some roles (e.g. /employer): 403 unless one membership holds one of them. */
export async function requireAnyRole(request: Request, roles: readonly Role[]) {
  const user = await requireUser(request)
  const memberships = (await getMemberships(user.id)).filter((m) =>
    m.roles.some((r) => roles.includes(r)),
  )
  if (memberships.length === 0 && !user.isPlatformAdmin) {
    throw new Response('Forbidden', { status: 403 })
  }
  return { user, memberships }
}

export async function requirePlatformAdmin(request: Request) {
  const user = await requireUser(request)
  if (!user.isPlatformAdmin) throw new Response('Forbidden', { status: 403 })
  return user
}
