import { createHash } from 'node:crypto'
import type { Tx } from '#app/db.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { generateToken } from '#app/auth/tokens.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { addMember } from '#app/domain/organisations.server.ts'

/**
 * The account behind a platform's person. A person is known by the platform's `sub` only:
 * never by a name, and never by the e-mail a platform asserts (a platform's administrator
 * could claim anyone's address). A new person gets an account of their own in the
 * platform's organisation, with an address that cannot receive mail and a password nobody
 * knows: they come in through the platform.
 */
export type PlatformPerson = { subject: string; name: string | null; role: 'learner' | 'trainer' }

export type PersonResult =
  | { ok: true; userId: string; ltiUserId: string; created: boolean }
  | { ok: false; reason: 'no-access' }

export function placeholderEmail(platformId: string, subject: string) {
  const digest = createHash('sha256').update(`${platformId}\n${subject}`).digest('hex')
  return `lti-${digest.slice(0, 24)}@lti.invalid`
}

export async function personForSubject(
  tx: Tx,
  platform: { id: string; organisationId: string; name: string },
  person: PlatformPerson,
): Promise<PersonResult> {
  const known = await tx.ltiUser.findUnique({
    where: { platformId_subject: { platformId: platform.id, subject: person.subject } },
    select: { id: true, userId: true },
  })
  if (known) {
    const membership = await tx.membership.findUnique({
      where: {
        userId_organisationId: { userId: known.userId, organisationId: platform.organisationId },
      },
      select: { deactivatedAt: true },
    })
    // A member the organisation deactivated stays out, whatever the platform says.
    if (membership?.deactivatedAt) return { ok: false, reason: 'no-access' }
    if (!membership) {
      await addMember(tx, {
        organisationId: platform.organisationId,
        userId: known.userId,
        roles: [person.role],
      })
    }
    return { ok: true, userId: known.userId, ltiUserId: known.id, created: false }
  }
  const user = await tx.user.create({
    data: {
      email: placeholderEmail(platform.id, person.subject),
      name: person.name ?? `Deelnemer via ${platform.name}`,
      passwordHash: await hashPassword(generateToken()),
    },
    select: { id: true },
  })
  await addMember(tx, {
    organisationId: platform.organisationId,
    userId: user.id,
    roles: [person.role],
  })
  const ltiUser = await tx.ltiUser.create({
    data: { platformId: platform.id, subject: person.subject, userId: user.id },
    select: { id: true },
  })
  await audit(tx, {
    actorId: null,
    organisationId: platform.organisationId,
    action: 'lti.account-created',
    subjectType: 'user',
    subjectId: user.id,
    detail: { platform: platform.name, role: person.role },
  })
  return { ok: true, userId: user.id, ltiUserId: ltiUser.id, created: true }
}
