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
 * Retentie gets the coaching course due in three weeks; Kevin Vos, Iris Kok and, at CallForce,
 * Stefan de Groot are overdue on a work process (written directly: the product refuses due
 * dates in the past).
 */
export async function seedDemoEmployer() {
  const employer = await prisma.user.findUnique({
    where: { email: 'werkgever@noord.demo.test' },
    select: { id: true },
  })
  const course = await prisma.course.findUnique({ where: { id: 'tl-k2-coachen' } })
  if (!employer || !course) return
  const membership = (await getMemberships(employer)).find(
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
  // Overdue work processes, one per organisation at least (the learners' plans in
  // demo-progress leave these alone, so they stay open).
  const day = 86400_000
  const overdue = [
    { email: 'kevin.vos@noord.demo.test', code: 'TL-K3-W1', given: 35, due: 7 },
    { email: 'iris.kok@noord.demo.test', code: 'TL-K1-W3', given: 60, due: 14 },
  ]
  for (const o of overdue) {
    const learner = await prisma.user.findUniqueOrThrow({ where: { email: o.email } })
    await prisma.assignment.create({
      data: {
        organisationId: scope.organisationId,
        userId: learner.id,
        kind: 'work_process',
        dossierSlug: 'contactcenter-teamleider',
        workProcessCode: o.code,
        dueAt: new Date(Date.now() - o.due * day),
        assignedById: employer.id,
        createdAt: new Date(Date.now() - o.given * day),
      },
    })
  }
  const [callforce, stefan, callforceEmployer] = await Promise.all([
    prisma.organisation.findUnique({ where: { slug: 'callforce' }, select: { id: true } }),
    prisma.user.findUnique({ where: { email: 'stefan.degroot@callforce.demo.test' } }),
    prisma.user.findUnique({ where: { email: 'werkgever@callforce.demo.test' } }),
  ])
  if (callforce && stefan && callforceEmployer)
    await prisma.assignment.create({
      data: {
        organisationId: callforce.id,
        userId: stefan.id,
        kind: 'work_process',
        dossierSlug: 'contactcenter-medewerker',
        workProcessCode: 'CM-K2-W1',
        dueAt: new Date(Date.now() - 20 * day),
        assignedById: callforceEmployer.id,
        createdAt: new Date(Date.now() - 50 * day),
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
