import { prisma } from '#app/db.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'

/**
 * Fixed-window counters in the database, so all instances count together. A window is
 * identified by its start; old windows are simply never read again.
 */
export type Limit = { key: string; max: number; windowMs: number }

function windowStart(windowMs: number, now = Date.now()) {
  return new Date(Math.floor(now / windowMs) * windowMs)
}

/** Seconds until the window ends, when the limit is reached; otherwise null. */
export async function retryAfter(limit: Limit): Promise<number | null> {
  const start = windowStart(limit.windowMs)
  const row = await prisma.rateLimitCounter.findUnique({
    where: { key_windowStart: { key: limit.key, windowStart: start } },
    select: { count: true },
  })
  if (!row || row.count < limit.max) return null
  return Math.max(1, Math.ceil((start.getTime() + limit.windowMs - Date.now()) / 1000))
}

/** Count one event, atomically (an increment in the database, never read-then-write). */
export async function hit(limit: Limit): Promise<void> {
  const where = { key_windowStart: { key: limit.key, windowStart: windowStart(limit.windowMs) } }
  const upsert = () =>
    prisma.rateLimitCounter.upsert({
      where,
      create: { ...where.key_windowStart, count: 1 },
      update: { count: { increment: 1 } },
    })
  try {
    await upsert()
  } catch (error) {
    // Two first hits at once: one insert wins, the other now finds the row and increments.
    if (!isUniqueViolation(error)) throw error
    await upsert()
  }
}

export async function reset(limit: Limit): Promise<void> {
  await prisma.rateLimitCounter.deleteMany({ where: { key: limit.key } })
}
