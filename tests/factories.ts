import { prisma } from '#app/db.server.ts'
import type { Role } from '#app/auth/roles.ts'
import { createSession, SESSION_COOKIE } from '#app/auth/session.server.ts'
import { addMember, createOrganisation } from '#app/domain/organisations.server.ts'
import { createUser } from '#app/domain/users.server.ts'

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
