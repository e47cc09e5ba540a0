import { prisma, type Tx } from '#app/db.server.ts'
import { assessorsRequired, type EvidenceKind } from '#app/assessment/assessment-rules.ts'
import { evidenceOptions, resolveChoice } from '#app/assessment/evidence-options.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { raiseStatuses } from '#app/domain/progress.server.ts'
import { sendEmail } from '#app/email/mailer.server.ts'
import { evidenceReceivedEmail } from '#app/email/templates.ts'
import { env } from '#app/env.server.ts'
import { toJsonList } from '#app/utils/json-list.ts'

/**
 * Evidence the quality loop hands in for the assessor queue: the writes of submitEvidence
 * (evidence, its audit line, the learner's steps), but inside the caller's transaction, so
 * a rule's firing or a coach's selection of sessions is stored together with it or not at
 * all. Steps rise at most to "demonstrated": competent needs an assessor's sign-off.
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
  const evidence = await tx.evidence.create({
    data: {
      userId: input.userId,
      organisationId: input.organisationId,
      dossierSlug: input.dossierSlug,
      kind: input.kind,
      title: input.title.slice(0, 200),
      narrative: input.narrative,
      competencies: toJsonList(input.competencies),
      coreTaskCode: null,
      workProcesses: {
        create: input.workProcessCodes.map((workProcessCode) => ({ workProcessCode })),
      },
    },
    select: { id: true },
  })
  await audit(tx, {
    actorId: input.actorId,
    organisationId: input.organisationId,
    action: 'evidence.submitted',
    subjectType: 'evidence',
    subjectId: evidence.id,
    detail: { kind: input.kind, workProcessCodes: input.workProcessCodes, ...input.detail },
  })
  await raiseStatuses(tx, input.userId, input.dossierSlug, input.workProcessCodes)
  return evidence.id
}

/** The competencies these codes of one dossier show (as the evidence form derives them). */
export async function competenciesOf(kind: EvidenceKind, codes: string[]) {
  const choice = resolveChoice(await evidenceOptions(), { kind, workProcessCodes: codes })
  return choice.ok ? choice.competencies : []
}

/** Tell the organisation's assessors (not the learner) there is evidence to judge. */
export async function notifyAssessorsOf(evidenceId: string) {
  const evidence = await prisma.evidence.findUniqueOrThrow({
    where: { id: evidenceId },
    select: {
      title: true,
      kind: true,
      userId: true,
      user: { select: { name: true } },
      organisation: { select: { id: true, slug: true, name: true } },
    },
  })
  const assessors = await prisma.membership.findMany({
    where: {
      organisationId: evidence.organisation.id,
      deactivatedAt: null,
      roles: { some: { role: 'assessor' } },
      userId: { not: evidence.userId },
    },
    select: { user: { select: { email: true } } },
  })
  const message = evidenceReceivedEmail('nl', {
    learner: evidence.user.name,
    title: evidence.title,
    organisation: evidence.organisation.name,
    assessors: assessorsRequired(evidence.kind),
    link: `${env.PUBLIC_URL}/orgs/${evidence.organisation.slug}/assessments/${evidenceId}`,
  })
  for (const a of assessors) await sendEmail({ to: a.user.email, ...message })
}
