import { prisma } from '#app/db.server.ts'
import { storeApiToken } from '#app/employer/api-tokens.server.ts'
import { assign } from '#app/employer/assignments.server.ts'
import { scopeOf } from '#app/employer/staff-scope.server.ts'
import { getMemberships } from '#app/auth/authorize.server.ts'
import { storeScimToken } from '#app/integrations/scim/scim-tokens.server.ts'

/** The demo HR key of Klantcontact Noord (README): demo data is never for production. */
export const DEMO_API_TOKEN = 'lp_demonoordhrkoppelingtwee'
/** The demo SCIM token of Klantcontact Noord (README), for trying provisioning with curl. */
export const DEMO_SCIM_TOKEN = 'scim_demonoordprovisioning'

/**
 * Demo assignments and an API key for Klantcontact Noord, made as the employer would: Team
 * Retentie gets the coaching course due in three weeks; Kevin Vos had TL-K3-W1 due last week
 * and is overdue (written directly: the product refuses due dates in the past).
 */
export async function seedDemoEmployer() {
  const employer = await prisma.user.findUnique({
    where: { email: 'werkgever@noord.demo.test' },
    select: { id: true },
  })
  const course = await prisma.course.findUnique({ where: { id: 'tl-k2-coachen' } })
  if (!employer || !course) return
  const membership = (await getMemberships(employer.id)).find(
    (m) => m.organisation.slug === 'klantcontact-noord',
  )!
  const scope = await scopeOf(membership)
  const retentie = await prisma.team.findFirstOrThrow({
    where: { organisationId: scope.organisationId, name: 'Team Retentie' },
  })
  await assign({
    scope,
    assignedById: employer.id,
    userIds: [],
    teamId: retentie.id,
    target: { kind: 'course', courseId: 'tl-k2-coachen' },
    dueAt: new Date(Date.now() + 21 * 86400_000),
  })
  const kevin = await prisma.user.findUniqueOrThrow({
    where: { email: 'kevin.vos@noord.demo.test' },
  })
  await prisma.assignment.create({
    data: {
      organisationId: scope.organisationId,
      userId: kevin.id,
      kind: 'work_process',
      dossierSlug: 'contactcenter-teamleider',
      workProcessCode: 'TL-K3-W1',
      dueAt: new Date(Date.now() - 7 * 86400_000),
      assignedById: employer.id,
      createdAt: new Date(Date.now() - 35 * 86400_000),
    },
  })
  await storeApiToken({
    organisationId: scope.organisationId,
    name: 'HR-systeem (demo)',
    scopes: ['progress:read', 'records:read'],
    actorId: employer.id,
    token: DEMO_API_TOKEN,
  })
  await storeScimToken({
    organisationId: scope.organisationId,
    name: 'Entra ID (demo)',
    actorId: employer.id,
    token: DEMO_SCIM_TOKEN,
  })
}
