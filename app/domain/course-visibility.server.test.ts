import { beforeAll, describe, expect, test } from 'vitest'
import * as catalogue from '#app/routes/public/courses.tsx'
import * as coursePage from '#app/routes/public/course.tsx'
import * as lessonPage from '#app/routes/public/lesson.tsx'
import * as lessonLink from '#app/routes/public/lesson-redirect.ts'
import * as assignmentsPage from '#app/routes/orgs/$slug/assignments.tsx'
import { prisma } from '#app/db.server.ts'
import { assign } from '#app/employer/assignments.server.ts'
import { scopeOf } from '#app/employer/staff-scope.server.ts'
import { getMemberships } from '#app/auth/authorize.server.ts'
import { importCourses } from './course-import.server.ts'
import { listPublishedCourses } from './courses.server.ts'
import { learnerDashboard } from './dashboard.server.ts'
import { importDossierFolder } from './dossier-folder.server.ts'
import { findPublishedLesson, recordCompletion, recordQuizAttempt } from './progress.server.ts'
import { rebuildStatuses } from './progress-rebuild.server.ts'
import { KNOWLEDGE_TYPES } from './progress-rules.ts'
import {
  cookieFor,
  makeMember,
  makeOrganisation,
  makeOrganisationCourse,
  makeUser,
} from '#tests/factories.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'

const TL = 'contactcenter-teamleider'
/** The work process the organisation's course trains, next to the platform's lessons. */
const WP = 'TL-K2-W2'

let orgA: Awaited<ReturnType<typeof makeOrganisation>>
let orgB: Awaited<ReturnType<typeof makeOrganisation>>
let course: Awaited<ReturnType<typeof makeOrganisationCourse>>
/** Every published knowledge lesson of the platform (not an organisation's) that trains WP. */
let platformLessons: Array<{ lessonKey: string; type: string }>

const stepOf = async (userId: string) =>
  (
    await prisma.workProcessStatus.findUnique({
      where: {
        userId_dossierSlug_workProcessCode: { userId, dossierSlug: TL, workProcessCode: WP },
      },
      select: { step: true },
    })
  )?.step ?? 0

async function complete(userId: string, lessonKey: string, type: string) {
  const ref = (await findPublishedLesson(lessonKey))!
  if (type === 'quiz')
    await recordQuizAttempt(userId, ref, { score: 100, passMark: 75, passed: true, answers: [] })
  else await recordCompletion(userId, ref, type === 'scenario' ? 'scenario' : 'done')
}

/** The course ids the catalogue page lists for this visitor. */
async function catalogueIds(cookie?: string) {
  const page = await call(catalogue.loader, getRequest('/courses', cookie))
  const data = page.data as Awaited<ReturnType<typeof catalogue.loader>>
  return data.dossiers.flatMap((d) => d.coreTasks.flatMap((k) => k.courses.map((c) => c.id)))
}

/** What the course page, a lesson page, a lesson POST and a `lesson:` link answer. */
async function statuses(cookie?: string) {
  const lessonKey = course.lessonKeys[0]!
  const params = { courseId: course.courseId, lessonKey }
  const lessonPath = `/courses/${course.courseId}/${lessonKey}`
  return {
    course: (
      await call(coursePage.loader, getRequest(`/courses/${course.courseId}`, cookie), params)
    ).status,
    lesson: (await call(lessonPage.loader, getRequest(lessonPath, cookie), params)).status,
    post: (
      await call(lessonPage.action, formRequest(lessonPath, { intent: 'done' }, { cookie }), params)
    ).status,
    link: (await call(lessonLink.loader, getRequest(`/lessons/${lessonKey}`, cookie), params))
      .status,
  }
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
  platformLessons = await prisma.lesson.findMany({
    where: {
      type: { in: [...KNOWLEDGE_TYPES] },
      workProcesses: { some: { workProcessCode: WP } },
      courseVersion: { dossierSlug: TL, currentOf: { is: { organisationId: null } } },
    },
    select: { lessonKey: true, type: true },
  })
}, 120_000)

describe('the catalogue and the lessons', () => {
  test('a member of the owning organisation finds the course and opens its lessons', async () => {
    const { user } = await makeMember(orgA.id, ['learner'])
    const cookie = await cookieFor(user.id)
    expect((await listPublishedCourses([orgA.id])).map((c) => c.id)).toContain(course.courseId)
    expect(await catalogueIds(cookie)).toContain(course.courseId)
    // Platform-wide courses stay listed next to it.
    expect(await catalogueIds(cookie)).toContain('tl-k2-coachen')
    expect(await statuses(cookie)).toEqual({ course: 200, lesson: 200, post: 200, link: 302 })
    expect(
      await prisma.lessonCompletion.count({
        where: { userId: user.id, lessonKey: course.lessonKeys[0] },
      }),
    ).toBe(1)
  })

  test('a member in any role sees it, and so do platform admins', async () => {
    const { user: trainer } = await makeMember(orgA.id, ['trainer'])
    const admin = await makeUser('Beheerder', { isPlatformAdmin: true })
    for (const id of [trainer.id, admin.id]) {
      const cookie = await cookieFor(id)
      expect(await catalogueIds(cookie)).toContain(course.courseId)
      const { course: page, lesson, link } = await statuses(cookie)
      expect({ page, lesson, link }).toEqual({ page: 200, lesson: 200, link: 302 })
    }
  })

  test('to everyone else it does not exist: 404 for its page, lessons, POST and links', async () => {
    const { user: other } = await makeMember(orgB.id, ['learner', 'trainer'])
    const { user: former, membershipId } = await makeMember(orgA.id, ['learner'])
    await prisma.membership.update({
      where: { id: membershipId },
      data: { deactivatedAt: new Date() },
    })
    const notFound = { course: 404, lesson: 404, post: 404, link: 404 }
    for (const cookie of [undefined, await cookieFor(other.id), await cookieFor(former.id)]) {
      const listed = await catalogueIds(cookie)
      expect(listed).toContain('tl-k2-coachen')
      expect(listed).not.toContain(course.courseId)
      expect(await statuses(cookie)).toEqual(notFound)
    }
    expect((await listPublishedCourses([])).map((c) => c.id)).not.toContain(course.courseId)
    expect(await prisma.lessonCompletion.count({ where: { userId: other.id } })).toBe(0)
  })
})

describe('progress per work process', () => {
  test("another organisation's course does not hold a learner back; its own learners need it", async () => {
    expect(platformLessons.length).toBeGreaterThan(0)
    const { user: outsider } = await makeMember(orgB.id, ['learner'])
    const { user: insider } = await makeMember(orgA.id, ['learner'])
    for (const l of platformLessons) {
      await complete(outsider.id, l.lessonKey, l.type)
      await complete(insider.id, l.lessonKey, l.type)
    }
    expect(await stepOf(outsider.id)).toBe(2)
    expect(await stepOf(insider.id)).toBe(1)

    // The dashboard counts the same lessons as the ladder.
    const total = async (userId: string) =>
      (await learnerDashboard(userId)).dossiers
        .find((d) => d.slug === TL)!
        .coreTasks.flatMap((k) => k.workProcesses)
        .find((w) => w.code === WP)!.lessonsTotal
    expect(await total(outsider.id)).toBe(platformLessons.length)
    expect(await total(insider.id)).toBe(platformLessons.length + 2)

    await complete(insider.id, course.lessonKeys[0]!, 'lesson')
    expect(await stepOf(insider.id)).toBe(1)
    await complete(insider.id, course.lessonKeys[1]!, 'quiz')
    expect(await stepOf(insider.id)).toBe(2)
  })

  test('the rebuild gives the same steps as the live engine', async () => {
    // Learners of both organisations and of none complete a mix of platform and own lessons
    // (an outsider's completion of the organisation's lesson counts for nothing).
    const learners = [
      (await makeMember(orgA.id, ['learner'])).user,
      (await makeMember(orgA.id, ['team_leader'])).user,
      (await makeMember(orgB.id, ['learner'])).user,
      await makeUser(),
    ]
    const pool = [
      ...platformLessons,
      { lessonKey: course.lessonKeys[0]!, type: 'lesson' },
      { lessonKey: course.lessonKeys[1]!, type: 'quiz' },
    ]
    for (const [i, user] of learners.entries()) {
      for (const [j, l] of pool.entries())
        if ((i + j) % 3 !== 0) await complete(user.id, l.lessonKey, l.type)
    }
    const report = await rebuildStatuses({ write: false })
    expect(report.differences).toEqual([])
    expect(report.compared).toBeGreaterThan(0)
  })
})

describe('employer assignments', () => {
  const due = () => new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10)

  test("an employer lists and assigns platform-wide courses and the organisation's own", async () => {
    const { user: employer } = await makeMember(orgA.id, ['employer_admin'])
    const { user: learner } = await makeMember(orgA.id, ['learner'], [orgA.teamId])
    const cookie = await cookieFor(employer.id)
    const page = await call(
      assignmentsPage.loader,
      getRequest(`/orgs/${orgA.slug}/assignments`, cookie),
      { slug: orgA.slug },
    )
    const courses = (page.data as Awaited<ReturnType<typeof assignmentsPage.loader>>).courses
    expect(courses.map((c) => c.courseId)).toEqual(
      expect.arrayContaining([course.courseId, 'tl-k2-coachen']),
    )
    const membership = (await getMemberships(employer)).find((m) => m.organisation.id === orgA.id)!
    const { assigned } = await assign({
      scope: await scopeOf(membership),
      assignedById: employer.id,
      userIds: [learner.id],
      target: { kind: 'course', courseId: course.courseId },
      dueAt: new Date(`${due()}T23:59:59+01:00`),
    })
    expect(assigned).toBe(1)
  })

  test("another organisation's course is not listed, and assigning it is a field error", async () => {
    const { user: employer } = await makeMember(orgB.id, ['employer_admin'])
    const { user: learner } = await makeMember(orgB.id, ['learner'], [orgB.teamId])
    const cookie = await cookieFor(employer.id)
    const path = `/orgs/${orgB.slug}/assignments`
    const page = await call(assignmentsPage.loader, getRequest(path, cookie), { slug: orgB.slug })
    const courses = (page.data as Awaited<ReturnType<typeof assignmentsPage.loader>>).courses
    expect(courses.map((c) => c.courseId)).toContain('tl-k2-coachen')
    expect(courses.map((c) => c.courseId)).not.toContain(course.courseId)

    const outcome = await call(
      assignmentsPage.action,
      formRequest(
        path,
        {
          intent: 'assign',
          who: `person:${learner.id}`,
          what: `course:${course.courseId}`,
          dueAt: due(),
        },
        { cookie },
      ),
      { slug: orgB.slug },
    )
    expect(outcome.status).toBe(400)
    expect(JSON.stringify(outcome.data)).toContain('assignments.refused.unknown_target')
    expect(await prisma.assignment.count({ where: { organisationId: orgB.id } })).toBe(0)
  })
})
