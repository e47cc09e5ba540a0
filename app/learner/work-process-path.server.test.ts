import { beforeAll, describe, expect, test } from 'vitest'
import * as workProcessPage from '#app/routes/me/work-process.tsx'
import * as coursePage from '#app/routes/public/course.tsx'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { findPublishedLesson, recordCompletion } from '#app/domain/progress.server.ts'
import {
  cookieFor,
  makeMember,
  makeOrganisation,
  makeOrganisationCourse,
} from '#tests/factories.ts'
import { completeKnowledge, evidenceFor, judge, TL } from '#tests/assessment-fixtures.ts'
import { call, getRequest } from '#tests/route-call.ts'
import type { LearnerWorkProcess } from './work-process-path.server.ts'

/** The work process an organisation's own course trains here, next to the platform's lessons. */
const WP = 'TL-K2-W2'

let orgA: Awaited<ReturnType<typeof makeOrganisation>>
let orgB: Awaited<ReturnType<typeof makeOrganisation>>
let course: Awaited<ReturnType<typeof makeOrganisationCourse>>

async function openPage(userId: string, dossierSlug: string, code: string) {
  const cookie = await cookieFor(userId)
  return call(
    workProcessPage.loader,
    getRequest(`/work-processes/${dossierSlug}/${code}`, cookie),
    {
      dossierSlug,
      code,
    },
  )
}

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  orgA = await makeOrganisation()
  orgB = await makeOrganisation()
  course = await makeOrganisationCourse(orgA.id, [
    { type: 'lesson', workProcessCodes: [WP] },
    { type: 'quiz', workProcessCodes: [WP] },
  ])
}, 120_000)

describe("the learner's work-process page", () => {
  test('shows the step, the lessons with their completion and the next lesson as next step', async () => {
    const { user } = await makeMember(orgA.id, ['learner'])
    await recordCompletion(user.id, (await findPublishedLesson(course.lessonKeys[0]!))!, 'done')
    const page = await openPage(user.id, TL, WP)
    expect(page.status).toBe(200)
    const data = page.data as LearnerWorkProcess
    expect(data.workProcess.code).toBe(WP)
    expect(data.step).toBe(1)
    const own = data.lessons.filter((l) => l.courseId === course.courseId)
    expect(own.map((l) => [l.lessonKey, !!l.completedAt])).toEqual([
      [course.lessonKeys[0], true],
      [course.lessonKeys[1], false],
    ])
    // The next step is the first lesson not yet done, never a done one.
    expect(data.next.kind).toBe('lesson')
    const open = data.lessons.find((l) => !l.completedAt)!
    expect(data.next).toMatchObject({ courseId: open.courseId, lessonKey: open.lessonKey })
    expect(data.evidence).toEqual([])
    expect(data.criteria.length).toBeGreaterThan(0)
  })

  test('after the knowledge: hand in evidence; then wait; after sign-off: the record', async () => {
    const { user } = await makeMember(orgB.id, ['learner'])
    const { user: assessor } = await makeMember(orgB.id, ['assessor'])
    await completeKnowledge(user.id, [WP])
    let data = (await openPage(user.id, TL, WP)).data as LearnerWorkProcess
    expect(data.step).toBe(2)
    expect(data.next).toEqual({ kind: 'evidence', again: false })

    const { id } = await evidenceFor(user.id, orgB.id, [WP])
    data = (await openPage(user.id, TL, WP)).data as LearnerWorkProcess
    expect(data.step).toBe(3)
    expect(data.next).toEqual({ kind: 'awaiting' })
    expect(data.evidence.map((e) => [e.id, e.verdict])).toEqual([[id, 'awaiting']])

    await judge(id, WP, assessor.id)
    data = (await openPage(user.id, TL, WP)).data as LearnerWorkProcess
    expect(data.step).toBe(4)
    expect(data.evidence.map((e) => e.verdict)).toEqual(['signed_off'])
    expect(data.next).toEqual({ kind: 'record' })
  })

  test("another organisation's course and another learner's evidence do not show", async () => {
    const { user: other } = await makeMember(orgB.id, ['learner'])
    const data = (await openPage(other.id, TL, WP)).data as LearnerWorkProcess
    expect(data.lessons.length).toBeGreaterThan(0)
    expect(data.lessons.some((l) => l.courseId === course.courseId)).toBe(false)
    expect(data.evidence).toEqual([])
    expect(data.step).toBe(0)
  })

  test('an unknown work process or dossier is a 404; signed out goes to the login', async () => {
    const { user } = await makeMember(orgA.id, ['learner'])
    expect((await openPage(user.id, TL, 'TL-K9-W9')).status).toBe(404)
    expect((await openPage(user.id, 'geen-dossier', WP)).status).toBe(404)
    // A code of the other dossier is not one of this dossier's.
    expect((await openPage(user.id, TL, 'CM-K1-W1')).status).toBe(404)
    const signedOut = await call(
      workProcessPage.loader,
      getRequest(`/work-processes/${TL}/${WP}`),
      { dossierSlug: TL, code: WP },
    )
    expect(signedOut.status).toBe(302)
  })
})

describe('the course page', () => {
  test('ticks off the lessons the signed-in learner completed, and only theirs', async () => {
    const { user } = await makeMember(orgA.id, ['learner'])
    const { user: colleague } = await makeMember(orgA.id, ['learner'])
    await recordCompletion(user.id, (await findPublishedLesson(course.lessonKeys[1]!))!, 'done')
    const load = async (cookie?: string) =>
      (
        await call(coursePage.loader, getRequest(`/courses/${course.courseId}`, cookie), {
          courseId: course.courseId,
        })
      ).data as Awaited<ReturnType<typeof coursePage.loader>>
    expect((await load(await cookieFor(user.id))).completed).toEqual([course.lessonKeys[1]])
    expect((await load(await cookieFor(colleague.id))).completed).toEqual([])
  })
})
