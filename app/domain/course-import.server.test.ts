import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from './dossier-folder.server.ts'
import { importCourses } from './course-import.server.ts'
import { coverageOf, isGap } from './coverage.server.ts'
import * as lessonRoute from '#app/routes/public/lesson.tsx'
import { LESSON, QUIZ, coursesFixture } from '#tests/course-fixtures.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'
import { cookieFor, makeUser } from '#tests/factories.ts'

beforeAll(async () => {
  await importDossierFolder()
})

describe('importing courses', () => {
  test('publishes every course; a second run changes nothing and compiles nothing', async () => {
    const first = await importCourses()
    expect(first.problems).toEqual([])
    expect(first.courses.every((c) => c.status === 'created' || c.status === 'unchanged')).toBe(
      true,
    )
    const compiled = await prisma.compiledMdx.count()
    const versions = await prisma.courseVersion.count()
    const again = await importCourses()
    expect(again.courses.every((c) => c.status === 'unchanged')).toBe(true)
    expect(await prisma.compiledMdx.count()).toBe(compiled)
    expect(await prisma.courseVersion.count()).toBe(versions)
  })

  test('a changed lesson makes a new version; unchanged lessons reuse their compiled code', async () => {
    await importCourses()
    const before = await prisma.compiledMdx.count()
    const root = coursesFixture({ [LESSON]: (t) => `${t}\n\nEen extra alinea.\n` })
    const result = await importCourses(root)
    expect(result.courses.find((c) => c.id === 'tl-k2-coachen')).toMatchObject({
      status: 'created',
      version: 2,
    })
    expect(await prisma.compiledMdx.count()).toBe(before + 1)
    const v1 = await prisma.courseVersion.findUniqueOrThrow({
      where: { courseId_version: { courseId: 'tl-k2-coachen', version: 1 } },
      include: { lessons: true },
    })
    expect(v1.lessons.length).toBeGreaterThan(0)
  })

  test('a folder never overwrites a course authored in the browser under the same id', async () => {
    await importCourses()
    await prisma.course.update({ where: { id: 'tl-k4-projecten' }, data: { source: 'browser' } })
    try {
      const current = await prisma.course.findUniqueOrThrow({ where: { id: 'tl-k4-projecten' } })
      const result = await importCourses(coursesFixture({}))
      expect(result.rejected.map((r) => r.id)).toEqual(['tl-k4-projecten'])
      expect(result.problems.map((p) => p.message).join()).toContain('authored in the browser')
      expect(
        (await prisma.course.findUniqueOrThrow({ where: { id: 'tl-k4-projecten' } }))
          .currentVersionId,
      ).toBe(current.currentVersionId)
    } finally {
      await prisma.course.update({
        where: { id: 'tl-k4-projecten' },
        data: { source: 'repository' },
      })
    }
  })

  test('a broken file never replaces the published version of its course', async () => {
    await importCourses()
    const current = await prisma.course.findUniqueOrThrow({ where: { id: 'tl-k2-coachen' } })
    const root = coursesFixture({
      [QUIZ]: (t) => t.replace('workProcesses: [TL-K2-W3]', 'workProcesses: [TL-K9-W9]'),
    })
    const result = await importCourses(root)
    expect(result.rejected.map((r) => r.id)).toEqual(['tl-k2-coachen'])
    expect(result.problems.length).toBeGreaterThan(0)
    expect(
      (await prisma.course.findUniqueOrThrow({ where: { id: 'tl-k2-coachen' } })).currentVersionId,
    ).toBe(current.currentVersionId)
    // The other courses are not held back by it.
    expect(result.courses.map((c) => c.id)).toContain('tl-k1-leidinggeven')
  })

  test('coverage: all 17 team-leader work processes have a lesson and a quiz', async () => {
    await importCourses()
    const coverage = (await coverageOf('contactcenter-teamleider'))!
    expect(coverage.rows).toHaveLength(17)
    expect(coverage.rows.filter(isGap).map((r) => r.code)).toEqual([])
    const scenarios = coverage.rows.reduce((n, r) => n + r.counts.scenario, 0)
    expect(scenarios).toBeGreaterThanOrEqual(3)
  })
})

describe('a lesson page', () => {
  test('never sends the answer key before submission; grading returns it after', async () => {
    await importCourses()
    const path = '/courses/tl-k2-coachen/tl-k2-w3-quiz'
    const params = { courseId: 'tl-k2-coachen', lessonKey: 'tl-k2-w3-quiz' }
    const page = await call(lessonRoute.loader, getRequest(path), params)
    expect(page.status).toBe(200)
    const payload = JSON.stringify(page.data)
    expect(payload).toContain('passMark')
    expect(payload).not.toMatch(/correct:(!0|true)/)
    expect(payload).not.toContain('quizKey')
    expect(payload).not.toContain('Coaching is gericht op ontwikkeling') // first question's feedback
    // Nor does the course page, which lists the quiz among its lessons.
    const { loader: courseLoader } = await import('#app/routes/public/course.tsx')
    const coursePage = await call(courseLoader, getRequest('/courses/tl-k2-coachen'), {
      courseId: 'tl-k2-coachen',
    })
    expect(JSON.stringify(coursePage.data)).not.toContain('quizKey')
    expect(JSON.stringify(coursePage.data)).not.toMatch(/"correct"/)
    const graded = await call(
      lessonRoute.action,
      formRequest(path, { intent: 'quiz', q0: '1', q1: '1', q3: '1' }),
      params,
    )
    const result = (
      graded.data as {
        quizResult: { correctCount: number; questions: Array<{ feedback: string }> }
      }
    ).quizResult
    expect(result.correctCount).toBe(3)
    expect(result.questions[0]!.feedback).toContain('Coaching is gericht op ontwikkeling')
  })
})

test('a reflection is saved for the signed-in learner only, and asks others to log in', async () => {
  await importCourses()
  const path = '/courses/tl-k2-coachen/tl-k2-w3-coachgesprek'
  const params = { courseId: 'tl-k2-coachen', lessonKey: 'tl-k2-w3-coachgesprek' }
  const fields = {
    intent: 'reflection',
    reflectionId: 'eigen-aanpak',
    text: 'Ik vraag eerst hoe de medewerker het zelf ziet.',
  }
  expect((await call(lessonRoute.action, formRequest(path, fields), params)).status).toBe(401)
  const user = await makeUser()
  const cookie = await cookieFor(user.id)
  expect(
    (await call(lessonRoute.action, formRequest(path, fields, { cookie }), params)).status,
  ).toBe(200)
  const page = await call(lessonRoute.loader, getRequest(path, cookie), params)
  expect((page.data as { reflections: Record<string, string> }).reflections).toEqual({
    'eigen-aanpak': fields.text,
  })
  const other = await call(
    lessonRoute.loader,
    getRequest(path, await cookieFor((await makeUser()).id)),
    params,
  )
  expect((other.data as { reflections: Record<string, string> }).reflections).toEqual({})
  const tooLong = await call(
    lessonRoute.action,
    formRequest(path, { ...fields, text: 'x'.repeat(5001) }, { cookie }),
    params,
  )
  expect(tooLong.status).toBe(400)
})
