import { redirect } from 'react-router'
import { prisma } from '#app/db.server.ts'
import { oncePerRequest } from '#app/utils/request-scope.server.ts'
import { can, isRole, type Permission, type Role } from './roles.ts'
import {
  readEmbeddedSessionToken,
  readSessionToken,
  validateSessionToken,
  type SessionMembership,
  type SessionUser,
} from './session.server.ts'

export type { SessionUser }
export type ActiveMembership = {
  id: string
  organisation: { id: string; slug: string; name: string; kind: string }
  roles: Role[]
}

// One lookup per request, however many loaders ask (root and the page run in parallel): in
// the request's scope (app/utils/request-scope.server.ts), else per Request object.
type RequestSession = {
  user: SessionUser
  sessionId: string
  /** Set for an embedded (LTI) session: the platform origins that may frame our pages. */
  frameAncestors: string[] | null
}
const userCache = new WeakMap<Request, Promise<RequestSession | null>>()
// The memberships the session lookup brought along, for this request's user object only: the
// next request reads them afresh, so a role taken away counts at once.
const membershipsOfSessionUser = new WeakMap<SessionUser, ActiveMembership[]>()

/**
 * The request's session: the normal cookie's, or else (inside a learning platform's iframe,
 * where the normal SameSite=Lax cookie is not sent) the embedded LTI session's.
 */
export function getSession(request: Request) {
  return oncePerRequest(`session ${request.headers.get('cookie') ?? ''}`, () => {
    let cached = userCache.get(request)
    if (!cached) {
      cached = findSession(request)
      userCache.set(request, cached)
    }
    return cached
  })
}

async function findSession(request: Request): Promise<RequestSession | null> {
  const token = readSessionToken(request)
  const normal = token ? await validateSessionToken(token) : null
  if (normal) {
    membershipsOfSessionUser.set(normal.user, activeMemberships(normal.memberships))
    return { user: normal.user, sessionId: normal.id, frameAncestors: null }
  }
  const embeddedToken = readEmbeddedSessionToken(request)
  const embedded = embeddedToken ? await validateSessionToken(embeddedToken, 'embedded') : null
  if (!embedded) return null
  membershipsOfSessionUser.set(embedded.user, activeMemberships(embedded.memberships))
  return {
    user: embedded.user,
    sessionId: embedded.id,
    frameAncestors: embedded.frameAncestors.split(' ').filter(Boolean),
  }
}

/**
 * The platform origins that may frame this request's page: only an embedded (LTI) session
 * has them, so without its cookie no lookup is needed (the root middleware asks on every
 * response, and its request is not the one the loaders' session lookup was cached for).
 */
export async function sessionFrameAncestors(request: Request): Promise<string[] | null> {
  if (!readEmbeddedSessionToken(request)) return null
  return (await getSession(request))?.frameAncestors ?? null
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

function activeMemberships(memberships: SessionMembership[]): ActiveMembership[] {
  return memberships.map((m) => ({ ...m, roles: m.roles.filter(isRole) }))
}

/**
 * The user's active (not deactivated) memberships with their roles, by organisation name.
 * For the signed-in user of a request they came with the session (no query); for anyone
 * else they are read.
 */
export async function getMemberships(user: { id: string }): Promise<ActiveMembership[]> {
  const known = membershipsOfSessionUser.get(user as SessionUser)
  if (known) return known
  const rows = await prisma.membership.findMany({
    where: { userId: user.id, deactivatedAt: null },
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
  const membership = (await getMemberships(user)).find((m) => m.organisation.slug === orgSlug)
  if (!membership) throw new Response('Not found', { status: 404 })
  if (!can(membership.roles, permission)) throw new Response('Forbidden', { status: 403 })
  return { user, membership }
}

/** An area for some roles (e.g. /employer): 403 unless one membership holds one of them. */
export async function requireAnyRole(request: Request, roles: readonly Role[]) {
  const user = await requireUser(request)
  const memberships = (await getMemberships(user)).filter((m) =>
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
