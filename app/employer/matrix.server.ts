import { databaseEngine, prisma } from '#app/db.server.ts'
import { getDossierOutline } from '#app/domain/dossiers.server.ts'
import { Prisma } from '#app/generated/prisma/client.ts'
import { TOP_STEP } from '#app/domain/progress-rules.ts'
import type { StaffScope } from './staff-scope.server.ts'

/** Roles that make someone staff whose progress an employer follows. */
const STAFF_ROLES = ['learner', 'team_leader']
export const PAGE_SIZE = 50

export type MatrixQuery = {
  dossierSlug: string
  teamId?: string
  q?: string
  /** With `workProcess`: only staff at this step on it (0 = not started). */
  workProcess?: string
  status?: number
  sort: 'name' | 'progress'
  dir: 'asc' | 'desc'
  page: number
}

const n = (v: unknown) => Number(v ?? 0)

/**
 * The WHERE clause of "the staff this employer sees, filtered": organisation, active, a
 * staff role, the employer's teams, the chosen team, the name search and the status filter.
 * Membership is `m`, its user `u`. The same SQL on SQLite and PostgreSQL.
 */
function staffFilter(scope: StaffScope, query: MatrixQuery): Prisma.Sql {
  const conditions = [
    Prisma.sql`m."organisationId" = ${scope.organisationId}`,
    Prisma.sql`m."deactivatedAt" IS NULL`,
    Prisma.sql`EXISTS (SELECT 1 FROM "MembershipRole" r WHERE r."membershipId" = m."id" AND r."role" IN (${Prisma.join(STAFF_ROLES)}))`,
  ]
  if (scope.teamIds)
    conditions.push(
      scope.teamIds.length === 0
        ? Prisma.sql`1 = 0`
        : Prisma.sql`EXISTS (SELECT 1 FROM "TeamMember" t WHERE t."membershipId" = m."id" AND t."teamId" IN (${Prisma.join(scope.teamIds)}))`,
    )
  // As `IN`, so both engines can start from the team's places instead of every membership.
  if (query.teamId)
    conditions.push(
      Prisma.sql`m."id" IN (SELECT t."membershipId" FROM "TeamMember" t WHERE t."teamId" = ${query.teamId})`,
    )
  if (query.q) {
    const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    conditions.push(Prisma.sql`LOWER(u."name") LIKE ${pattern} ESCAPE '\\'`)
  }
  if (query.workProcess && query.status !== undefined) {
    const on = Prisma.sql`s."userId" = m."userId" AND s."dossierSlug" = ${query.dossierSlug} AND s."workProcessCode" = ${query.workProcess}`
    conditions.push(
      query.status === 0
        ? Prisma.sql`NOT EXISTS (SELECT 1 FROM "WorkProcessStatus" s WHERE ${on} AND s."step" > 0)`
        : Prisma.sql`EXISTS (SELECT 1 FROM "WorkProcessStatus" s WHERE ${on} AND s."step" = ${query.status})`,
    )
  }
  return Prisma.join(conditions, ' AND ')
}

/** A person's progress in the dossier (the sum of their steps), as the column "total". */
const progressTotal = (query: MatrixQuery) =>
  Prisma.sql`(SELECT COALESCE(SUM(s."step"), 0) FROM "WorkProcessStatus" s
    WHERE s."userId" = m."userId" AND s."dossierSlug" = ${query.dossierSlug}) AS "total"`

/** The matrix order: by name, or by progress ("total") and then name. */
function matrixOrder(query: MatrixQuery) {
  const dir = query.dir === 'desc' ? Prisma.raw('DESC') : Prisma.raw('ASC')
  return query.sort === 'progress'
    ? Prisma.sql`ORDER BY "total" ${dir}, u."name" ASC, m."id" ASC`
    : Prisma.sql`ORDER BY u."name" ${dir}, m."id" ASC`
}

/** The filtered staff in matrix order, as membership and user ids; all of them or one page. */
export async function staffIds(
  scope: StaffScope,
  query: MatrixQuery,
  paging: { limit: number; offset: number } | null,
) {
  const where = staffFilter(scope, query)
  const page = paging ? Prisma.sql`LIMIT ${paging.limit} OFFSET ${paging.offset}` : Prisma.empty
  const rows = await prisma.$queryRaw<Array<{ membershipId: string; userId: string }>>`
    SELECT m."id" AS "membershipId", m."userId" AS "userId", ${progressTotal(query)}
    FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
    WHERE ${where} ${matrixOrder(query)} ${page}`
  return rows.map((r) => ({ membershipId: r.membershipId, userId: r.userId }))
}

async function countStaff(scope: StaffScope, query: MatrixQuery) {
  const [row] = await prisma.$queryRaw<Array<{ count: unknown }>>`
    SELECT COUNT(*) AS "count" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
    WHERE ${staffFilter(scope, query)}`
  return n(row?.count)
}

/**
 * The group (whole organisation or one team) whose stored counts are exactly the filtered
 * staff's, or null when the filter (a name search, a step filter, several teams of a team
 * leader) needs the aggregate queries below.
 */
function countedGroup(scope: StaffScope, query: MatrixQuery): CountedGroup | null {
  if (query.q || (query.workProcess && query.status !== undefined)) return null
  if (query.teamId)
    return !scope.teamIds || scope.teamIds.includes(query.teamId)
      ? { kind: 'team', id: query.teamId }
      : null
  if (!scope.teamIds) return { kind: 'organisation', id: scope.organisationId }
  return scope.teamIds.length === 1 ? { kind: 'team', id: scope.teamIds[0]! } : null
}
type CountedGroup = { kind: 'organisation' | 'team'; id: string }

type StoredCount = { code: string; step: unknown; count: unknown }

/** The stored counts of a group in a dossier (with its headcount row), from one query. */
function storedCounts(scope: StaffScope, group: CountedGroup, dossierSlug: string) {
  // A team's counts are read only through the organisation's own team: isolation.
  return group.kind === 'organisation'
    ? prisma.$queryRaw<StoredCount[]>`
        SELECT c."workProcessCode" AS "code", c."step" AS "step", c."count" AS "count"
        FROM "StaffStepCount" c
        WHERE c."organisationId" = ${group.id} AND c."dossierSlug" IN (${dossierSlug}, '')`
    : prisma.$queryRaw<StoredCount[]>`
        SELECT c."workProcessCode" AS "code", c."step" AS "step", c."count" AS "count"
        FROM "TeamStepCount" c JOIN "Team" tt ON tt."id" = c."teamId"
        WHERE c."teamId" = ${group.id} AND tt."organisationId" = ${scope.organisationId}
          AND c."dossierSlug" IN (${dossierSlug}, '')`
}

/** Headcount and per work process the count on each step (index = step), from stored rows. */
function fromStoredCounts(rows: StoredCount[]) {
  const staff = n(rows.find((r) => r.code === '')?.count)
  const totals = new Map<string, number[]>()
  for (const r of rows) {
    if (r.code === '') continue
    const counts = totals.get(r.code) ?? Array<number>(TOP_STEP + 1).fill(0)
    counts[n(r.step)] = n(r.count)
    totals.set(r.code, counts)
  }
  for (const counts of totals.values()) counts[0] = staff - counts.reduce((a, b) => a + b, 0)
  return { staff, totals }
}

/**
 * Per team of the organisation: the same figures as `totalsPerTeam`, from stored rows, added
 * up per team in SQL (one result row per team, as an organisation may have a thousand).
 */
async function storedTotalsPerTeam(
  scope: StaffScope,
  group: CountedGroup,
  dossierSlug: string,
  workProcesses: number,
) {
  const cell = Prisma.sql`c."workProcessCode" <> ''`
  const rows = await prisma.$queryRaw<
    Array<{ teamId: string; name: string; staff: unknown; steps: unknown; competent: unknown }>
  >`
    SELECT tt."id" AS "teamId", tt."name" AS "name",
      SUM(CASE WHEN ${cell} THEN 0 ELSE c."count" END) AS "staff",
      SUM(CASE WHEN ${cell} THEN c."step" * c."count" ELSE 0 END) AS "steps",
      SUM(CASE WHEN ${cell} AND c."step" = ${TOP_STEP} THEN c."count" ELSE 0 END) AS "competent"
    FROM "Team" tt JOIN "TeamStepCount" c ON c."teamId" = tt."id"
    WHERE tt."organisationId" = ${scope.organisationId}
      ${group.kind === 'team' ? Prisma.sql`AND tt."id" = ${group.id}` : Prisma.empty}
      AND c."dossierSlug" IN (${dossierSlug}, '')
    GROUP BY tt."id", tt."name"
    ORDER BY tt."name"`
  return rows
    .filter((r) => n(r.staff) > 0)
    .map((r) => perTeamRow(r.teamId, r.name, n(r.staff), n(r.steps), n(r.competent), workProcesses))
}

function perTeamRow(
  teamId: string,
  name: string,
  staff: number,
  steps: number,
  competent: number,
  workProcesses: number,
) {
  // Each staff member counts once per work process, whatever their number of rows.
  const cells = staff * workProcesses
  return {
    teamId,
    name,
    staff,
    competentCells: competent,
    averageStep: cells ? Math.round((steps / cells) * 100) / 100 : 0,
  }
}

/** Per work process, how many of the filtered staff stand on each step (index = step). */
async function totalsPerWorkProcess(scope: StaffScope, query: MatrixQuery, staff: number) {
  const rows = await prisma.$queryRaw<Array<{ code: string; step: unknown; count: unknown }>>`
    SELECT s."workProcessCode" AS "code", s."step" AS "step", COUNT(*) AS "count"
    FROM "WorkProcessStatus" s
    JOIN "Membership" m ON m."userId" = s."userId"
    JOIN "User" u ON u."id" = m."userId"
    WHERE ${staffFilter(scope, query)} AND s."dossierSlug" = ${query.dossierSlug} AND s."step" > 0
    GROUP BY s."workProcessCode", s."step"`
  const totals = new Map<string, number[]>()
  for (const r of rows) {
    const counts = totals.get(r.code) ?? Array<number>(TOP_STEP + 1).fill(0)
    counts[n(r.step)] = n(r.count)
    totals.set(r.code, counts)
  }
  // Staff without a row on a work process have not started it.
  for (const counts of totals.values()) counts[0] = staff - counts.reduce((a, b) => a + b, 0)
  return totals
}

/** Per team: staff, competent cells and the average step over staff × work processes. */
async function totalsPerTeam(scope: StaffScope, query: MatrixQuery, workProcesses: number) {
  const rows = await prisma.$queryRaw<
    Array<{ teamId: string; name: string; staff: unknown; steps: unknown; competent: unknown }>
  >`
    SELECT tm."teamId" AS "teamId", tt."name" AS "name",
      COUNT(DISTINCT m."id") AS "staff",
      COALESCE(SUM(s."step"), 0) AS "steps",
      COALESCE(SUM(CASE WHEN s."step" = ${TOP_STEP} THEN 1 ELSE 0 END), 0) AS "competent"
    FROM "TeamMember" tm
    JOIN "Team" tt ON tt."id" = tm."teamId"
    JOIN "Membership" m ON m."id" = tm."membershipId"
    JOIN "User" u ON u."id" = m."userId"
    LEFT JOIN "WorkProcessStatus" s ON s."userId" = m."userId" AND s."dossierSlug" = ${query.dossierSlug}
    WHERE ${staffFilter(scope, query)}
    ${scope.teamIds ? (scope.teamIds.length ? Prisma.sql`AND tm."teamId" IN (${Prisma.join(scope.teamIds)})` : Prisma.sql`AND 1 = 0`) : Prisma.empty}
    GROUP BY tm."teamId", tt."name"
    ORDER BY tt."name"`
  return rows.map((r) =>
    perTeamRow(r.teamId, r.name, n(r.staff), n(r.steps), n(r.competent), workProcesses),
  )
}

/** The dossier structure the matrix columns follow (newest version), core task by core task. */
export const matrixColumns = getDossierOutline
export type MatrixColumns = NonNullable<Awaited<ReturnType<typeof matrixColumns>>>

/** The rows for some staff: name, teams and the step per work process. */
export async function matrixRows(
  ids: Array<{ membershipId: string; userId: string }>,
  dossierSlug: string,
) {
  const userIds = ids.map((i) => i.userId)
  const [members, statuses] = await Promise.all([
    prisma.membership.findMany({
      where: { id: { in: ids.map((i) => i.membershipId) } },
      select: {
        id: true,
        user: { select: { name: true, email: true } },
        teams: { select: { team: { select: { name: true } } } },
      },
    }),
    prisma.workProcessStatus.findMany({
      where: { userId: { in: userIds }, dossierSlug, step: { gt: 0 } },
      select: { userId: true, workProcessCode: true, step: true },
    }),
  ])
  const byMember = new Map(members.map((m) => [m.id, m]))
  const steps = new Map<string, Record<string, number>>()
  for (const s of statuses) {
    const own = steps.get(s.userId) ?? {}
    own[s.workProcessCode] = s.step
    steps.set(s.userId, own)
  }
  return ids.map(({ membershipId, userId }) => {
    const m = byMember.get(membershipId)!
    return {
      membershipId,
      userId,
      name: m.user.name,
      email: m.user.email,
      teams: m.teams.map((t) => t.team.name).sort(),
      steps: steps.get(userId) ?? {},
    }
  })
}
export type MatrixRow = Awaited<ReturnType<typeof matrixRows>>[number]

/** Joins values of a correlated subquery into one text; the engines name it differently. */
const joined = (expr: Prisma.Sql) =>
  databaseEngine === 'sqlite'
    ? Prisma.sql`GROUP_CONCAT(${expr}, ${SEPARATOR})`
    : Prisma.sql`STRING_AGG(${expr}, ${SEPARATOR})`
/** The unit separator: in no team name or work process code. */
const SEPARATOR = '\u001f'

/**
 * Every filtered staff member's row, for exports: the same filter as the page, joined in SQL
 * (no list of ids is sent, so it works for any size: SQLite caps bound values at 999), in
 * one query in matrix order, with each person's teams and steps joined into one text each
 * (one result row per person, not one per status row: reading rows is what costs here).
 */
export async function allMatrixRows(scope: StaffScope, query: MatrixQuery) {
  const rows = await prisma.$queryRaw<
    Array<{
      membershipId: string
      userId: string
      name: string
      email: string
      teams: string | null
      steps: string | null
    }>
  >`
    SELECT m."id" AS "membershipId", m."userId" AS "userId", u."name" AS "name",
      u."email" AS "email",
      (SELECT ${joined(Prisma.sql`tt."name"`)} FROM "TeamMember" tm
        JOIN "Team" tt ON tt."id" = tm."teamId" WHERE tm."membershipId" = m."id") AS "teams",
      (SELECT ${joined(Prisma.sql`s."workProcessCode" || ':' || CAST(s."step" AS TEXT)`)}
        FROM "WorkProcessStatus" s WHERE s."userId" = m."userId"
          AND s."dossierSlug" = ${query.dossierSlug} AND s."step" > 0) AS "steps"
      ${query.sort === 'progress' ? Prisma.sql`, ${progressTotal(query)}` : Prisma.empty}
    FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
    WHERE ${staffFilter(scope, query)} ${matrixOrder(query)}`
  return rows.map((r) => ({
    membershipId: r.membershipId,
    userId: r.userId,
    name: r.name,
    email: r.email,
    teams: r.teams ? r.teams.split(SEPARATOR).sort() : [],
    steps: Object.fromEntries(
      (r.steps ? r.steps.split(SEPARATOR) : []).map((cell) => {
        const at = cell.lastIndexOf(':')
        return [cell.slice(0, at), Number(cell.slice(at + 1))]
      }),
    ) as Record<string, number>,
  }))
}

/** The dossier most of this organisation's staff progress in: the matrix's default. */
export async function defaultDossier(scope: StaffScope) {
  const rows = await prisma.$queryRaw<Array<{ slug: string; count: unknown }>>`
    SELECT s."dossierSlug" AS "slug", COUNT(*) AS "count" FROM "WorkProcessStatus" s
    JOIN "Membership" m ON m."userId" = s."userId"
    WHERE m."organisationId" = ${scope.organisationId} AND m."deactivatedAt" IS NULL
    GROUP BY s."dossierSlug" ORDER BY COUNT(*) DESC`
  return rows[0]?.slug ?? 'contactcenter-teamleider'
}

/** The headcount and totals of the filtered staff, aggregated over them (no stored counts). */
export async function aggregatedTotals(
  scope: StaffScope,
  query: MatrixQuery,
  workProcesses: number,
) {
  const total = await countStaff(scope, query)
  const [perWorkProcess, perTeam] = await Promise.all([
    totalsPerWorkProcess(scope, query, total),
    totalsPerTeam(scope, query, workProcesses),
  ])
  return { total, perWorkProcess, perTeam }
}

/**
 * The headcount and totals of the filtered staff: read from the stored counts
 * (app/employer/staff-counts.server.ts) when the filter is a whole group, otherwise
 * aggregated over the filtered staff. Per team, a team filter still aggregates: it shows the
 * chosen team's members in their other teams too, which no stored group holds; starting
 * from the team's places, that costs the team's size, not the organisation's.
 */
export async function matrixTotals(scope: StaffScope, query: MatrixQuery, workProcesses: number) {
  const group = countedGroup(scope, query)
  if (!group) return aggregatedTotals(scope, query, workProcesses)
  const [stored, perTeam] = await Promise.all([
    storedCounts(scope, group, query.dossierSlug),
    query.teamId
      ? totalsPerTeam(scope, query, workProcesses)
      : storedTotalsPerTeam(scope, group, query.dossierSlug, workProcesses),
  ])
  const { staff, totals } = fromStoredCounts(stored)
  return { total: staff, perWorkProcess: totals, perTeam }
}

/**
 * One page of the matrix with its totals, from a fixed number of queries whatever the number
 * of staff (no query per person); the totals of whole groups are stored, not aggregated.
 */
export async function staffMatrix(scope: StaffScope, query: MatrixQuery) {
  const columns = await matrixColumns(query.dossierSlug)
  if (!columns) return null
  const workProcesses = columns.coreTasks.flatMap((c) => c.workProcesses).length
  const { total, perWorkProcess, perTeam } = await matrixTotals(scope, query, workProcesses)
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const page = Math.min(Math.max(1, query.page), pages)
  const ids = await staffIds(scope, query, {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  })
  return {
    columns,
    total,
    page,
    pages,
    rows: await matrixRows(ids, query.dossierSlug),
    perWorkProcess: Object.fromEntries(
      columns.coreTasks
        .flatMap((c) => c.workProcesses)
        .map((w) => [
          w.code,
          perWorkProcess.get(w.code) ?? [total, ...Array<number>(TOP_STEP).fill(0)],
        ]),
    ),
    perTeam,
  }
}
