import { prisma } from '#app/db.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import type { Role } from '#app/auth/roles.ts'
import { addMember } from '#app/domain/organisations.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import { seedDemoAssessments } from './demo-assessments.server.ts'
import { seedDemoAuthoring } from './demo-authoring.server.ts'
import { seedDemoEmployer } from './demo-employer.server.ts'
import { seedDemoProgress } from './demo-progress.server.ts'
import { seedDemoQuality } from './demo-quality.server.ts'
import { seedDemoErasure } from './demo-erasure.server.ts'
import { seedDemoRetention } from './demo-retention.server.ts'
import { seedDemoLti } from './demo-lti.server.ts'
import { seedDemoPackages } from './demo-packages.server.ts'
import { seedDemoSso } from './demo-sso.server.ts'
import { DEMO_ADMIN, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_TRAINER } from './demo-people.ts'

/**
 * Load the demo organisations and people, once: when the demo admin exists, nothing happens.
 * Everything is written in one transaction, so a failed seed leaves no half-made demo.
 */
export async function seedDemoData(): Promise<'created' | 'present'> {
  if (await prisma.user.findUnique({ where: { email: DEMO_ADMIN.email }, select: { id: true } })) {
    return 'present'
  }
  // One hash for all demo accounts: same password, and 30 argon2 runs would only slow start-up.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  try {
    await seed(passwordHash)
  } catch (error) {
    // Another instance seeded at the same moment; its transaction won and ours rolled back.
    if (isUniqueViolation(error)) return 'present'
    throw error
  }
  // Only the instance that created the people records their history (idempotent anyway).
  await seedDemoProgress()
  await seedDemoAssessments()
  await seedDemoEmployer()
  await seedDemoAuthoring()
  await seedDemoSso()
  await seedDemoLti()
  await seedDemoPackages()
  await seedDemoQuality()
  await seedDemoRetention()
  await seedDemoErasure()
  return 'created'
}

function seed(passwordHash: string) {
  return prisma.$transaction(
    async (tx) => {
      const user = (p: { email: string; name: string }, isPlatformAdmin = false) =>
        tx.user.create({
          data: { email: p.email, name: p.name, passwordHash, isPlatformAdmin },
          select: { id: true },
        })

      await user(DEMO_ADMIN, true)
      const trainer = await user(DEMO_TRAINER)

      for (const org of DEMO_ORGANISATIONS) {
        const organisation = await tx.organisation.create({
          data: {
            slug: org.slug,
            name: org.name,
            kind: org.kind,
            clients: { create: org.clients.map((name) => ({ name })) },
          },
          select: { id: true, clients: { select: { id: true, name: true } } },
        })
        const teamIds = new Map<string, string>()
        for (const team of org.teams) {
          const clientId = organisation.clients.find((c) => c.name === team.client)?.id ?? null
          const row = await tx.team.create({
            data: { organisationId: organisation.id, name: team.name, clientId },
            select: { id: true },
          })
          teamIds.set(team.name, row.id)
        }
        const join = (userId: string, roles: Role[], team?: string) =>
          addMember(tx, {
            organisationId: organisation.id,
            userId,
            roles,
            teamIds: team ? [teamIds.get(team)!] : [],
          })

        await join(trainer.id, ['trainer', 'assessor'])
        for (const p of org.employers) await join((await user(p)).id, ['employer_admin'])
        for (const p of org.qualityCoaches) await join((await user(p)).id, ['quality_coach'])
        for (const p of org.teamLeaders) {
          const roles: Role[] = [
            'team_leader',
            'learner',
            ...(p.assessor ? ['assessor' as const] : []),
          ]
          await join((await user(p)).id, roles, p.team)
        }
        for (const p of org.learners) await join((await user(p)).id, ['learner'], p.team)
      }
    },
    { timeout: 60_000 },
  )
}
