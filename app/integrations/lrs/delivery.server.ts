import { prisma } from '#app/db.server.ts'
import { Prisma } from '#app/generated/prisma/client.ts'
import { statementsFor } from '#app/domain/xapi.server.ts'
import { enqueueJob } from '#app/jobs/process-queue.server.ts'
import { logger } from '#app/operations/logger.server.ts'
import { forwardingTarget } from './forwarding.server.ts'
import { LrsError, message, sendStatements } from './lrs-client.server.ts'
import { pendingEventsWhere } from './pending-events.server.ts'

/**
 * Delivery of statements to organisations' own LRSs (job `lrs.forward`, one per
 * organisation). The event log is the source: what an organisation's LRS still lacks is every
 * event of its (active) members without an LrsDelivery row for it. So nothing is lost while
 * the LRS is down (the events wait, the job is retried with back-off, the sweep comes again),
 * and nothing is sent twice: delivery rows are written only after the LRS said 200/204, and a
 * batch repeated after a lost answer carries the same statement ids, which the LRS dedupes.
 */

export const BATCH_SIZE = 50
/** Batches per job run; a longer backlog continues in a follow-up job. */
const MAX_BATCHES = 40
/** Triggers within this window share one job (per organisation). */
export const TRIGGER_SLOT_MS = 5_000
/** The sweep: every organisation with forwarding gets a run at least this often. */
export const SWEEP_INTERVAL_MS = 2 * 60_000

/**
 * Send what the organisation's LRS lacks, oldest first, in batches. Throws LrsError when the
 * LRS is down or refuses (the queue retries); the problem is kept for the org admin's page.
 * Returns how many statements were delivered.
 */
export async function forwardPending(organisationId: string, batchSize = BATCH_SIZE) {
  const found = await forwardingTarget(organisationId)
  if (!found?.enabled) return 0
  let sent = 0
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const events = await prisma.learningEvent.findMany({
      where: pendingEventsWhere(organisationId),
      orderBy: [{ timestamp: 'asc' }, { id: 'asc' }],
      take: batchSize,
    })
    if (events.length === 0) break
    try {
      await sendStatements(found.target, await statementsFor(events))
    } catch (error) {
      await prisma.lrsForwarding.updateMany({
        where: { organisationId },
        data: { lastError: message(error) },
      })
      throw error instanceof LrsError ? error : new LrsError(message(error))
    }
    await recordDeliveries(
      organisationId,
      events.map((e) => e.id),
    )
    sent += events.length
    // A short batch was the end of the backlog: no query only to find nothing.
    if (events.length < batchSize) break
    if (batch === MAX_BATCHES - 1)
      await enqueueJob(
        'lrs.forward',
        { organisationId },
        { key: `lrs.forward:${organisationId}:more:${events.at(-1)!.id}` },
      )
  }
  await prisma.lrsForwarding.updateMany({
    where: { organisationId, lastError: { not: null } },
    data: { lastError: null },
  })
  return sent
}

/**
 * The LRS has these: one row each, in one statement (a batch binds 3 × BATCH_SIZE values), a
 * row already there (a concurrent run) left as is.
 */
async function recordDeliveries(organisationId: string, eventIds: string[]) {
  const now = new Date()
  const rows = eventIds.map((eventId) => Prisma.sql`(${organisationId}, ${eventId}, ${now})`)
  await prisma.$executeRaw`
    INSERT INTO "LrsDelivery" ("organisationId", "eventId", "deliveredAt")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT DO NOTHING`
}

const slot = (time: Date, ms: number) => Math.floor(time.getTime() / ms)

/**
 * New events of this learner: enqueue `lrs.forward` for each of their organisations with
 * forwarding on. One job per organisation per 5 s slot (the key), run at the end of its
 * slot: a burst of events makes one delivery, and every event is covered, because the job of
 * the slot it was triggered in starts only after that trigger (which comes after the commit).
 * The learner's progress is saved already, so a failure here is logged, not thrown.
 */
export async function forwardStatementsSoon(userId: string, now = new Date()) {
  try {
    const memberships = await prisma.membership.findMany({
      where: { userId, deactivatedAt: null, organisation: { lrsForwarding: { enabled: true } } },
      select: { organisationId: true },
    })
    for (const { organisationId } of memberships) await enqueueForOrganisation(organisationId, now)
    return memberships.length
  } catch (error) {
    logger.warn({ err: error, userId }, 'LRS forwarding could not be enqueued')
    return 0
  }
}

/** The trigger's job for one organisation: its slot's key, run at the end of the slot. */
function enqueueForOrganisation(organisationId: string, now: Date) {
  const current = slot(now, TRIGGER_SLOT_MS)
  return enqueueJob(
    'lrs.forward',
    { organisationId },
    {
      key: `lrs.forward:${organisationId}:${current}`,
      runAt: new Date((current + 1) * TRIGGER_SLOT_MS),
    },
  )
}

/**
 * A run for one organisation soon: after its forwarding is set up or resumed, so the backlog
 * starts going without waiting for the sweep (which covers a failure here: logged only).
 */
export async function forwardOrganisationSoon(organisationId: string, now = new Date()) {
  try {
    await enqueueForOrganisation(organisationId, now)
  } catch (error) {
    logger.warn({ err: error, organisationId }, 'LRS forwarding could not be enqueued')
  }
}

/**
 * The periodic sweep: a run for every organisation with forwarding on, under a key per
 * organisation and sweep slot (every instance ticks; one job per slot). It catches what no
 * trigger covered: events written outside the progress module, a job out of attempts.
 */
export async function sweepForwarding(now = new Date()) {
  const forwardings = await prisma.lrsForwarding.findMany({
    where: { enabled: true },
    select: { organisationId: true },
  })
  const ids: string[] = []
  for (const { organisationId } of forwardings) {
    const id = await enqueueJob(
      'lrs.forward',
      { organisationId },
      { key: `lrs.forward:${organisationId}:sweep:${slot(now, SWEEP_INTERVAL_MS)}` },
    )
    if (id) ids.push(id)
  }
  return ids
}

/** The sweep's timer in a process that runs jobs (started with the job workers). */
export class ForwardingSweep {
  private timer?: NodeJS.Timeout

  start(intervalMs = SWEEP_INTERVAL_MS) {
    const tick = () => {
      sweepForwarding().catch((error) => logger.warn({ err: error }, 'LRS sweep failed'))
    }
    this.timer = setInterval(tick, intervalMs)
    this.timer.unref()
  }

  stop() {
    clearInterval(this.timer)
    this.timer = undefined
  }
}
