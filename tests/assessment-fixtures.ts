import { prisma } from '#app/db.server.ts'
import { recordAssessment } from '#app/assessment/assessments.server.ts'
import { currentCriteria } from '#app/assessment/criteria.server.ts'
import { submitEvidence, type EvidenceInput } from '#app/assessment/evidence.server.ts'
import {
  findPublishedLesson,
  recordCompletion,
  recordQuizAttempt,
} from '#app/domain/progress.server.ts'
import { KNOWLEDGE_TYPES } from '#app/domain/progress-rules.ts'

export const TL = 'contactcenter-teamleider'

/** Complete every published knowledge lesson of some work processes, passing the quizzes. */
export async function completeKnowledge(userId: string, codes: string[], dossierSlug = TL) {
  const lessons = await prisma.lesson.findMany({
    where: {
      type: { in: [...KNOWLEDGE_TYPES] },
      workProcesses: { some: { workProcessCode: { in: codes } } },
      courseVersion: { dossierSlug, currentOf: { isNot: null } },
    },
    select: { lessonKey: true, type: true },
  })
  for (const l of lessons) {
    const ref = (await findPublishedLesson(l.lessonKey))!
    if (l.type === 'quiz')
      await recordQuizAttempt(userId, ref, { score: 100, passMark: 75, passed: true, answers: [] })
    else await recordCompletion(userId, ref, l.type === 'scenario' ? 'scenario' : 'done')
  }
}

export function evidenceFor(
  userId: string,
  organisationId: string,
  codes: string[],
  extra: Partial<EvidenceInput> = {},
) {
  return submitEvidence({
    userId,
    organisationId,
    dossierSlug: TL,
    kind: 'coaching_log',
    title: 'Coachingslog week 12',
    narrative: 'Drie coachgesprekken met afspraken en een evaluatie na twee weken.',
    workProcessCodes: codes,
    competencies: ['C'],
    coreTaskCode: null,
    file: null,
    ...extra,
  })
}

/** An assessor scores every criterion "bekwaam" and decides. */
export async function judge(
  evidenceId: string,
  code: string,
  assessorId: string,
  decision: 'signed_off' | 'not_yet' = 'signed_off',
) {
  const evidence = await prisma.evidence.findUniqueOrThrow({
    where: { id: evidenceId },
    select: { organisationId: true, dossierSlug: true },
  })
  const criteria = (await currentCriteria(evidence.organisationId, evidence.dossierSlug, code))!
  return recordAssessment({
    evidenceId,
    workProcessCode: code,
    assessorId,
    decision,
    comment: decision === 'signed_off' ? 'Overtuigend laten zien.' : 'Nog niet zelfstandig.',
    criteriaVersion: criteria.version,
    scores: criteria.criteria.map(() => ({ level: 'bekwaam' as const, comment: '' })),
  })
}
