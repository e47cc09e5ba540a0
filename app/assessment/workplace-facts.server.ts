import type { Db } from '#app/db.server.ts'
import { assessorsRequired } from './assessment-rules.ts'

export type WorkplaceFacts = {
  evidenceSubmitted: boolean
  signedOff: boolean
  /** When the sign-off rule was last met (the second signature, for a proeve). */
  signedOffAt: Date | null
}

export const workplaceKey = (userId: string, dossierSlug: string, code: string) =>
  `${userId}|${dossierSlug}|${code}`

/**
 * What the workplace side of the ladder says, per learner, dossier and work process: evidence
 * submitted, and signed off by as many different assessors as its kind needs. One query for
 * any number of learners (the rebuild passes none and gets everyone).
 */
export async function workplaceFacts(
  db: Db,
  where: { userId?: string; dossierSlug?: string; codes?: string[] } = {},
): Promise<Map<string, WorkplaceFacts>> {
  const rows = await db.evidenceWorkProcess.findMany({
    where: {
      ...(where.codes ? { workProcessCode: { in: where.codes } } : {}),
      evidence: {
        ...(where.userId ? { userId: where.userId } : {}),
        ...(where.dossierSlug ? { dossierSlug: where.dossierSlug } : {}),
      },
    },
    select: {
      workProcessCode: true,
      evidence: {
        select: {
          userId: true,
          dossierSlug: true,
          kind: true,
          assessments: {
            where: { decision: 'signed_off' },
            orderBy: { createdAt: 'asc' },
            select: { workProcessCode: true, assessorId: true, createdAt: true },
          },
        },
      },
    },
  })
  const facts = new Map<string, WorkplaceFacts>()
  for (const { workProcessCode: code, evidence } of rows) {
    const key = workplaceKey(evidence.userId, evidence.dossierSlug, code)
    const fact = facts.get(key) ?? { evidenceSubmitted: true, signedOff: false, signedOffAt: null }
    const assessors = new Set<string>()
    for (const a of evidence.assessments.filter((a) => a.workProcessCode === code)) {
      assessors.add(a.assessorId)
      if (assessors.size === assessorsRequired(evidence.kind)) {
        fact.signedOff = true
        if (!fact.signedOffAt || a.createdAt > fact.signedOffAt) fact.signedOffAt = a.createdAt
      }
    }
    facts.set(key, fact)
  }
  return facts
}
