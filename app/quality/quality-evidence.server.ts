import type { Tx } from '#app/db.server.ts'
import type { EvidenceKind } from '#app/assessment/assessment-rules.ts'
import { insertEvidence } from '#app/assessment/evidence.server.ts'
import { evidenceOptions, resolveChoice } from '#app/assessment/evidence-options.server.ts'

/**
 * Evidence the quality loop hands in for the assessor queue (a rule's call review, a coach's
 * coaching log), inside the caller's transaction. Steps rise at most to "demonstrated":
 * competent needs an assessor's sign-off. The caller tells the assessors afterwards
 * (notifyAssessors of evidence.server.ts).
 */
export async function insertQualityEvidence(
  tx: Tx,
  input: {
    userId: string
    organisationId: string
    dossierSlug: string
    kind: Extract<EvidenceKind, 'call_review' | 'coaching_log'>
    title: string
    narrative: string
    workProcessCodes: string[]
    competencies: string[]
    actorId: string | null
    detail?: Record<string, unknown>
  },
) {
  const evidence = await insertEvidence(tx, { ...input, coreTaskCode: null, file: null })
  return evidence.id
}

/** The competencies these codes of one dossier show (as the evidence form derives them). */
export async function competenciesOf(kind: EvidenceKind, codes: string[]) {
  const choice = resolveChoice(await evidenceOptions(), { kind, workProcessCodes: codes })
  return choice.ok ? choice.competencies : []
}
