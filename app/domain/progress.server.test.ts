import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from './dossier-folder.server.ts'
import { importCourses } from './course-import.server.ts'
import {
  findPublishedLesson,
  recordCompletion,
  recordQuizAttempt,
  type PublishedLessonRef,
} from './progress.server.ts'
import { computeAllStatuses, rebuildStatuses, storedStatuses } from './progress-rebuild.server.ts'
import { makeMember, makeOrganisation, makeOrganisationCourse, makeUser } from '#tests/factories.ts'

let lessons: PublishedLessonRef[]
const lesson = (key: string) => lessons.find((l) => l.lessonKey === key)!
const stepOf = async (userId: string, code: string) =>
  (
    await prisma.workProcessStatus.findUnique({
      where: {
        userId_dossierSlug_workProcessCode: {
          userId,
          dossierSlug: 'contactcenter-teamleider',
          workProcessCode: code,
        },
      },
    })
  )?.step ?? 0

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  const keys = await prisma.lesson.findMany({
    where: { courseVersion: { currentOf: { isNot: null } } },
    orderBy: [{ courseVersion: { courseId: 'asc' } }, { position: 'asc' }],
    select: { lessonKey: true },
  })
  lessons = (await Promise.all(keys.map((k) => findPublishedLesson(k.lessonKey)))).filter(
    (l) => l !== null,
  )
}, 120_000)

describe('recording progress', () => {
  test('a work process climbs: lesson → learning; lesson, scenario and passed quiz → knowledge complete', async () => {
    const { id } = await makeUser()
    expect(await stepOf(id, 'TL-K2-W1')).toBe(0)
    await recordCompletion(id, lesson('tl-k2-w1-inwerkplan'), 'done')
    expect(await stepOf(id, 'TL-K2-W1')).toBe(1)
    await recordQuizAttempt(id, lesson('tl-k2-w1-quiz'), {
      score: 40,
      passMark: 75,
      passed: false,
      answers: [],
    })
    await recordCompletion(id, lesson('tl-k2-w1-scenario-eerste-week'), 'scenario')
    expect(await stepOf(id, 'TL-K2-W1')).toBe(1)
    await recordQuizAttempt(id, lesson('tl-k2-w1-quiz'), {
      score: 80,
      passMark: 75,
      passed: true,
      answers: [],
    })
    expect(await stepOf(id, 'TL-K2-W1')).toBe(2)
    expect(await prisma.quizAttempt.count({ where: { userId: id } })).toBe(2)
    const verbs = (
      await prisma.learningEvent.findMany({ where: { userId: id }, orderBy: { timestamp: 'asc' } })
    ).map((e) => e.verb)
    expect(verbs).toEqual([
      'enrolled',
      'completed',
      'progressed',
      'failed',
      'completed',
      'passed',
      'completed',
      'progressed',
    ])
  })

  test('20 concurrent completions of the same lesson make one completion, one event, one step', async () => {
    const { id } = await makeUser()
    const l = lesson('tl-k2-w3-coachgesprek')
    const results = await Promise.all(
      Array.from({ length: 20 }, () => recordCompletion(id, l, 'done')),
    )
    expect(results.filter((r) => r.completed)).toHaveLength(1)
    expect(await prisma.lessonCompletion.count({ where: { userId: id } })).toBe(1)
    expect(await prisma.learningEvent.count({ where: { userId: id, verb: 'completed' } })).toBe(1)
    expect(await prisma.learningEvent.count({ where: { userId: id, verb: 'progressed' } })).toBe(1)
    expect(await prisma.enrolment.count({ where: { userId: id } })).toBe(1)
    expect(await stepOf(id, 'TL-K2-W3')).toBe(1)
  })

  test('20 concurrent completions of different lessons: none lost, no step skipped or counted twice', async () => {
    const { id } = await makeUser()
    const chosen = lessons.filter((l) => l.dossierSlug === 'contactcenter-teamleider').slice(0, 20)
    expect(chosen).toHaveLength(20)
    await Promise.all(
      chosen.map((l) =>
        recordCompletion(
          id,
          l,
          l.lessonKey.includes('quiz') || l.lessonKey.includes('toets') ? 'quiz' : 'done',
        ),
      ),
    )
    expect(await prisma.lessonCompletion.count({ where: { userId: id } })).toBe(20)
    expect(await prisma.learningEvent.count({ where: { userId: id, verb: 'completed' } })).toBe(20)
    // What the parallel requests stored equals a recomputation from scratch.
    const computed = [...(await computeAllStatuses()).entries()].filter(([k]) =>
      k.startsWith(`${id}|`),
    )
    const stored = [...(await storedStatuses()).entries()].filter(([k]) => k.startsWith(`${id}|`))
    expect(new Map(stored)).toEqual(new Map(computed))
    expect(computed.some(([, step]) => step === 2)).toBe(true)
  })

  test(
    'the rebuild equals the incremental result on a generated history',
    { timeout: 300_000 },
    async () => {
      // A seeded pseudo-random history: learners complete lessons and take quizzes in any order.
      let seed = 42
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
      // Half of them belong to an organisation with a course of its own on the same work
      // processes; for the others its lessons count for nothing, in both computations.
      const organisation = await makeOrganisation()
      const own = await makeOrganisationCourse(organisation.id, [
        { type: 'lesson', workProcessCodes: ['TL-K2-W1'] },
        { type: 'quiz', workProcessCodes: ['TL-K2-W1', 'TL-K2-W3'] },
      ])
      const learners = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          i % 2 === 0 ? makeUser() : makeMember(organisation.id, ['learner']).then((m) => m.user),
        ),
      )
      const pool = [
        ...lessons,
        ...(await Promise.all(own.lessonKeys.map((k) => findPublishedLesson(k)))).map((l) => l!),
      ]
      for (let i = 0; i < 300; i++) {
        const user = learners[Math.floor(random() * learners.length)]!
        const l = pool[Math.floor(random() * pool.length)]!
        if (l.lessonKey.includes('quiz') || l.lessonKey.includes('toets')) {
          const score = Math.floor(random() * 101)
          await recordQuizAttempt(user.id, l, {
            score,
            passMark: 75,
            passed: score >= 75,
            answers: [],
          })
        } else {
          await recordCompletion(user.id, l, 'done')
        }
      }
      const report = await rebuildStatuses({ write: false })
      expect(report.differences).toEqual([])
      expect(report.compared).toBeGreaterThan(20)
    },
  )

  test('progress never goes back when a work process gets more lessons', async () => {
    const { id } = await makeUser()
    await recordCompletion(id, lesson('tl-k2-w2-ondersteunen'), 'done')
    await recordQuizAttempt(id, lesson('tl-k2-w2-quiz'), {
      score: 100,
      passMark: 75,
      passed: true,
      answers: [],
    })
    expect(await stepOf(id, 'TL-K2-W2')).toBe(2)
    // A new mapping: another lesson now also trains TL-K2-W2, so the rules alone would say 1.
    const extra = await prisma.lesson.findFirstOrThrow({
      where: { lessonKey: 'tl-k2-w4-instructie', courseVersion: { currentOf: { isNot: null } } },
    })
    await prisma.lessonWorkProcess.create({
      data: { lessonId: extra.id, workProcessCode: 'TL-K2-W2' },
    })
    try {
      await recordCompletion(id, lesson('tl-k2-w1-inwerkplan'), 'done')
      expect(await stepOf(id, 'TL-K2-W2')).toBe(2)
      const report = await rebuildStatuses({ write: false })
      expect(report.differences.filter((d) => d.key.startsWith(id))).toEqual([])
    } finally {
      await prisma.lessonWorkProcess.delete({
        where: { lessonId_workProcessCode: { lessonId: extra.id, workProcessCode: 'TL-K2-W2' } },
      })
    }
  })
})

describe('content changes', () => {
  test('a lesson removed in a new course version keeps its history; completions count by stable id', async () => {
    const { id } = await makeUser()
    await recordCompletion(id, lesson('tl-k3-w4-vloer'), 'done')
    await recordQuizAttempt(id, lesson('tl-k3-w4-quiz'), {
      score: 100,
      passMark: 75,
      passed: true,
      answers: [],
    })
    expect(await stepOf(id, 'TL-K3-W4')).toBe(2)

    // Version 2 of the course: the quiz of TL-K3-W4 is gone, the reading lesson is reworded.
    const fs = await import('node:fs')
    const path = await import('node:path')
    const { coursesFixture } = await import('#tests/course-fixtures.ts')
    const root = coursesFixture({
      'tl-k3-dagelijkse-operatie/04-vloer/01-toezicht-op-de-vloer.mdx': (t) =>
        `${t}\n\nEen nieuwe alinea.\n`,
    })
    fs.rmSync(path.join(root, 'tl-k3-dagelijkse-operatie/04-vloer/02-quiz-vloer.mdx'))
    const result = await importCourses(root)
    expect(result.problems).toEqual([])
    expect(result.courses.find((c) => c.id === 'tl-k3-dagelijkse-operatie')?.status).toBe('created')
    try {
      // The completion of the reworded lesson still counts (same id); the removed quiz's
      // completion, attempt and events are all still there.
      expect(await prisma.lessonCompletion.count({ where: { userId: id } })).toBe(2)
      expect(
        await prisma.quizAttempt.count({ where: { userId: id, lessonKey: 'tl-k3-w4-quiz' } }),
      ).toBe(1)
      expect(
        await prisma.learningEvent.count({ where: { userId: id, lessonKey: 'tl-k3-w4-quiz' } }),
      ).toBe(2)
      expect(await stepOf(id, 'TL-K3-W4')).toBe(2)
      expect(
        (await rebuildStatuses({ write: false })).differences.filter((d) => d.key.startsWith(id)),
      ).toEqual([])
    } finally {
      // Publish the repository's content again for the other tests.
      await importCourses()
    }
  })
})
