import { prisma } from '#app/db.server.ts'
import { env } from '#app/env.server.ts'
import { readCookie } from '#app/utils/cookies.server.ts'
import { generateToken, hashToken } from './tokens.server.ts'

/**
 * Sessions after Lucia's guide: the cookie holds a random token; the database holds only its
 * SHA-256 as the session id. Sessions slide: used in the second half of their life, they are
 * extended to the full 30 days. They live in the database, so every instance sees them.
 */
export const SESSION_COOKIE = 'leerplein_session'
const DAY = 24 * 60 * 60 * 1000
export const SESSION_LIFETIME = 30 * DAY

export type SessionMeta = { userAgent?: string; ipAddress?: string }

/**
 * A session opened by an LTI launch inside a platform's page (app/integrations/lti): it
 * lives in its own cookie, only for a working day, and only those platform origins may
 * frame our pages while it is used.
 */
export type EmbeddedSession = { frameAncestors: string[] }
export const EMBEDDED_SESSION_LIFETIME = 8 * 60 * 60 * 1000

export async function createSession(
  userId: string,
  meta: SessionMeta = {},
  embedded?: EmbeddedSession,
) {
  const token = generateToken()
  const lifetime = embedded ? EMBEDDED_SESSION_LIFETIME : SESSION_LIFETIME
  const session = await prisma.session.create({
    data: {
      id: hashToken(token),
      userId,
      expiresAt: new Date(Date.now() + lifetime),
      userAgent: (meta.userAgent ?? '').slice(0, 300),
      ipAddress: (meta.ipAddress ?? '').slice(0, 64),
      embedded: Boolean(embedded),
      frameAncestors: embedded?.frameAncestors.join(' ') ?? '',
    },
  })
  return { token, session }
}

export type SessionUser = { id: string; email: string; name: string; isPlatformAdmin: boolean }
/** An active (not deactivated) membership with its roles, as the session brings it. */
export type SessionMembership = {
  id: string
  organisation: { id: string; slug: string; name: string; kind: string }
  roles: string[]
}

type SessionRow = {
  id: string
  expiresAt: Date
  embedded: boolean
  frameAncestors: string
  userId: string
  email: string
  name: string
  isPlatformAdmin: boolean
  membershipId: string | null
  organisationId: string | null
  slug: string | null
  organisationName: string | null
  kind: string | null
  role: string | null
}

/**
 * The session a token opens, or null. A token only counts in its own kind of cookie: the
 * embedded (LTI) cookie opens only embedded sessions and the normal cookie only normal ones.
 * Every signed-in page needs the session, its user and their memberships, so one SQL
 * statement brings all three (a row per membership role), instead of the five statements
 * and three query compilations Prisma's relation loading takes (docs/benchmarks.md, issue 23).
 */
export async function validateSessionToken(token: string, kind: 'normal' | 'embedded' = 'normal') {
  const id = hashToken(token)
  const rows = await prisma.$queryRaw<SessionRow[]>`
    SELECT s."id", s."expiresAt", s."embedded", s."frameAncestors",
      u."id" AS "userId", u."email", u."name", u."isPlatformAdmin",
      m."id" AS "membershipId", o."id" AS "organisationId", o."slug",
      o."name" AS "organisationName", o."kind", r."role"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Membership" m ON m."userId" = u."id" AND m."deactivatedAt" IS NULL
    LEFT JOIN "Organisation" o ON o."id" = m."organisationId"
    LEFT JOIN "MembershipRole" r ON r."membershipId" = m."id"
    WHERE s."id" = ${id}
    ORDER BY o."name", m."id", r."role"`
  const first = rows[0]
  if (!first || Boolean(first.embedded) !== (kind === 'embedded')) return null
  const now = Date.now()
  let expiresAt = new Date(first.expiresAt)
  if (expiresAt.getTime() <= now) {
    await prisma.session.deleteMany({ where: { id } })
    return null
  }
  // Embedded sessions do not slide: a launch from the platform opens a new one.
  if (!first.embedded && expiresAt.getTime() - now < SESSION_LIFETIME / 2) {
    expiresAt = new Date(now + SESSION_LIFETIME)
    // updateMany: a concurrent logout may have removed the row; that is not an error.
    await prisma.session.updateMany({
      where: { id },
      data: { expiresAt, lastSeenAt: new Date(now) },
    })
  }
  const memberships = new Map<string, SessionMembership>()
  for (const row of rows) {
    if (!row.membershipId) continue
    let membership = memberships.get(row.membershipId)
    if (!membership) {
      membership = {
        id: row.membershipId,
        organisation: {
          id: row.organisationId!,
          slug: row.slug!,
          name: row.organisationName!,
          kind: row.kind!,
        },
        roles: [],
      }
      memberships.set(row.membershipId, membership)
    }
    if (row.role) membership.roles.push(row.role)
  }
  const user: SessionUser = {
    id: first.userId,
    email: first.email,
    name: first.name,
    isPlatformAdmin: Boolean(first.isPlatformAdmin),
  }
  return {
    id: first.id,
    expiresAt,
    embedded: Boolean(first.embedded),
    frameAncestors: first.frameAncestors,
    user,
    memberships: [...memberships.values()],
  }
}

export function invalidateSession(sessionId: string) {
  return prisma.session.deleteMany({ where: { id: sessionId } })
}

export function invalidateAllSessions(userId: string) {
  return prisma.session.deleteMany({ where: { userId } })
}

/** A person's live sessions, most recently used first (the account page lists them). */
export function listActiveSessions(userId: string) {
  return prisma.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ipAddress: true },
  })
}

/**
 * End one of a person's own sessions, named by the 16-character handle the account page
 * shows (never the whole id, which is the hash of the cookie's secret).
 */
export async function endSessionByHandle(userId: string, handle: string) {
  if (handle.length !== 16) return
  const target = await prisma.session.findFirst({
    where: { userId, id: { startsWith: handle } },
    select: { id: true },
  })
  if (target) await invalidateSession(target.id)
}

export function readSessionToken(request: Request): string | null {
  return readCookie(request, SESSION_COOKIE)
}

/**
 * The cookie of an embedded (LTI) session. SameSite=None and Secure, because the platform's
 * page frames ours from another site; Partitioned (CHIPS), so it lives only under that
 * platform's site. Cross-site writes are still refused by the origin check (origin.server.ts).
 * Browsers accept Secure cookies from http://localhost and 127.0.0.1, so the demo works too.
 */
export const EMBEDDED_SESSION_COOKIE = 'leerplein_lti_session'

export function readEmbeddedSessionToken(request: Request): string | null {
  return readCookie(request, EMBEDDED_SESSION_COOKIE)
}

export function embeddedSessionCookie(token: string, expiresAt: Date): string {
  return [
    `${EMBEDDED_SESSION_COOKIE}=${token}`,
    'HttpOnly',
    'SameSite=None',
    'Secure',
    'Partitioned',
    'Path=/',
    `Expires=${expiresAt.toUTCString()}`,
  ].join('; ')
}

export function clearEmbeddedSessionCookie(): string {
  return `${EMBEDDED_SESSION_COOKIE}=; HttpOnly; SameSite=None; Secure; Partitioned; Path=/; Max-Age=0`
}

/**
 * HttpOnly (no script can read it), SameSite=Lax (not sent on cross-site POSTs), Path=/,
 * and Secure in production. Plain-http loopback (the local demo, e2e) is the one exception,
 * since browsers drop Secure cookies set over http.
 */
export function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  return serialize(request, token, `Expires=${expiresAt.toUTCString()}`)
}

export function clearSessionCookie(request: Request): string {
  return serialize(request, '', 'Max-Age=0')
}

function serialize(request: Request, value: string, lifetime: string) {
  const attrs = [`${SESSION_COOKIE}=${value}`, 'HttpOnly', 'SameSite=Lax', 'Path=/', lifetime]
  if (wantsSecureCookies(request)) attrs.push('Secure')
  return attrs.join('; ')
}

export function wantsSecureCookies(
  request: Request,
  production = env.NODE_ENV === 'production',
): boolean {
  if (!production) return false
  const url = new URL(request.url)
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  return url.protocol === 'https:' || !loopback
}
