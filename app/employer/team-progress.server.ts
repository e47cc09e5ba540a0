import { prisma } from '#app/db.server.ts'
import { workProcessObjectId } from '#app/domain/progress.server.ts'
import type { StaffScope } from './staff-scope.server.ts'

const WEEK = 7 * 86400_000
/** The lines of the chart: cells (member × work process) at or above these steps. */
export const CHART_STEPS = [1, 2, 3, 4] as const

/** Monday 00:00 UTC of the week a moment falls in. */
function weekStart(date: Date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d
}

/**
 * A team's progress over time, week by week, replayed from the `progressed` events of its
 * members in one dossier: per week, how many member × work-process cells stood at each of
 * CHART_STEPS or higher. One query for the events, whatever the team's size.
 */
export async function teamProgress(
  scope: StaffScope,
  teamId: string,
  dossierSlug: string,
  weeks = 26,
) {
  const team = await prisma.team.findFirst({
    where: {
      id: teamId,
      organisationId: scope.organisationId,
      ...(scope.teamIds ? { id: { in: scope.teamIds.filter((id) => id === teamId) } } : {}),
    },
    select: {
      id: true,
      name: true,
      members: { select: { membership: { select: { userId: true, deactivatedAt: true } } } },
    },
  })
  if (!team) return null
  const userIds = team.members
    .filter((m) => !m.membership.deactivatedAt)
    .map((m) => m.membership.userId)
  const events = await prisma.learningEvent.findMany({
    where: {
      userId: { in: userIds },
      verb: 'progressed',
      objectId: { startsWith: workProcessObjectId(dossierSlug, '') },
    },
    orderBy: { timestamp: 'asc' },
    select: { userId: true, objectId: true, resultStep: true, timestamp: true },
  })
  const first = weekStart(new Date(Date.now() - (weeks - 1) * WEEK))
  const stepOf = new Map<string, number>()
  const points: Array<{ week: string; values: number[] }> = []
  let i = 0
  for (let w = 0; w < weeks; w++) {
    const end = new Date(+first + (w + 1) * WEEK)
    for (; i < events.length && events[i]!.timestamp < end; i++) {
      const e = events[i]!
      const key = `${e.userId}|${e.objectId}`
      stepOf.set(key, Math.max(stepOf.get(key) ?? 0, e.resultStep ?? 0))
    }
    const steps = [...stepOf.values()]
    points.push({
      week: new Date(+first + w * WEEK).toISOString().slice(0, 10),
      values: CHART_STEPS.map((s) => steps.filter((x) => x >= s).length),
    })
  }
  return { team: { id: team.id, name: team.name, members: userIds.length }, points }
}
