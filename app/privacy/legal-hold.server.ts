import { prisma, type Db } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'

/**
 * Legal holds (a dispute, an exam appeal): while a person has an active hold in an
 * organisation, retention leaves their data in that organisation alone, and erasure waits.
 * A hold is placed and lifted by the organisation's admin, with a reason; the row stays after
 * lifting, so the organisation can show when its data was frozen and why.
 */

/** The person's active hold in the organisation, or null. Erasure asks this before it runs. */
export function activeLegalHold(userId: string, organisationId: string, db: Db = prisma) {
  return db.legalHold.findFirst({
    where: { userId, organisationId, liftedAt: null },
    select: { id: true, reason: true, placedById: true, placedAt: true },
  })
}

/** Who has an active hold in these organisations (each person with the organisations). */
export async function heldPeople(organisationIds: string[], db: Db = prisma) {
  const rows = await db.legalHold.findMany({
    where: { organisationId: { in: organisationIds }, liftedAt: null },
    select: { userId: true, organisationId: true },
  })
  const held = new Map<string, Set<string>>()
  for (const r of rows) held.set(r.userId, (held.get(r.userId) ?? new Set()).add(r.organisationId))
  return held
}

/** The organisation's active holds, for its admin: who, why, since when, placed by whom. */
export async function activeLegalHolds(organisationId: string) {
  const holds = await prisma.legalHold.findMany({
    where: { organisationId, liftedAt: null },
    orderBy: { placedAt: 'asc' },
    select: { id: true, userId: true, reason: true, placedById: true, placedAt: true },
  })
  const names = new Map(
    (
      await prisma.user.findMany({
        where: { id: { in: holds.flatMap((h) => [h.userId, h.placedById]) } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  )
  return holds.map((h) => ({
    ...h,
    personName: names.get(h.userId) ?? '–',
    placedByName: names.get(h.placedById) ?? '–',
  }))
}

export type PlaceHoldResult =
  | { ok: true; holdId: string }
  | { ok: false; field: 'userId'; message: 'legalHold.notMember' | 'legalHold.alreadyHeld' }

/**
 * Places a hold on a person of the organisation. One active hold per person: a second one
 * would make lifting ambiguous. The reason stays out of the audit trail (it may name the
 * dispute); the trail says who froze whose data, and when.
 */
export async function placeLegalHold(input: {
  organisationId: string
  userId: string
  reason: string
  placedById: string
}): Promise<PlaceHoldResult> {
  return prisma.$transaction(async (tx) => {
    const member = await tx.membership.findUnique({
      where: {
        userId_organisationId: { userId: input.userId, organisationId: input.organisationId },
      },
      select: { id: true },
    })
    if (!member) return { ok: false, field: 'userId', message: 'legalHold.notMember' }
    if (await activeLegalHold(input.userId, input.organisationId, tx))
      return { ok: false, field: 'userId', message: 'legalHold.alreadyHeld' }
    const hold = await tx.legalHold.create({ data: input, select: { id: true } })
    await audit(tx, {
      actorId: input.placedById,
      organisationId: input.organisationId,
      action: 'legal-hold.placed',
      subjectType: 'user',
      subjectId: input.userId,
      detail: { holdId: hold.id },
    })
    return { ok: true, holdId: hold.id }
  })
}

/** Lifts an active hold of the organisation; false when there is none with this id. */
export async function liftLegalHold(input: {
  organisationId: string
  holdId: string
  liftedById: string
}): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const hold = await tx.legalHold.findFirst({
      where: { id: input.holdId, organisationId: input.organisationId, liftedAt: null },
      select: { id: true, userId: true },
    })
    if (!hold) return false
    await tx.legalHold.update({
      where: { id: hold.id },
      data: { liftedById: input.liftedById, liftedAt: new Date() },
    })
    await audit(tx, {
      actorId: input.liftedById,
      organisationId: input.organisationId,
      action: 'legal-hold.lifted',
      subjectType: 'user',
      subjectId: hold.userId,
      detail: { holdId: hold.id },
    })
    return true
  })
}

/** The organisation's people a hold can be placed on: every member not held already. */
export async function holdCandidates(organisationId: string) {
  const [members, held] = await Promise.all([
    prisma.membership.findMany({
      where: { organisationId },
      select: { user: { select: { id: true, name: true } } },
    }),
    heldPeople([organisationId]),
  ])
  return members
    .map((m) => m.user)
    .filter((u) => !held.has(u.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
}
