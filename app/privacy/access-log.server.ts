import { randomUUID } from 'node:crypto'
import { isRole, type Role } from '#app/auth/roles.ts'
import { prisma } from '#app/db.server.ts'
import type { AccessKind } from './access-kinds.ts'

/**
 * The access log (inzagelog, #22 item 4): every time someone looks at another person's
 * personal data, one row says whose data, who looked (or which API token), in which
 * organisation, what, and when. A person viewing their own data is not logged.
 *
 * Logging a view is a write in a loader: the one deliberate exception to the house rule, and
 * only through `logAccess` (docs/decisions/036-access-log.md). A view that cannot be logged
 * fails with the error instead of being shown unlogged.
 */

/** Who looked: a signed-in person (on a page), or an organisation's API token (the HR API). */
export type Viewer = { userId: string } | { apiTokenName: string }

/** Rows per createMany: well under SQLite's 999 bound values at seven columns a row. */
const CHUNK = 100

export async function logAccess(entry: {
  viewer: Viewer
  organisationId: string | null
  kind: AccessKind
  /** Whose data: one person, or everyone in an export or an API answer. */
  people: string | readonly string[]
  /** The evidence or evaluation viewed; for a list (export, API page) one id shared by its rows. */
  objectId?: string
}) {
  const viewedById = 'userId' in entry.viewer ? entry.viewer.userId : null
  const via = 'apiTokenName' in entry.viewer ? `api:${entry.viewer.apiTokenName}` : 'web'
  const people = [...new Set(typeof entry.people === 'string' ? [entry.people] : entry.people)]
    // Their own data: not a view by someone else.
    .filter((userId) => userId !== viewedById)
  if (people.length === 0) return
  // A list (an export, a page of the HR API) gets one id, so its rows read as one event.
  const objectId = entry.objectId ?? (typeof entry.people === 'string' ? '' : randomUUID())
  const createdAt = new Date()
  const rows = people.map((userId) => ({
    userId,
    viewedById,
    organisationId: entry.organisationId,
    via,
    kind: entry.kind,
    objectId,
    createdAt,
  }))
  if (rows.length <= CHUNK) {
    await prisma.accessLogEntry.createMany({ data: rows })
    return
  }
  // One export is logged whole or not at all.
  await prisma.$transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await tx.accessLogEntry.createMany({ data: rows.slice(i, i + CHUNK) })
    }
  })
}

export const ACCESS_LOG_PAGE = 50

const ENTRY = {
  id: true,
  userId: true,
  viewedById: true,
  organisationId: true,
  via: true,
  kind: true,
  objectId: true,
  createdAt: true,
} as const

type Entry = {
  id: string
  userId: string
  viewedById: string | null
  organisationId: string | null
  via: string
  kind: string
  objectId: string
  createdAt: Date
}

/** Names of people and organisations, and the viewers' roles there, in three queries. */
async function describe(entries: Entry[]) {
  const userIds = [
    ...new Set(entries.flatMap((e) => (e.viewedById ? [e.userId, e.viewedById] : [e.userId]))),
  ]
  const orgIds = [...new Set(entries.flatMap((e) => (e.organisationId ? [e.organisationId] : [])))]
  const viewerIds = [...new Set(entries.flatMap((e) => (e.viewedById ? [e.viewedById] : [])))]
  const [users, organisations, memberships] = await Promise.all([
    prisma.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, name: true, erasedAt: true },
    }),
    prisma.organisation.findMany({
      where: { id: { in: orgIds } },
      select: { id: true, name: true },
    }),
    prisma.membership.findMany({
      where: { userId: { in: viewerIds }, organisationId: { in: orgIds } },
      select: { userId: true, organisationId: true, roles: { select: { role: true } } },
    }),
  ])
  // An erased account keeps its row without a name (app/privacy erasure): show it as deleted.
  const name = new Map(users.filter((u) => !u.erasedAt).map((u) => [u.id, u.name]))
  const organisation = new Map(organisations.map((o) => [o.id, o.name]))
  const roles = new Map(
    memberships.map((m) => [
      `${m.userId} ${m.organisationId}`,
      m.roles.map((r) => r.role).filter(isRole),
    ]),
  )
  return entries.map((e) => ({
    id: e.id,
    kind: e.kind,
    objectId: e.objectId,
    createdAt: e.createdAt,
    person: { id: e.userId, name: name.get(e.userId) ?? null },
    viewer: e.viewedById
      ? {
          name: name.get(e.viewedById) ?? null,
          roles: roles.get(`${e.viewedById} ${e.organisationId}`) ?? ([] as Role[]),
        }
      : null,
    /** The API token's name when an HR system read it, else null. */
    apiToken: e.via.startsWith('api:') ? e.via.slice('api:'.length) : null,
    organisation: e.organisationId ? (organisation.get(e.organisationId) ?? null) : null,
  }))
}

function page(total: number, requested: number) {
  const pages = Math.max(1, Math.ceil(total / ACCESS_LOG_PAGE))
  return { pages, page: Math.min(Math.max(1, requested), pages) }
}

/** Who looked at this person's data, newest first: what the learner sees under their account. */
export async function accessLogForPerson(userId: string, requestedPage = 1) {
  const where = { userId }
  const total = await prisma.accessLogEntry.count({ where })
  const { pages, page: current } = page(total, requestedPage)
  const entries = await prisma.accessLogEntry.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * ACCESS_LOG_PAGE,
    take: ACCESS_LOG_PAGE,
    select: ENTRY,
  })
  return { total, pages, page: current, entries: await describe(entries) }
}

/**
 * Who looked at whom in one organisation, newest first, optionally for one person: what its
 * org admin sees. Only rows logged in this organisation, so another organisation's views of
 * the same person never show.
 */
export async function accessLogForOrganisation(
  organisationId: string,
  filter: { personId?: string | null; page?: number } = {},
) {
  const where = { organisationId, ...(filter.personId ? { userId: filter.personId } : {}) }
  const total = await prisma.accessLogEntry.count({ where })
  const { pages, page: current } = page(total, filter.page ?? 1)
  const [entries, people] = await Promise.all([
    prisma.accessLogEntry.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (current - 1) * ACCESS_LOG_PAGE,
      take: ACCESS_LOG_PAGE,
      select: ENTRY,
    }),
    // The filter's choices: the organisation's members (joined in SQL, never a list of ids).
    prisma.user.findMany({
      where: { memberships: { some: { organisationId } }, erasedAt: null },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
  ])
  return { total, pages, page: current, entries: await describe(entries), people }
}
