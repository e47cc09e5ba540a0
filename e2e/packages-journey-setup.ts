/**
 * Setup for e2e/packages-journey.spec.ts, run in a child process against the e2e server's
 * database: an organisation of its own with a trainer and a learner, so the packages it
 * imports count only for its own people (other specs count the demo organisations' people
 * and the demo learner's steps in parallel). Prints the two e-mail addresses as JSON.
 */
import { prisma } from '#app/db.server.ts'
import { makeMember, makeOrganisation, TEST_PASSWORD } from '#tests/factories.ts'

const organisation = await makeOrganisation()
const trainer = await makeMember(organisation.id, ['trainer'])
const learner = await makeMember(organisation.id, ['learner'])
console.log(
  JSON.stringify({
    organisation: organisation.name,
    trainer: trainer.user.email,
    learner: learner.user.email,
    password: TEST_PASSWORD,
  }),
)
await prisma.$disconnect()
