import { beforeAll, describe, expect, test } from 'vitest'
import * as lessonPage from './lesson.tsx'
import { importCourses, type StoredQuizKey } from '#app/domain/course-import.server.ts'
import { getCompiledLesson, getPublishedLesson } from '#app/domain/courses.server.ts'
import { learnerLessonState } from '#app/domain/lesson-state.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import type { QuizResult } from '#app/domain/quiz-grading.server.ts'
import { cookieFor, makeUser } from '#tests/factories.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'

/** The learner's lesson page: viewing never writes; reaching a scenario's ending is a POST. */
const COURSE = 'tl-k2-coachen'
const SCENARIO = 'tl-k2-w1-scenario-eerste-week'
const PATH = `/courses/${COURSE}/${SCENARIO}`
const params = { courseId: COURSE, lessonKey: SCENARIO }

let learner: { id: string; cookie: string }
let ending: string

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  const { id } = await makeUser()
  learner = { id, cookie: await cookieFor(id) }
  const found = await getPublishedLesson(COURSE, SCENARIO, [])
  ending = (await getCompiledLesson(found!.lesson.codeNlHash!))!.endings[0]!
  expect(ending).toBe('einde-goed')
}, 120_000)

const completed = async (userId = learner.id) =>
  (await learnerLessonState(userId, SCENARIO)).completedAt !== null

describe('a scenario lesson', () => {
  test('showing an ending (GET) records nothing', async () => {
    const page = await call(
      lessonPage.loader,
      getRequest(`${PATH}?step=${ending}`, learner.cookie),
      params,
    )
    expect(page.status).toBe(200)
    expect(await completed()).toBe(false)
  })

  test('choosing an ending (POST) completes it and shows the ending', async () => {
    const outcome = await call(
      lessonPage.action,
      formRequest(PATH, { intent: 'scenario-ending', step: ending }, { cookie: learner.cookie }),
      params,
    )
    expect(outcome.status).toBe(303)
    expect(outcome.location).toBe(`${PATH}?step=${ending}`)
    expect(await completed()).toBe(true)
  })

  test('a step that is not an ending is refused and records nothing', async () => {
    const { id } = await makeUser()
    const outcome = await call(
      lessonPage.action,
      formRequest(
        PATH,
        { intent: 'scenario-ending', step: 'opening' },
        { cookie: await cookieFor(id) },
      ),
      params,
    )
    expect(outcome.status).toBe(400)
    expect(await completed(id)).toBe(false)
  })
})

/**
 * A quiz: a failed attempt tells which questions and chosen options were wrong, never which
 * options are right, in none of the data the page gets, until the learner passes or used up
 * the quiz's attempts (three: the course quizzes set no revealAfter).
 */
describe('a quiz', () => {
  const QUIZ = 'tl-k2-w3-quiz'
  const QUIZ_PATH = `/courses/${COURSE}/${QUIZ}`
  const quizParams = { courseId: COURSE, lessonKey: QUIZ }
  let key: StoredQuizKey

  beforeAll(async () => {
    const found = await getPublishedLesson(COURSE, QUIZ, [])
    key = JSON.parse(found!.lesson.quizKey!) as StoredQuizKey
    expect(key.questions.length).toBeGreaterThanOrEqual(4)
  })

  const rightAnswers = () =>
    Object.fromEntries(key.questions.map((q, i) => [`q${i}`, q.correct.map(String)]))
  /** In every question the first option that is not correct. */
  const wrongAnswers = () =>
    Object.fromEntries(
      key.questions.map((q, i) => {
        const wrong = [...Array(q.options).keys()].find((o) => !q.correct.includes(o))!
        return [`q${i}`, [String(wrong)]]
      }),
    )
  const submit = async (answers: Record<string, string[]>, cookie?: string) => {
    const outcome = await call(
      lessonPage.action,
      formRequest(QUIZ_PATH, { intent: 'quiz', ...answers }, { cookie }),
      quizParams,
    )
    expect(outcome.status).toBe(200)
    return (outcome.data as { quizResult: QuizResult }).quizResult
  }
  /** What the browser would receive of a result: nothing that marks an option as correct. */
  const expectNoKey = (result: QuizResult) => {
    expect(result.revealed).toBe(false)
    expect(result.questions.map((q) => q.correctOptions)).toEqual(key.questions.map(() => null))
    expect(JSON.stringify(result)).not.toMatch(/"correctOptions":\[/)
  }

  test('a failed attempt says what was wrong, with the explanation, and not the key', async () => {
    const { id } = await makeUser()
    const cookie = await cookieFor(id)
    const result = await submit(wrongAnswers(), cookie)
    expect(result).toMatchObject({ passed: false, score: 0, attemptsUntilReveal: 2 })
    expectNoKey(result)
    expect(result.questions.every((q) => !q.correct)).toBe(true)
    expect(result.questions.map((q) => q.wrongChosen)).toEqual(
      Object.values(wrongAnswers()).map((a) => a.map(Number)),
    )
    expect(result.questions[0]!.feedback).toContain('Coaching is gericht op ontwikkeling')

    // Reloading the page after it: the loader holds no key and no explanation either.
    const page = await call(lessonPage.loader, getRequest(QUIZ_PATH, cookie), quizParams)
    const pageData = JSON.stringify(page.data)
    expect(pageData).not.toMatch(/correct:(!0|true)|\\"correct\\"|"correctOptions"/)
    expect(pageData).not.toContain('Coaching is gericht op ontwikkeling')
    expect((page.data as { attempts: unknown[] }).attempts).toHaveLength(1)
  })

  test('the third failed attempt shows the key', async () => {
    const { id } = await makeUser()
    const cookie = await cookieFor(id)
    expectNoKey(await submit(wrongAnswers(), cookie))
    const second = await submit({}, cookie)
    expectNoKey(second)
    expect(second.attemptsUntilReveal).toBe(1)
    expect(second.questions.every((q) => q.chosen.length === 0 && !q.correct)).toBe(true)
    const third = await submit(wrongAnswers(), cookie)
    expect(third).toMatchObject({ passed: false, revealed: true })
    expect(third.questions.map((q) => q.correctOptions)).toEqual(
      key.questions.map((q) => q.correct),
    )
  })

  test('a pass shows the key, and so does every later attempt', async () => {
    const { id } = await makeUser()
    const cookie = await cookieFor(id)
    const passed = await submit(rightAnswers(), cookie)
    expect(passed).toMatchObject({ passed: true, score: 100, revealed: true })
    expect(passed.questions.map((q) => q.correctOptions)).toEqual(
      key.questions.map((q) => q.correct),
    )
    expect((await submit(wrongAnswers(), cookie)).revealed).toBe(true)
  })

  test('a visitor is graded without a record; only a pass shows them the key', async () => {
    for (let i = 0; i < 3; i++) {
      const failed = await submit(wrongAnswers())
      expectNoKey(failed)
      expect(failed.attemptsUntilReveal).toBeNull()
    }
    const passed = await submit(rightAnswers())
    expect(passed).toMatchObject({ passed: true, revealed: true })
  })
})
