import { prisma } from '#app/db.server.ts'

/**
 * Reading the imported KPI weeks: the last weeks of one person, for the staff drill-down (the
 * caller has checked the person is in its scope) and for the person's own dashboard. Context
 * only: nothing here feeds a step of the ladder.
 */

export const KPI_WEEKS_SHOWN = 8

const WEEK_FIELDS = {
  weekStart: true,
  ahtSeconds: true,
  fcrPercent: true,
  csat: true,
  nps: true,
  adherencePercent: true,
} as const

export type KpiWeekRow = {
  weekStart: string
  ahtSeconds: number | null
  fcrPercent: number | null
  csat: number | null
  nps: number | null
  adherencePercent: number | null
}

/** A member's last weeks in this organisation, newest first; [] for anyone outside it. */
export async function memberKpiWeeks(
  organisationId: string,
  membershipId: string,
): Promise<KpiWeekRow[]> {
  const membership = await prisma.membership.findFirst({
    where: { id: membershipId, organisationId },
    select: { userId: true },
  })
  if (!membership) return []
  return prisma.kpiWeek.findMany({
    where: { organisationId, userId: membership.userId },
    orderBy: { weekStart: 'desc' },
    take: KPI_WEEKS_SHOWN,
    select: WEEK_FIELDS,
  })
}

/** The person's own last weeks, per organisation that imported any. */
export async function ownKpiWeeks(userId: string) {
  const organisations = await prisma.kpiWeek.findMany({
    where: { userId },
    distinct: ['organisationId'],
    select: { organisation: { select: { id: true, name: true } } },
  })
  return Promise.all(
    organisations.map(async ({ organisation }) => ({
      organisation,
      weeks: await prisma.kpiWeek.findMany({
        where: { userId, organisationId: organisation.id },
        orderBy: { weekStart: 'desc' },
        take: KPI_WEEKS_SHOWN,
        select: WEEK_FIELDS,
      }),
    })),
  )
}
