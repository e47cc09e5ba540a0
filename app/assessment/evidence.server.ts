import { prisma, type Tx } from '#app/db.server.ts'
import { env } from '#app/env.server.ts'
import { sendEmail } from '#app/email/mailer.server.ts'
import { evidenceReceivedEmail } from '#app/email/templates.ts'
import type { EvidenceFileType } from '#app/evidence/file-type.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { raiseStatuses } from '#app/domain/progress.server.ts'
import { enqueueScoreUpdates } from '#app/integrations/lti/affected-launches.server.ts'
import { objectStorage } from '#app/storage/object-storage.server.ts'
import { attachUpload, completedUpload, UploadError } from '#app/storage/uploads.server.ts'
import { parseJsonList, toJsonList } from '#app/utils/json-list.ts'
import { assessorsRequired, type EvidenceKind } from './assessment-rules.ts'

export type EvidenceInput = {
  userId: string
  organisationId: string
  dossierSlug: string
  kind: EvidenceKind
  title: string
  narrative: string
  workProcessCodes: string[]
  competencies: string[]
  coreTaskCode: string | null
  /** Bytes from the form, or a completed upload of this learner (a large recording). */
  file: { bytes: Uint8Array; name: string; type: EvidenceFileType } | { uploadId: string } | null
}

/**
 * A learner hands in workplace evidence. A file from the form is stored first and removed again
 * when the database write fails, so nothing is left half-written; a completed upload is
 * attached in the same transaction (and stays completed, for another try, when it fails). The evidence, its audit line and the
 * learner's new steps ("demonstrated") are one transaction; the organisation's assessors are
 * told by e-mail afterwards.
 */
export async function submitEvidence(input: EvidenceInput) {
  const { file, workProcessCodes, competencies, ...rest } = input
  const storage = objectStorage()
  let fileFields: { fileKey: string; fileName: string; fileType: string; fileSize: number } | null =
    null
  let fileKey: string | null = null
  let uploadId: string | null = null
  if (file && 'uploadId' in file) {
    // Already stored and type-checked when it was completed; attached below, in the
    // transaction, which fails when someone else attached it first.
    const upload = await completedUpload(input.userId, file.uploadId)
    if (!upload) throw new UploadError(409, 'upload.notAttachable')
    uploadId = upload.id
    fileFields = {
      fileKey: upload.objectKey,
      fileName: upload.fileName,
      fileType: upload.fileType,
      fileSize: upload.size,
    }
  } else if (file) {
    fileKey = await storage.put(file.bytes)
    fileFields = {
      fileKey,
      fileName: file.name,
      fileType: file.type.mime,
      fileSize: file.bytes.length,
    }
  }
  let id: string
  try {
    id = await prisma.$transaction(
      async (tx) => {
        const evidence = await insertEvidence(tx, {
          ...rest,
          workProcessCodes,
          competencies,
          file: fileFields,
          actorId: input.userId,
          detail: { file: fileFields?.fileType ?? null },
        })
        if (uploadId) await attachUpload(tx, input.userId, uploadId, evidence.id)
        return evidence.id
      },
      { timeout: 20_000, maxWait: 20_000 },
    )
  } catch (error) {
    if (fileKey) await storage.delete(fileKey)
    throw error
  }
  // LTI grade passback (#20): links to these work processes get the learner's new step.
  await enqueueScoreUpdates(input.userId, {
    workProcesses: workProcessCodes.map((code) => ({ dossierSlug: input.dossierSlug, code })),
  })
  await notifyAssessors(id)
  return { id }
}

/**
 * The writes of handing in evidence, inside the caller's transaction: the evidence, its audit
 * line and the learner's steps (at most "demonstrated": competent needs an assessor). The
 * evidence form uses it, and so does the quality loop (a rule's firing, a coach's hand-in),
 * so its evidence is stored together with what caused it or not at all.
 */
export async function insertEvidence(
  tx: Tx,
  input: Omit<EvidenceInput, 'file'> & {
    file: { fileKey: string; fileName: string; fileType: string; fileSize: number } | null
    actorId: string | null
    detail?: Record<string, unknown>
  },
) {
  const { file, workProcessCodes, competencies, actorId, detail, ...rest } = input
  const evidence = await tx.evidence.create({
    data: {
      ...rest,
      title: rest.title.slice(0, 200),
      competencies: toJsonList(competencies),
      ...(file ?? {}),
      workProcesses: {
        create: workProcessCodes.map((workProcessCode) => ({ workProcessCode })),
      },
    },
    select: { id: true },
  })
  await audit(tx, {
    actorId,
    organisationId: input.organisationId,
    action: 'evidence.submitted',
    subjectType: 'evidence',
    subjectId: evidence.id,
    detail: { kind: input.kind, workProcessCodes, ...detail },
  })
  await raiseStatuses(tx, input.userId, input.dossierSlug, workProcessCodes)
  return evidence
}

/** Tell the organisation's assessors (not the learner) there is evidence to judge. */
export async function notifyAssessors(evidenceId: string) {
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

/** One piece of evidence with every judgement on it, for the learner and the assessors. */
export async function getEvidence(id: string) {
  const evidence = await prisma.evidence.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      organisationId: true,
      dossierSlug: true,
      kind: true,
      title: true,
      narrative: true,
      competencies: true,
      coreTaskCode: true,
      fileKey: true,
      fileName: true,
      fileType: true,
      fileSize: true,
      submittedAt: true,
      user: { select: { name: true } },
      organisation: { select: { slug: true, name: true } },
      workProcesses: { select: { workProcessCode: true }, orderBy: { workProcessCode: 'asc' } },
      assessments: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          workProcessCode: true,
          assessorId: true,
          decision: true,
          comment: true,
          createdAt: true,
          assessor: { select: { name: true } },
          scores: {
            orderBy: { position: 'asc' },
            select: {
              position: true,
              criterionNl: true,
              criterionEn: true,
              requiredLevel: true,
              level: true,
              comment: true,
            },
          },
        },
      },
    },
  })
  return evidence && { ...evidence, competencies: parseJsonList(evidence.competencies) }
}
export type EvidenceDetail = NonNullable<Awaited<ReturnType<typeof getEvidence>>>

export type WorkProcessVerdict = 'awaiting' | 'awaiting_second' | 'signed_off' | 'not_yet'

/** Where each work process of a piece of evidence stands. */
export function verdicts(evidence: {
  kind: string
  workProcesses: Array<{ workProcessCode: string }>
  assessments: Array<{ workProcessCode: string; assessorId: string; decision: string }>
}) {
  return evidence.workProcesses.map(({ workProcessCode: code }) => {
    const judged = evidence.assessments.filter((a) => a.workProcessCode === code)
    const signatures = judged.filter((a) => a.decision === 'signed_off').length
    let verdict: WorkProcessVerdict = 'awaiting'
    if (judged.some((a) => a.decision === 'not_yet')) verdict = 'not_yet'
    else if (signatures >= assessorsRequired(evidence.kind)) verdict = 'signed_off'
    else if (signatures > 0) verdict = 'awaiting_second'
    return { code, verdict, assessorIds: judged.map((a) => a.assessorId) }
  })
}

/** A learner's own evidence, newest first. */
export async function listLearnerEvidence(userId: string) {
  const rows = await prisma.evidence.findMany({
    where: { userId },
    orderBy: { submittedAt: 'desc' },
    select: {
      id: true,
      kind: true,
      title: true,
      submittedAt: true,
      organisation: { select: { name: true } },
      workProcesses: { select: { workProcessCode: true }, orderBy: { workProcessCode: 'asc' } },
      assessments: { select: { workProcessCode: true, assessorId: true, decision: true } },
    },
  })
  return rows.map((r) => ({ ...r, verdicts: verdicts(r) }))
}

/**
 * What an assessor can pick up in an organisation: evidence with a work process that still
 * needs a judgement and that this assessor has not judged (a proeve's second signature must
 * come from someone else). Their own evidence never shows.
 */
export async function assessmentQueue(organisationId: string, assessorId: string) {
  const rows = await prisma.evidence.findMany({
    where: { organisationId, userId: { not: assessorId } },
    orderBy: { submittedAt: 'asc' },
    select: {
      id: true,
      kind: true,
      title: true,
      submittedAt: true,
      dossierSlug: true,
      user: { select: { name: true } },
      workProcesses: { select: { workProcessCode: true }, orderBy: { workProcessCode: 'asc' } },
      assessments: { select: { workProcessCode: true, assessorId: true, decision: true } },
    },
  })
  return rows
    .map((r) => {
      const open = verdicts(r).filter(
        (v) =>
          (v.verdict === 'awaiting' || v.verdict === 'awaiting_second') &&
          !v.assessorIds.includes(assessorId),
      )
      return {
        ...r,
        open: open.map((v) => v.code),
        secondAssessor: open.some((v) => v.verdict === 'awaiting_second'),
      }
    })
    .filter((r) => r.open.length > 0)
}
