import { prisma } from '#app/db.server.ts'
import type { Role } from '#app/auth/roles.ts'
import { createSession, SESSION_COOKIE } from '#app/auth/session.server.ts'
import { addMember, createOrganisation } from '#app/domain/organisations.server.ts'
import { createUser } from '#app/domain/users.server.ts'
import { toJsonList } from '#app/utils/json-list.ts'

/** Test data built with the same domain functions the product and the demo seed use. */
let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

export const TEST_PASSWORD = 'Correct-Horse-Battery-9'

export async function makeUser(name = 'Test Gebruiker', extra: { isPlatformAdmin?: boolean } = {}) {
  return createUser({
    email: `user-${unique()}@example.test`,
    name,
    password: TEST_PASSWORD,
    ...extra,
  })
}

export async function makeOrganisation(kind: 'in_house' | 'outsourced' = 'in_house') {
  const id = unique()
  const organisation = await createOrganisation({
    slug: `org-${id}`,
    name: `Contactcenter ${id}`,
    kind,
    clients: kind === 'outsourced' ? ['Merk A', 'Merk B'] : [],
  })
  const team = await prisma.team.create({
    data: { organisationId: organisation.id, name: 'Team Service' },
    select: { id: true },
  })
  return { ...organisation, teamId: team.id }
}

export async function makeMember(organisationId: string, roles: Role[], teamIds: string[] = []) {
  const user = await makeUser()
  const membership = await prisma.$transaction((tx) =>
    addMember(tx, { organisationId, userId: user.id, roles, teamIds }),
  )
  return { user, membershipId: membership.id }
}

/** A signed-in cookie for a user, as the browser would send it. */
export async function cookieFor(userId: string): Promise<string> {
  const { token } = await createSession(userId)
  return `${SESSION_COOKIE}=${token}`
}

/**
 * A published course owned by an organisation, as the trainer area publishes one: one module
 * of lessons of these types and work processes. Each lesson reuses the compiled code (and a
 * quiz its answer key) of a published lesson of the same type, so the repository's courses
 * must be imported first.
 */
export async function makeOrganisationCourse(
  organisationId: string,
  lessons: Array<{
    type: 'lesson' | 'quiz' | 'scenario' | 'assignment'
    workProcessCodes: string[]
  }>,
  dossierSlug = 'contactcenter-teamleider',
) {
  const courseId = `eigen-cursus-${unique()}`
  const lessonKeys = lessons.map((_, i) => `${courseId}-les-${i + 1}`)
  const compiled = await Promise.all(
    lessons.map(({ type }) =>
      prisma.lesson.findFirstOrThrow({
        where: { type, courseVersion: { currentOf: { isNot: null } } },
        select: { codeNlHash: true, quizKey: true },
      }),
    ),
  )
  await prisma.$transaction(async (tx) => {
    await tx.course.create({ data: { id: courseId, source: 'browser', organisationId } })
    const version = await tx.courseVersion.create({
      data: {
        courseId,
        version: 1,
        contentHash: courseId,
        dossierSlug,
        titleNl: `Eigen cursus ${courseId}`,
        titleEn: `Own course ${courseId}`,
        summaryNl: 'Alleen voor de eigen medewerkers.',
        summaryEn: 'For our own staff only.',
        audienceNl: 'Teamleiders',
        audienceEn: 'Team leaders',
        languages: toJsonList(['nl']),
        selfEnrol: true,
      },
      select: { id: true },
    })
    for (const [i, lesson] of lessons.entries()) {
      await tx.lesson.create({
        data: {
          courseVersionId: version.id,
          lessonKey: lessonKeys[i]!,
          moduleKey: 'module-1',
          moduleTitleNl: 'Eerste module',
          moduleTitleEn: 'First module',
          modulePosition: 1,
          position: i + 1,
          type: lesson.type,
          duration: 10,
          titleNl: `Les ${i + 1}`,
          competencies: toJsonList(['C']),
          codeNlHash: compiled[i]!.codeNlHash,
          quizKey: compiled[i]!.quizKey,
          sourceFile: `${courseId}/${lessonKeys[i]}.mdx`,
          workProcesses: {
            create: lesson.workProcessCodes.map((workProcessCode) => ({ workProcessCode })),
          },
        },
      })
    }
    await tx.course.update({ where: { id: courseId }, data: { currentVersionId: version.id } })
  })
  return { courseId, lessonKeys }
}
