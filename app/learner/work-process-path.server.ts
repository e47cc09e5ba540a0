import { prisma } from '#app/db.server.ts'
import { currentCriteria } from '#app/assessment/criteria.server.ts'
import { verdicts } from '#app/assessment/evidence.server.ts'
import { coursesOfLearner } from '#app/domain/course-visibility.server.ts'
import { KNOWLEDGE_TYPES, LADDER, TOP_STEP } from '#app/domain/progress-rules.ts'

/**
 * One work process as a learner walks it (their "werkproces"): where they stand on the ladder,
 * the lessons and quizzes of their courses that train it and which are done, the evidence they
 * handed in for it with its judgement, and the one thing to do next. Only the signed-in
 * learner's own rows are read; another organisation's course does not count and does not show.
 * Null when the dossier has no such work process.
 */
export async function learnerWorkProcess(userId: string, dossierSlug: string, code: string) {
  const workProcess = await prisma.workProcess.findFirst({
    where: { code, dossier: { slug: dossierSlug } },
    orderBy: { dossier: { version: 'desc' } },
    select: {
      code: true,
      titleNl: true,
      titleEn: true,
      resultNl: true,
      resultEn: true,
      dossier: { select: { slug: true, qualificationNl: true, qualificationEn: true } },
      coreTask: { select: { code: true, titleNl: true, titleEn: true } },
    },
  })
  if (!workProcess) return null
  const [status, links, evidenceRows, memberships] = await Promise.all([
    prisma.workProcessStatus.findUnique({
      where: { userId_dossierSlug_workProcessCode: { userId, dossierSlug, workProcessCode: code } },
      select: { step: true },
    }),
    prisma.lessonWorkProcess.findMany({
      where: {
        workProcessCode: code,
        lesson: { courseVersion: { dossierSlug, currentOf: { is: coursesOfLearner(userId) } } },
      },
      orderBy: [
        { lesson: { courseVersion: { courseId: 'asc' } } },
        { lesson: { position: 'asc' } },
      ],
      select: {
        lesson: {
          select: {
            lessonKey: true,
            type: true,
            duration: true,
            titleNl: true,
            titleEn: true,
            courseVersion: { select: { courseId: true, titleNl: true, titleEn: true } },
          },
        },
      },
    }),
    prisma.evidence.findMany({
      where: { userId, dossierSlug, workProcesses: { some: { workProcessCode: code } } },
      orderBy: { submittedAt: 'desc' },
      select: {
        id: true,
        kind: true,
        title: true,
        submittedAt: true,
        workProcesses: { where: { workProcessCode: code }, select: { workProcessCode: true } },
        assessments: {
          where: { workProcessCode: code },
          orderBy: { createdAt: 'asc' },
          select: { workProcessCode: true, assessorId: true, decision: true, comment: true },
        },
      },
    }),
    prisma.membership.findMany({
      where: { userId, deactivatedAt: null },
      orderBy: { createdAt: 'asc' },
      select: { organisationId: true },
    }),
  ])
  const keys = links.map((l) => l.lesson.lessonKey)
  const [completions, attempts] = await Promise.all([
    prisma.lessonCompletion.findMany({
      where: { userId, lessonKey: { in: keys } },
      select: { lessonKey: true, completedAt: true },
    }),
    prisma.quizAttempt.groupBy({
      by: ['lessonKey'],
      where: { userId, lessonKey: { in: keys } },
      _max: { score: true },
      _count: { _all: true },
    }),
  ])
  const doneAt = new Map(completions.map((c) => [c.lessonKey, c.completedAt]))
  const bestScore = new Map(attempts.map((a) => [a.lessonKey, a._max.score]))
  const lessons = links
    .map((l) => l.lesson)
    .filter((l) => (KNOWLEDGE_TYPES as readonly string[]).includes(l.type))
    .map((l) => ({
      lessonKey: l.lessonKey,
      type: l.type,
      duration: l.duration,
      titleNl: l.titleNl,
      titleEn: l.titleEn,
      courseId: l.courseVersion.courseId,
      courseTitleNl: l.courseVersion.titleNl,
      courseTitleEn: l.courseVersion.titleEn,
      completedAt: doneAt.get(l.lessonKey) ?? null,
      bestScore: bestScore.get(l.lessonKey) ?? null,
    }))
  const evidence = evidenceRows.map((e) => ({
    id: e.id,
    kind: e.kind,
    title: e.title,
    submittedAt: e.submittedAt,
    verdict: verdicts(e)[0]!.verdict,
    comments: e.assessments.map((a) => a.comment).filter((c) => c.trim() !== ''),
  }))
  const step = status?.step ?? 0
  // What an assessor scores it on: the criteria of the learner's (first) organisation.
  const criteria = memberships[0]
    ? await currentCriteria(memberships[0].organisationId, dossierSlug, code)
    : null
  return {
    workProcess,
    step,
    stepKey: LADDER[step]!.key,
    lessons,
    evidence,
    criteria: criteria?.criteria ?? [],
    next: nextStep(step, lessons, evidence),
  }
}
export type LearnerWorkProcess = NonNullable<Awaited<ReturnType<typeof learnerWorkProcess>>>

export type NextStep =
  | { kind: 'lesson'; courseId: string; lessonKey: string; titleNl: string; titleEn: string | null }
  | { kind: 'evidence'; again: boolean }
  | { kind: 'awaiting' }
  | { kind: 'record' }

/**
 * The one thing that moves the learner up: the first lesson or quiz not yet done, then
 * workplace evidence (again, when the last judgement was "not yet"), then waiting for the
 * assessor, and at the top the record.
 */
export function nextStep(
  step: number,
  lessons: Array<{
    courseId: string
    lessonKey: string
    titleNl: string
    titleEn: string | null
    completedAt: Date | null
  }>,
  evidence: Array<{ verdict: string }>,
): NextStep {
  if (step >= TOP_STEP) return { kind: 'record' }
  const open = lessons.find((l) => !l.completedAt)
  if (open) {
    const { courseId, lessonKey, titleNl, titleEn } = open
    return { kind: 'lesson', courseId, lessonKey, titleNl, titleEn }
  }
  const pending = evidence.some((e) => e.verdict === 'awaiting' || e.verdict === 'awaiting_second')
  return pending ? { kind: 'awaiting' } : { kind: 'evidence', again: evidence.length > 0 }
}
