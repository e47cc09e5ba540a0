import { prisma } from '#app/db.server.ts'

/**
 * What an agent has in quality monitoring, for their dashboard: how many of their contacts
 * were scored (and not yet seen), and coaching records waiting for their confirmation. Null
 * when there is nothing, so the dashboard shows no empty section.
 */
export async function ownQualitySummary(userId: string) {
  const [evaluations, unseen, coaching, unconfirmed] = await Promise.all([
    prisma.evaluation.count({ where: { agentId: userId, calibrationSessionId: null } }),
    prisma.evaluation.count({
      where: { agentId: userId, calibrationSessionId: null, status: 'open' },
    }),
    prisma.coachingSession.count({ where: { agentId: userId } }),
    prisma.coachingSession.count({ where: { agentId: userId, confirmedAt: null } }),
  ])
  if (evaluations === 0 && coaching === 0) return null
  return { evaluations, unseen, coaching, unconfirmed }
}
