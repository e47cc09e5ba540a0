/**
 * Setup for e2e/quiz-feedback.spec.ts, run in a child process against the e2e server's
 * database: a learner of Klantcontact Noord with no quiz attempts yet. The demo learners have
 * attempts (demo history, other specs), and whether a quiz shows its key depends on them.
 */
import { prisma } from '#app/db.server.ts'
import { addMember } from '#app/domain/organisations.server.ts'
import { createUser } from '#app/domain/users.server.ts'

const [email, password] = process.argv.slice(2) as [string, string]

const organisation = await prisma.organisation.findUniqueOrThrow({
  where: { slug: 'klantcontact-noord' },
  select: { id: true },
})
const user = await createUser({ email, name: 'Quinty de Vries', password })
await prisma.$transaction((tx) =>
  addMember(tx, { organisationId: organisation.id, userId: user.id, roles: ['learner'] }),
)
await prisma.$disconnect()
