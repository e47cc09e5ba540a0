import { randomUUID } from 'node:crypto'
import { prisma, type Db as Client, type Tx } from '#app/db.server.ts'
import { enqueueScoreUpdates } from '#app/integrations/lti/affected-launches.server.ts'
import { forwardStatementsSoon } from '#app/integrations/lrs/delivery.server.ts'
import { workplaceFacts, workplaceKey } from '#app/assessment/workplace-facts.server.ts'
import { issueDueRecords } from '#app/records/issue-records.server.ts'
import { recordStepChanges } from '#app/employer/staff-counts.server.ts'
import { toJsonList } from '#app/utils/json-list.ts'
import { coursesOfLearner } from './course-visibility.server.ts'
import { ladderFacts, stepFor, TOP_STEP, type LinkedLesson } from './progress-rules.ts'

/** A lesson of a published course version, as the progress engine needs it. */
export type PublishedLessonRef = {
  lessonKey: string
  courseId: string
  dossierSlug: string
  workProcessCodes: string[]
}

export async function findPublishedLesson(
  lessonKey: string,
  db: Client = prisma,
): Promise<PublishedLessonRef | null> {
  const lesson = await db.lesson.findFirst({
    where: { lessonKey, courseVersion: { currentOf: { isNot: null } } },
    select: {
      courseVersion: { select: { courseId: true, dossierSlug: true } },
      workProcesses: { select: { workProcessCode: true } },
    },
  })
  if (!lesson) return null
  return {
    lessonKey,
    courseId: lesson.courseVersion.courseId,
    dossierSlug: lesson.courseVersion.dossierSlug,
    workProcessCodes: lesson.workProcesses.map((w) => w.workProcessCode),
  }
}

/**
 * The published lessons linked to each of these work processes (by the lessons' own mapping),
 * of the courses that count for this learner: another organisation's course must not hold
 * them back.
 */
export async function linkedLessons(
  db: Client,
  userId: string,
  dossierSlug: string,
  codes: string[],
) {
  const rows = await db.lessonWorkProcess.findMany({
    where: {
      workProcessCode: { in: codes },
      lesson: { courseVersion: { dossierSlug, currentOf: { is: coursesOfLearner(userId) } } },
    },
    select: { workProcessCode: true, lesson: { select: { lessonKey: true, type: true } } },
  })
  const byCode = new Map<string, LinkedLesson[]>(codes.map((c) => [c, []]))
  for (const r of rows) byCode.get(r.workProcessCode)?.push(r.lesson)
  return byCode
}

/** A work process as an event object: codes are per dossier, so the dossier is part of it. */
export const workProcessObjectId = (dossierSlug: string, code: string) => `${dossierSlug}/${code}`

function event(
  tx: Tx,
  data: {
    userId: string
    verb: string
    objectType: string
    objectId: string
    courseId?: string
    lessonKey?: string
    workProcessCodes?: string[]
    resultScore?: number
    resultSuccess?: boolean
    resultStep?: number
  },
) {
  const { workProcessCodes = [], ...rest } = data
  return tx.learningEvent.create({
    data: { id: randomUUID(), ...rest, workProcessCodes: toJsonList(workProcessCodes) },
  })
}

/**
 * Insert a row unless its unique key exists: one statement, the same on SQLite and
 * PostgreSQL, that never fails on a duplicate (so the transaction goes on). Returns whether
 * a row was written. Concurrent duplicates are resolved by the database, not by reading first.
 */
async function insertCompletion(tx: Tx, userId: string, lesson: PublishedLessonRef, via: string) {
  const inserted = await tx.$executeRaw`
    INSERT INTO "LessonCompletion" ("userId", "lessonKey", "courseId", "via", "completedAt")
    VALUES (${userId}, ${lesson.lessonKey}, ${lesson.courseId}, ${via}, ${new Date()})
    ON CONFLICT DO NOTHING`
  return inserted === 1
}

async function insertEnrolment(
  tx: Tx,
  userId: string,
  courseId: string,
  source: string,
  assignedById: string | null,
  dueAt: Date | null,
) {
  const inserted = await tx.$executeRaw`
    INSERT INTO "Enrolment" ("id", "userId", "courseId", "source", "assignedById", "dueAt", "createdAt")
    VALUES (${randomUUID()}, ${userId}, ${courseId}, ${source}, ${assignedById}, ${dueAt}, ${new Date()})
    ON CONFLICT DO NOTHING`
  return inserted === 1
}

/**
 * Bring a learner's steps on some work processes up to what the rules give now. The status
 * rows are locked first (an upsert), in a fixed order, so parallel completions of the same
 * learner queue here instead of each counting without the other's row. Only ever upward; each
 * rise is recorded as a `progressed` event. Cost: bounded by the lessons linked to these work
 * processes, never by the learner's history.
 */
export async function raiseStatuses(tx: Tx, userId: string, dossierSlug: string, codes: string[]) {
  const sorted = [...new Set(codes)].sort()
  const current = new Map<string, number>()
  for (const workProcessCode of sorted) {
    const row = await tx.workProcessStatus.upsert({
      where: { userId_dossierSlug_workProcessCode: { userId, dossierSlug, workProcessCode } },
      create: { userId, dossierSlug, workProcessCode, step: 0 },
      update: { updatedAt: new Date() },
      select: { step: true },
    })
    current.set(workProcessCode, row.step)
  }
  const linked = await linkedLessons(tx, userId, dossierSlug, sorted)
  const keys = [...new Set([...linked.values()].flat().map((l) => l.lessonKey))]
  const done = new Set(
    (
      await tx.lessonCompletion.findMany({
        where: { userId, lessonKey: { in: keys } },
        select: { lessonKey: true },
      })
    ).map((c) => c.lessonKey),
  )
  const workplace = await workplaceFacts(tx, { userId, dossierSlug, codes: sorted })
  const raised: Array<{ code: string; step: number }> = []
  for (const code of sorted) {
    const facts = workplace.get(workplaceKey(userId, dossierSlug, code))
    const step = stepFor(ladderFacts(linked.get(code) ?? [], done, facts))
    if (step <= current.get(code)!) continue
    await tx.workProcessStatus.update({
      where: { userId_dossierSlug_workProcessCode: { userId, dossierSlug, workProcessCode: code } },
      data: { step },
    })
    await event(tx, {
      userId,
      verb: 'progressed',
      objectType: 'work-process',
      objectId: workProcessObjectId(dossierSlug, code),
      resultStep: step,
      workProcessCodes: [code],
    })
    raised.push({ code, step })
  }
  await recordStepChanges(
    tx,
    userId,
    dossierSlug,
    raised.map((r) => ({ code: r.code, from: current.get(r.code)!, to: r.step })),
  )
  // Reaching the top of the ladder completes a work process: its record is issued now, in
  // the same transaction (and with it any core task or qualification it completes).
  if (raised.some((r) => r.step === TOP_STEP)) await issueDueRecords(tx, userId, dossierSlug)
  return raised
}

/**
 * A learner completed a lesson. Idempotent: a second call (double click, retry, another tab,
 * another server) finds the completion there and changes nothing. The completion, its event,
 * an automatic enrolment and the status changes are one transaction.
 */
export async function recordCompletion(
  userId: string,
  lesson: PublishedLessonRef,
  via: 'done' | 'quiz' | 'scenario' | 'package',
) {
  const result = await prisma.$transaction(async (tx) => completeIn(tx, userId, lesson, via), {
    timeout: 20_000,
    maxWait: 20_000,
  })
  if (result.completed) await progressChanged(userId, lesson, result.raised)
  return result
}

/**
 * After the commit of new progress, through the job queue: the LTI platforms that linked this
 * lesson, its course or a raised work process get the learner's new score (#20), and the
 * organisations forwarding to their own LRS get the new events (#21). Neither throws: the
 * progress is saved already.
 */
async function progressChanged(
  userId: string,
  lesson: PublishedLessonRef,
  raised: Array<{ code: string }>,
) {
  await Promise.all([
    enqueueScoreUpdates(userId, {
      lessonKey: lesson.lessonKey,
      courseId: lesson.courseId,
      workProcesses: raised.map((r) => ({ dossierSlug: lesson.dossierSlug, code: r.code })),
    }),
    forwardStatementsSoon(userId),
  ])
}

async function completeIn(tx: Tx, userId: string, lesson: PublishedLessonRef, via: string) {
  if (!(await insertCompletion(tx, userId, lesson, via))) return { completed: false, raised: [] }
  if (await insertEnrolment(tx, userId, lesson.courseId, 'self', null, null)) {
    await event(tx, {
      userId,
      verb: 'enrolled',
      objectType: 'course',
      objectId: lesson.courseId,
      courseId: lesson.courseId,
    })
  }
  await event(tx, {
    userId,
    verb: 'completed',
    objectType: 'lesson',
    objectId: lesson.lessonKey,
    courseId: lesson.courseId,
    lessonKey: lesson.lessonKey,
    workProcessCodes: lesson.workProcessCodes,
  })
  const raised = await raiseStatuses(tx, userId, lesson.dossierSlug, lesson.workProcessCodes)
  return { completed: true, raised }
}

/** A graded quiz attempt: always kept (history); a passed one also completes the lesson. */
export async function recordQuizAttempt(
  userId: string,
  lesson: PublishedLessonRef,
  result: { score: number; passMark: number; passed: boolean; answers: number[][] },
) {
  const outcome = await prisma.$transaction(
    async (tx) => {
      await tx.quizAttempt.create({
        data: {
          userId,
          lessonKey: lesson.lessonKey,
          courseId: lesson.courseId,
          score: result.score,
          passMark: result.passMark,
          passed: result.passed,
          answers: JSON.stringify(result.answers),
        },
      })
      await event(tx, {
        userId,
        verb: result.passed ? 'passed' : 'failed',
        objectType: 'lesson',
        objectId: lesson.lessonKey,
        courseId: lesson.courseId,
        lessonKey: lesson.lessonKey,
        workProcessCodes: lesson.workProcessCodes,
        resultScore: result.score,
        resultSuccess: result.passed,
      })
      return result.passed
        ? completeIn(tx, userId, lesson, 'quiz')
        : { completed: false, raised: [] }
    },
    { timeout: 20_000, maxWait: 20_000 },
  )
  // Every graded attempt is an event, and may raise the best score a quiz link reports.
  await progressChanged(userId, lesson, outcome.raised)
  return outcome
}
