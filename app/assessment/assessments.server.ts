import { prisma } from '#app/db.server.ts'
import { env } from '#app/env.server.ts'
import { sendEmail } from '#app/email/mailer.server.ts'
import { assessmentDoneEmail } from '#app/email/templates.ts'
import { audit } from '#app/domain/audit.server.ts'
import { raiseStatuses } from '#app/domain/progress.server.ts'
import { enqueueScoreUpdates } from '#app/integrations/lti/affected-launches.server.ts'
import { TOP_STEP } from '#app/domain/progress-rules.ts'
import { issueDueRecords } from '#app/records/issue-records.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import { assessorsRequired, meetsLevel, type RubricLevel } from './assessment-rules.ts'
import { currentCriteria } from './criteria.server.ts'
import { verdicts } from './evidence.server.ts'

export type AssessmentInput = {
  evidenceId: string
  workProcessCode: string
  assessorId: string
  decision: 'signed_off' | 'not_yet'
  comment: string
  /** The criteria version the assessor scored against (the form carries it). */
  criteriaVersion: number
  scores: Array<{ level: RubricLevel; comment: string }>
}

/** A judgement the rules refuse, with the form field it belongs to. */
export class AssessmentRefused extends Error {
  constructor(
    readonly field: 'decision' | 'form' | 'scores',
    readonly reason:
      | 'own_evidence'
      | 'already_judged'
      | 'closed'
      | 'criteria_changed'
      | 'below_required'
      | 'score_count'
      | 'not_in_evidence',
  ) {
    super(reason)
  }
}

/**
 * Record one assessor's judgement of one work process of a piece of evidence: a level and a
 * comment per criterion, and the decision. Sign-off is refused unless every criterion reaches
 * its required level; an assessor judges a work process of a piece of evidence once (so a
 * proeve's two signatures come from two people); a "not yet" closes it (the learner hands in
 * new evidence). Judgement, audit line, new steps and any records it completes are one
 * transaction. The learner gets one e-mail per piece of evidence, when its last work process
 * is decided (not one per work process and assessor: a proeve made eight).
 */
export async function recordAssessment(input: AssessmentInput) {
  const result = await prisma.$transaction(
    async (tx) => {
      // Judgements of one piece of evidence take turns (a row lock on PostgreSQL; SQLite has
      // one writer anyway), so exactly one of them sees the evidence completed.
      await tx.$executeRaw`UPDATE "Evidence" SET "title" = "title" WHERE "id" = ${input.evidenceId}`
      const evidence = await tx.evidence.findUniqueOrThrow({
        where: { id: input.evidenceId },
        select: {
          userId: true,
          organisationId: true,
          dossierSlug: true,
          kind: true,
          workProcesses: { select: { workProcessCode: true } },
          assessments: {
            where: { workProcessCode: input.workProcessCode },
            select: { assessorId: true, decision: true },
          },
        },
      })
      if (!evidence.workProcesses.some((w) => w.workProcessCode === input.workProcessCode))
        throw new AssessmentRefused('form', 'not_in_evidence')
      if (evidence.userId === input.assessorId) throw new AssessmentRefused('form', 'own_evidence')
      const judged = evidence.assessments
      if (judged.some((a) => a.assessorId === input.assessorId))
        throw new AssessmentRefused('decision', 'already_judged')
      const signatures = judged.filter((a) => a.decision === 'signed_off').length
      if (
        judged.some((a) => a.decision === 'not_yet') ||
        signatures >= assessorsRequired(evidence.kind)
      )
        throw new AssessmentRefused('form', 'closed')

      const criteria = await currentCriteria(
        evidence.organisationId,
        evidence.dossierSlug,
        input.workProcessCode,
        tx,
      )
      if (!criteria || criteria.version !== input.criteriaVersion)
        throw new AssessmentRefused('form', 'criteria_changed')
      if (input.scores.length !== criteria.criteria.length)
        throw new AssessmentRefused('scores', 'score_count')
      if (
        input.decision === 'signed_off' &&
        !input.scores.every((s, i) => meetsLevel(s.level, criteria.criteria[i]!.requiredLevel))
      )
        throw new AssessmentRefused('decision', 'below_required')

      let assessment
      try {
        assessment = await tx.assessment.create({
          data: {
            evidenceId: input.evidenceId,
            workProcessCode: input.workProcessCode,
            assessorId: input.assessorId,
            decision: input.decision,
            comment: input.comment,
            criteriaVersion: criteria.version,
            scores: {
              create: input.scores.map((s, position) => ({
                position,
                criterionNl: criteria.criteria[position]!.nl,
                criterionEn: criteria.criteria[position]!.en,
                requiredLevel: criteria.criteria[position]!.requiredLevel,
                level: s.level,
                comment: s.comment,
              })),
            },
          },
          select: { id: true },
        })
      } catch (error) {
        // The same assessor submitting twice at once: the unique key decides.
        if (isUniqueViolation(error)) throw new AssessmentRefused('decision', 'already_judged')
        throw error
      }
      await audit(tx, {
        actorId: input.assessorId,
        organisationId: evidence.organisationId,
        action: 'assessment.recorded',
        subjectType: 'evidence',
        subjectId: input.evidenceId,
        detail: {
          assessmentId: assessment.id,
          workProcessCode: input.workProcessCode,
          decision: input.decision,
          criteriaVersion: criteria.version,
          levels: input.scores.map((s) => s.level),
        },
      })
      const raised = await raiseStatuses(tx, evidence.userId, evidence.dossierSlug, [
        input.workProcessCode,
      ])
      // Already competent (e.g. recertification after an expired record): records may be due
      // without a step changing.
      if (input.decision === 'signed_off' && !raised.some((r) => r.step === TOP_STEP))
        await issueDueRecords(tx, evidence.userId, evidence.dossierSlug)
      const decided = verdicts({
        kind: evidence.kind,
        workProcesses: evidence.workProcesses,
        assessments: await tx.assessment.findMany({
          where: { evidenceId: input.evidenceId },
          select: { workProcessCode: true, assessorId: true, decision: true },
        }),
      })
      const complete = decided.every((v) => v.verdict === 'signed_off' || v.verdict === 'not_yet')
      return {
        id: assessment.id,
        learnerId: evidence.userId,
        dossierSlug: evidence.dossierSlug,
        outcome: complete ? decided : null,
      }
    },
    { timeout: 20_000, maxWait: 20_000 },
  )
  // LTI grade passback (#20): a sign-off may move the work process up the ladder.
  await enqueueScoreUpdates(result.learnerId, {
    workProcesses: [{ dossierSlug: result.dossierSlug, code: input.workProcessCode }],
  })
  if (result.outcome) await notifyLearner(input.evidenceId, result.learnerId, result.outcome)
  return { id: result.id, learnerId: result.learnerId }
}

async function notifyLearner(
  evidenceId: string,
  learnerId: string,
  outcome: Array<{ code: string; verdict: string }>,
) {
  const [learner, evidence] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: learnerId }, select: { email: true } }),
    prisma.evidence.findUniqueOrThrow({ where: { id: evidenceId }, select: { title: true } }),
  ])
  await sendEmail({
    to: learner.email,
    ...assessmentDoneEmail('nl', {
      title: evidence.title,
      workProcesses: outcome
        .map((v) => ({ code: v.code, signedOff: v.verdict === 'signed_off' }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      link: `${env.PUBLIC_URL}/evidence/${evidenceId}`,
      records: `${env.PUBLIC_URL}/records`,
    }),
  })
}
