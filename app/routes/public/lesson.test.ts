import { beforeAll, describe, expect, test } from 'vitest'
import * as lessonPage from './lesson.tsx'
import { importCourses } from '#app/domain/course-import.server.ts'
import { getCompiledLesson, getPublishedLesson } from '#app/domain/courses.server.ts'
import { learnerLessonState } from '#app/domain/lesson-state.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
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
  ending = (await getCompiledLesson(found!.lesson.codeNlHash))!.endings[0]!
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
