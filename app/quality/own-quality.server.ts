import { prisma } from '#app/db.server.ts'

/**
 * What an agent has in quality monitoring, for their dashboard: how many of their contacts
 * were scored (and not yet seen), and coaching records waiting for their confirmation. Null
 * when there is nothing, so the dashboard shows no empty section.
 */
export async function ownQualitySummary(userId: string) {
  // One statement for the four counts: the dashboard asks on every view (issue 23).
  const [row] = await prisma.$queryRaw<
    Array<{ evaluations: unknown; unseen: unknown; coaching: unknown; unconfirmed: unknown }>
  >`
    SELECT
      (SELECT COUNT(*) FROM "Evaluation" e
        WHERE e."agentId" = ${userId} AND e."calibrationSessionId" IS NULL) AS "evaluations",
      (SELECT COUNT(*) FROM "Evaluation" e
        WHERE e."agentId" = ${userId} AND e."calibrationSessionId" IS NULL
          AND e."status" = 'open') AS "unseen",
      (SELECT COUNT(*) FROM "CoachingSession" c WHERE c."agentId" = ${userId}) AS "coaching",
      (SELECT COUNT(*) FROM "CoachingSession" c
        WHERE c."agentId" = ${userId} AND c."confirmedAt" IS NULL) AS "unconfirmed"`
  const evaluations = Number(row?.evaluations ?? 0)
  const coaching = Number(row?.coaching ?? 0)
  if (evaluations === 0 && coaching === 0) return null
  return {
    evaluations,
    unseen: Number(row?.unseen ?? 0),
    coaching,
    unconfirmed: Number(row?.unconfirmed ?? 0),
  }
}
