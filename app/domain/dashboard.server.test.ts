import { beforeAll, describe, expect, test } from 'vitest'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { makeMember, makeOrganisation, makeOrganisationCourse } from '#tests/factories.ts'
import { learnerDashboard } from './dashboard.server.ts'
import { findPublishedLesson, recordCompletion } from './progress.server.ts'

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
}, 120_000)

describe("the learner's recent activity", () => {
  test('names courses and lessons by their titles, never by their ids', async () => {
    const org = await makeOrganisation()
    // A lesson without a work process: it is on no row of the dashboard, only in the feed.
    const { courseId, lessonKeys } = await makeOrganisationCourse(org.id, [
      { type: 'lesson', workProcessCodes: [] },
    ])
    const { user } = await makeMember(org.id, ['learner'])
    await recordCompletion(user.id, (await findPublishedLesson(lessonKeys[0]!))!, 'done')

    const { recent } = await learnerDashboard(user.id)
    // Both events share a moment: compare them in a fixed order.
    const feed = recent.map((e) => [e.verb, e.titleNl, e.titleEn]).sort()
    expect(feed).toEqual([
      ['completed', `Les 1 · Eigen cursus ${courseId}`, `Les 1 · Own course ${courseId}`],
      ['enrolled', `Eigen cursus ${courseId}`, `Own course ${courseId}`],
    ])
  })
})
