import { prisma } from '#app/db.server.ts'
import { learnerDashboard } from '#app/domain/dashboard.server.ts'
import { recordStatus } from '#app/records/record-status.ts'
import type { StaffScope } from './staff-scope.server.ts'
import { staffInScope } from './assignments.server.ts'

/**
 * What an employer may know about one staff member: steps per work process, records and a
 * summary of activity (how much, when) — never quiz answers, scores or reflections. Someone
 * outside the scope does not exist (404).
 */
export async function staffMember(scope: StaffScope, membershipId: string) {
  const [inScope] = await staffInScope(scope, { membershipId })
  if (!inScope) return null
  const userId = inScope.userId
  const now = new Date()
  const since = new Date(+now - 8 * 7 * 86400_000)
  const [dashboard, teams, records, completions, lastEvent, recentEvents] = await Promise.all([
    learnerDashboard(userId),
    prisma.teamMember.findMany({
      where: { membershipId },
      select: { team: { select: { name: true } } },
    }),
    prisma.completionRecord.findMany({
      where: { userId, organisationId: scope.organisationId },
      orderBy: { issuedAt: 'desc' },
      select: {
        id: true,
        level: true,
        code: true,
        issuedAt: true,
        validUntil: true,
        revocation: { select: { revokedAt: true } },
        suspension: { select: { suspendedAt: true } },
      },
    }),
    prisma.lessonCompletion.count({ where: { userId } }),
    prisma.learningEvent.findFirst({
      where: { userId },
      orderBy: { timestamp: 'desc' },
      select: { timestamp: true },
    }),
    prisma.learningEvent.findMany({
      where: { userId, timestamp: { gte: since }, verb: { in: ['completed', 'passed'] } },
      select: { timestamp: true },
    }),
  ])
  return {
    membershipId,
    userId,
    name: inScope.user.name,
    email: inScope.user.email,
    teams: teams.map((t) => t.team.name).sort(),
    dossiers: dossierSteps(dashboard.dossiers),
    records: records.map((r) => ({ ...r, status: recordStatus(r, now) })),
    activity: {
      completions,
      lastActive: lastEvent?.timestamp ?? null,
      lastEightWeeks: recentEvents.length,
    },
  }
}

/** Only the steps from the learner's dashboard: nothing about lesson content or answers. */
function dossierSteps(dossiers: Awaited<ReturnType<typeof learnerDashboard>>['dossiers']) {
  return dossiers.map((d) => ({
    slug: d.slug,
    qualificationNl: d.qualificationNl,
    qualificationEn: d.qualificationEn,
    coreTasks: d.coreTasks.map((c) => ({
      code: c.code,
      titleNl: c.titleNl,
      titleEn: c.titleEn,
      workProcesses: c.workProcesses.map((w) => ({
        code: w.code,
        titleNl: w.titleNl,
        titleEn: w.titleEn,
        step: w.step,
      })),
    })),
  }))
}
