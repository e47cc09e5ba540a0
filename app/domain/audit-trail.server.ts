import { prisma } from '#app/db.server.ts'

/**
 * An organisation's audit trail, newest first, with the actor's name where the account still
 * exists (the trail keeps only ids, so it outlives deleted accounts).
 */
export async function auditTrail(organisationId: string, take = 200) {
  const events = await prisma.auditEvent.findMany({
    where: { organisationId },
    orderBy: { createdAt: 'desc' },
    take,
    select: {
      id: true,
      actorId: true,
      action: true,
      subjectType: true,
      subjectId: true,
      detail: true,
      createdAt: true,
    },
  })
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))]
  const actors = new Map(
    (
      await prisma.user.findMany({
        where: { id: { in: actorIds } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  )
  return events.map((e) => {
    const detail = JSON.parse(e.detail) as Record<string, unknown>
    return {
      ...e,
      actor: e.actorId ? (actors.get(e.actorId) ?? null) : null,
      // The few facts worth a column; the full detail stays in the database.
      summary: [
        detail.workProcessCode,
        detail.code,
        detail.decision,
        detail.version !== undefined ? `v${String(detail.version)}` : undefined,
        detail.reason,
        // SCIM changes: the person or team changed, and the token of the directory.
        detail.name,
        detail.via,
        Array.isArray(detail.workProcessCodes) ? detail.workProcessCodes.join(', ') : undefined,
      ]
        .filter((x) => typeof x === 'string' && x.length > 0)
        .join(' · '),
    }
  })
}
