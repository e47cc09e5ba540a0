import { prisma, type Db, type Tx } from '#app/db.server.ts'
import { Prisma } from '#app/generated/prisma/client.ts'

/**
 * The employer matrix's totals, kept per organisation and per team (StaffStepCount and
 * TeamStepCount): how many active staff stand on each step of each work process, and how
 * many staff there are. Every change to what they count updates them in its own transaction:
 * a ladder step through `recordStepChanges` (cheap: the person's groups, then one increment
 * per changed cell), anything else that moves people in or out of the counted staff (roles,
 * team places, deactivation, erasure) through `keepStaffCounts`, which counts the people
 * concerned before and after the write and applies the difference. `rebuildStaffCounts`
 * recomputes everything from the source tables with the same queries; both give the same rows.
 */

/** Roles that make someone staff whose progress an employer follows (as in the matrix). */
export const STAFF_ROLES = ['learner', 'team_leader']
/** The headcount row of a group: no dossier, no work process, step 0. */
export const HEADCOUNT = { dossierSlug: '', workProcessCode: '', step: 0 } as const

export type StaffCount = {
  kind: 'organisation' | 'team'
  groupId: string
  dossierSlug: string
  workProcessCode: string
  step: number
  count: number
}

const n = (v: unknown) => Number(v ?? 0)
const isStaff = Prisma.sql`m."deactivatedAt" IS NULL AND EXISTS (SELECT 1 FROM "MembershipRole" r
  WHERE r."membershipId" = m."id" AND r."role" IN (${Prisma.join(STAFF_ROLES)}))`

/**
 * The counts as the source tables give them now, for everyone or only for some people's
 * contribution (their memberships). Four grouped queries.
 */
export async function computeStaffCounts(db: Db, userIds: string[] | null): Promise<StaffCount[]> {
  if (userIds && userIds.length === 0) return []
  const people = userIds ? Prisma.sql`AND m."userId" IN (${Prisma.join(userIds)})` : Prisma.empty
  type Row = { groupId: string; dossierSlug: string; code: string; step: unknown; count: unknown }
  const [orgHeads, orgSteps, teamHeads, teamSteps] = await Promise.all([
    db.$queryRaw<Array<{ groupId: string; count: unknown }>>`
      SELECT m."organisationId" AS "groupId", COUNT(*) AS "count" FROM "Membership" m
      WHERE ${isStaff} ${people} GROUP BY m."organisationId"`,
    db.$queryRaw<Row[]>`
      SELECT m."organisationId" AS "groupId", s."dossierSlug" AS "dossierSlug",
        s."workProcessCode" AS "code", s."step" AS "step", COUNT(*) AS "count"
      FROM "Membership" m JOIN "WorkProcessStatus" s ON s."userId" = m."userId" AND s."step" > 0
      WHERE ${isStaff} ${people}
      GROUP BY m."organisationId", s."dossierSlug", s."workProcessCode", s."step"`,
    db.$queryRaw<Array<{ groupId: string; count: unknown }>>`
      SELECT tm."teamId" AS "groupId", COUNT(*) AS "count"
      FROM "TeamMember" tm JOIN "Membership" m ON m."id" = tm."membershipId"
      WHERE ${isStaff} ${people} GROUP BY tm."teamId"`,
    db.$queryRaw<Row[]>`
      SELECT tm."teamId" AS "groupId", s."dossierSlug" AS "dossierSlug",
        s."workProcessCode" AS "code", s."step" AS "step", COUNT(*) AS "count"
      FROM "TeamMember" tm JOIN "Membership" m ON m."id" = tm."membershipId"
      JOIN "WorkProcessStatus" s ON s."userId" = m."userId" AND s."step" > 0
      WHERE ${isStaff} ${people}
      GROUP BY tm."teamId", s."dossierSlug", s."workProcessCode", s."step"`,
  ])
  const heads = (kind: StaffCount['kind'], rows: typeof orgHeads) =>
    rows.map((r) => ({ kind, groupId: r.groupId, ...HEADCOUNT, count: n(r.count) }))
  const steps = (kind: StaffCount['kind'], rows: Row[]) =>
    rows.map((r) => ({
      kind,
      groupId: r.groupId,
      dossierSlug: r.dossierSlug,
      workProcessCode: r.code,
      step: n(r.step),
      count: n(r.count),
    }))
  return [
    ...heads('organisation', orgHeads),
    ...steps('organisation', orgSteps),
    ...heads('team', teamHeads),
    ...steps('team', teamSteps),
  ]
}

const keyOf = (c: Omit<StaffCount, 'count'>) =>
  [c.kind, c.groupId, c.dossierSlug, c.workProcessCode, c.step].join('|')

/** Where each kind of group keeps its counts. */
const COUNT_TABLE = {
  organisation: { table: Prisma.raw('"StaffStepCount"'), group: Prisma.raw('"organisationId"') },
  team: { table: Prisma.raw('"TeamStepCount"'), group: Prisma.raw('"teamId"') },
} as const

/** Add these (signed) amounts to the stored counts; rows that reach zero are removed. */
async function applyDeltas(tx: Tx, deltas: StaffCount[]) {
  for (const d of deltas) {
    if (d.count === 0) continue
    const { table, group } = COUNT_TABLE[d.kind]
    await tx.$executeRaw`
      INSERT INTO ${table} (${group}, "dossierSlug", "workProcessCode", "step", "count")
      VALUES (${d.groupId}, ${d.dossierSlug}, ${d.workProcessCode}, ${d.step}, ${d.count})
      ON CONFLICT (${group}, "dossierSlug", "workProcessCode", "step")
      DO UPDATE SET "count" = ${table}."count" + excluded."count"`
    if (d.count < 0)
      await tx.$executeRaw`
        DELETE FROM ${table}
        WHERE ${group} = ${d.groupId} AND "dossierSlug" = ${d.dossierSlug}
          AND "workProcessCode" = ${d.workProcessCode} AND "step" = ${d.step} AND "count" = 0`
  }
}

/**
 * Run a write that may change who counts as staff where (memberships, roles, team places)
 * for these people, and bring the counts along in the same transaction: their contribution
 * is counted before and after, and the difference applied. Cost: bounded by these people's
 * memberships and status rows, never by the organisation's size.
 */
export async function keepStaffCounts<T>(
  tx: Tx,
  userIds: string[],
  write: () => Promise<T>,
): Promise<T> {
  const people = [...new Set(userIds)]
  // In slices: SQLite takes at most 999 bound values per statement. Counts add up over slices.
  const slices = Array.from({ length: Math.ceil(people.length / 500) }, (_, i) =>
    people.slice(i * 500, i * 500 + 500),
  )
  const count = async () => (await Promise.all(slices.map((s) => computeStaffCounts(tx, s)))).flat()
  const before = await count()
  const result = await write()
  const after = await count()
  const delta = new Map<string, StaffCount>()
  for (const [rows, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    for (const r of rows) {
      const k = keyOf(r)
      const d = delta.get(k) ?? { ...r, count: 0 }
      d.count += sign * r.count
      delta.set(k, d)
    }
  }
  await applyDeltas(tx, [...delta.values()])
  return result
}

/**
 * A person's steps changed on some work processes (a ladder step): move them from the old
 * step's count to the new one in every organisation and team where they count as staff.
 */
export async function recordStepChanges(
  tx: Tx,
  userId: string,
  dossierSlug: string,
  changes: Array<{ code: string; from: number; to: number }>,
) {
  if (changes.length === 0) return
  const groups = await tx.$queryRaw<Array<{ organisationId: string; teamId: string | null }>>`
    SELECT m."organisationId" AS "organisationId", tm."teamId" AS "teamId"
    FROM "Membership" m LEFT JOIN "TeamMember" tm ON tm."membershipId" = m."id"
    WHERE m."userId" = ${userId} AND ${isStaff}`
  const targets = [
    ...new Set(groups.map((g) => `organisation|${g.organisationId}`)),
    ...groups.flatMap((g) => (g.teamId ? [`team|${g.teamId}`] : [])),
  ].map((t) => t.split('|') as [StaffCount['kind'], string])
  const deltas: StaffCount[] = []
  for (const [kind, groupId] of targets)
    for (const c of changes) {
      const cell = { kind, groupId, dossierSlug, workProcessCode: c.code }
      if (c.from > 0) deltas.push({ ...cell, step: c.from, count: -1 })
      if (c.to > 0) deltas.push({ ...cell, step: c.to, count: 1 })
    }
  await applyDeltas(tx, deltas)
}

/** The stored counts, in the same shape as `computeStaffCounts` gives (for checks and tests). */
export async function storedStaffCounts(db: Db = prisma): Promise<StaffCount[]> {
  const [orgs, teams] = await Promise.all([
    db.staffStepCount.findMany(),
    db.teamStepCount.findMany(),
  ])
  return [
    ...orgs.map(({ organisationId, ...c }) => ({
      kind: 'organisation' as const,
      groupId: organisationId,
      ...c,
    })),
    ...teams.map(({ teamId, ...c }) => ({ kind: 'team' as const, groupId: teamId, ...c })),
  ]
}

/** The same rows in a fixed order, to compare two sets of counts. */
export function sortedCounts(rows: StaffCount[]) {
  return rows
    .filter((r) => r.count !== 0)
    .map((r) => ({ ...r }))
    .sort((a, b) => keyOf(a).localeCompare(keyOf(b)))
}

/**
 * Recompute every count from the source tables and compare with the stored ones (how many
 * rows differ); with `write`, replace the stored ones, in one transaction.
 */
export async function rebuildStaffCounts(options: { write: boolean }, db: typeof prisma = prisma) {
  return db.$transaction(
    async (tx) => {
      const computed = sortedCounts(await computeStaffCounts(tx, null))
      const stored = new Set(sortedCounts(await storedStaffCounts(tx)).map(rowText))
      const fresh = new Set(computed.map(rowText))
      const differences =
        [...stored].filter((r) => !fresh.has(r)).length +
        [...fresh].filter((r) => !stored.has(r)).length
      if (!options.write) return { rows: computed.length, differences }
      await tx.staffStepCount.deleteMany()
      await tx.teamStepCount.deleteMany()
      const batch = 500
      const orgs = computed.filter((c) => c.kind === 'organisation')
      const teams = computed.filter((c) => c.kind === 'team')
      for (let i = 0; i < orgs.length; i += batch)
        await tx.staffStepCount.createMany({
          data: orgs
            .slice(i, i + batch)
            .map(({ kind: _, groupId, ...c }) => ({ organisationId: groupId, ...c })),
        })
      for (let i = 0; i < teams.length; i += batch)
        await tx.teamStepCount.createMany({
          data: teams
            .slice(i, i + batch)
            .map(({ kind: _, groupId, ...c }) => ({ teamId: groupId, ...c })),
        })
      return { rows: computed.length, differences }
    },
    { timeout: 300_000, maxWait: 30_000 },
  )
}

const rowText = (r: StaffCount) => `${keyOf(r)}=${r.count}`
