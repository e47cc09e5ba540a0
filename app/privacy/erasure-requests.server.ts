import { prisma } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { jobQueue } from '#app/jobs/process-queue.server.ts'
import { eraseAccount } from './erasure.server.ts'
import { addMonths } from './retention-months.ts'
import { retentionPeriods } from './retention-policy.ts'

/**
 * The way to an erasure (AVG art. 17): the person or an org admin files a request, an org
 * admin of that organisation approves or rejects it, and the `privacy.erase` job carries it
 * out once nothing holds it: no active legal hold, and the exam-retention period after a
 * qualification record over (the right to erasure yields to a legal duty to keep, art.
 * 17(3)(b)). A person without any organisation has nobody whose duty it is: their own request
 * is approved at once.
 */

export type ErasureStatus = 'requested' | 'approved' | 'rejected' | 'done'
export type WaitingFor = '' | 'legal_hold' | 'exam_retention'

export class ErasureRequestError extends Error {
  constructor(readonly key: 'open_request' | 'not_member' | 'not_open' | 'erased') {
    super(key)
  }
}

const OPEN: ErasureStatus[] = ['requested', 'approved']

/** The request key the job runs under: one run per request, plus the daily re-check. */
export const erasureJobKey = (requestId: string, attempt = '') =>
  `privacy.erase:${requestId}${attempt ? `:${attempt}` : ''}`

/** The person's open request, if any (the account page shows it). */
export function openErasureRequest(userId: string) {
  return prisma.erasureRequest.findFirst({
    where: { userId, status: { in: OPEN } },
    orderBy: { requestedAt: 'desc' },
    select: { id: true, status: true, requestedAt: true, waitingFor: true, notBefore: true },
  })
}

/**
 * Files a request to erase `userId`, in `organisationId` (one of their organisations; empty
 * for a person without one). Refuses a second open request.
 */
export async function requestErasure(input: {
  userId: string
  organisationId: string
  requestedById: string
}) {
  const { userId, organisationId, requestedById } = input
  const person = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { erasedAt: true, memberships: { select: { organisationId: true } } },
  })
  if (person.erasedAt) throw new ErasureRequestError('erased')
  const orgs = person.memberships.map((m) => m.organisationId)
  if (organisationId ? !orgs.includes(organisationId) : orgs.length > 0)
    throw new ErasureRequestError('not_member')
  const request = await prisma.$transaction(async (tx) => {
    const open = await tx.erasureRequest.findFirst({
      where: { userId, status: { in: OPEN } },
      select: { id: true },
    })
    if (open) throw new ErasureRequestError('open_request')
    const selfService = organisationId === ''
    const created = await tx.erasureRequest.create({
      data: {
        userId,
        organisationId,
        requestedById,
        ...(selfService
          ? { status: 'approved', decidedById: requestedById, decidedAt: new Date() }
          : {}),
      },
    })
    await audit(tx, {
      actorId: requestedById,
      organisationId: organisationId || null,
      action: 'privacy.erasure-requested',
      subjectType: 'user',
      subjectId: userId,
      detail: { requestId: created.id, byThePerson: requestedById === userId },
    })
    return created
  })
  if (request.status === 'approved') await jobQueue().enqueue(...eraseJob(request.id))
  return request
}

const eraseJob = (requestId: string) =>
  ['privacy.erase', { requestId }, { key: erasureJobKey(requestId) }] as const

/** An org admin's decision on a request of their organisation. */
export async function decideErasure(input: {
  requestId: string
  organisationId: string
  adminId: string
  approve: boolean
  note: string
}) {
  const decided = await prisma.$transaction(async (tx) => {
    const request = await tx.erasureRequest.findFirst({
      where: { id: input.requestId, organisationId: input.organisationId },
      select: { id: true, userId: true, status: true },
    })
    if (!request || request.status !== 'requested') throw new ErasureRequestError('not_open')
    const status: ErasureStatus = input.approve ? 'approved' : 'rejected'
    await tx.erasureRequest.update({
      where: { id: request.id },
      data: {
        status,
        decidedById: input.adminId,
        decidedAt: new Date(),
        decisionNote: input.note,
      },
    })
    await audit(tx, {
      actorId: input.adminId,
      organisationId: input.organisationId,
      action: input.approve ? 'privacy.erasure-approved' : 'privacy.erasure-rejected',
      subjectType: 'user',
      subjectId: request.userId,
      detail: { requestId: request.id },
    })
    return { ...request, status }
  })
  if (decided.status === 'approved') await jobQueue().enqueue(...eraseJob(decided.id))
  return decided
}

/** What stands in the way of erasing now: a legal hold, or exam material still to be kept. */
async function holdOn(userId: string, organisationId: string, now: Date) {
  const hold = await prisma.legalHold.findFirst({
    where: { userId, liftedAt: null },
    select: { id: true },
  })
  if (hold) return { waitingFor: 'legal_hold' as const, notBefore: null }
  if (!organisationId) return null
  const policy = retentionPeriods(
    await prisma.retentionPolicy.findUnique({ where: { organisationId } }),
  )
  const qualification = await prisma.completionRecord.findFirst({
    where: { userId, organisationId, level: 'qualification' },
    orderBy: { issuedAt: 'desc' },
    select: { issuedAt: true },
  })
  if (!qualification) return null
  const notBefore = addMonths(qualification.issuedAt, policy.examEvidenceMonths)
  return notBefore > now ? { waitingFor: 'exam_retention' as const, notBefore } : null
}

/**
 * The job: carries out an approved request, or notes what it waits for (the daily re-check
 * tries again). Idempotent: a request that is done or not approved is left alone.
 */
export async function carryOutErasure(requestId: string, now = new Date()) {
  const request = await prisma.erasureRequest.findUnique({
    where: { id: requestId },
    select: { id: true, userId: true, organisationId: true, status: true },
  })
  if (!request || request.status !== 'approved') return { erased: false as const }
  const hold = await holdOn(request.userId, request.organisationId, now)
  if (hold) {
    await prisma.erasureRequest.update({ where: { id: request.id }, data: hold })
    return { erased: false as const, ...hold }
  }
  const outcome = await eraseAccount(request.userId, now)
  await prisma.$transaction(async (tx) => {
    await tx.erasureRequest.update({
      where: { id: request.id },
      data: { status: 'done', carriedOutAt: now, waitingFor: '', notBefore: null },
    })
    await audit(tx, {
      actorId: null,
      organisationId: request.organisationId || null,
      action: 'privacy.erasure-done',
      subjectType: 'user',
      subjectId: outcome.pseudonymId,
      detail: { requestId: request.id, filesDeleted: outcome.filesDeleted },
    })
  })
  return { erased: true as const, outcome }
}

/** The daily re-check: every approved request that was waiting gets another run. */
export async function carryOutDueErasures(now = new Date()) {
  const waiting = await prisma.erasureRequest.findMany({
    where: { status: 'approved' },
    select: { id: true },
  })
  for (const { id } of waiting) await carryOutErasure(id, now)
  return waiting.length
}

/** An organisation's requests, newest first, with the names of the living accounts. */
export async function erasureRequestsOf(organisationId: string) {
  const requests = await prisma.erasureRequest.findMany({
    where: { organisationId },
    orderBy: { requestedAt: 'desc' },
    take: 200,
  })
  const people = await prisma.user.findMany({
    where: { id: { in: requests.flatMap((r) => [r.userId, r.requestedById]) } },
    select: { id: true, name: true, erasedAt: true },
  })
  const byId = new Map(people.map((p) => [p.id, p]))
  return requests.map((r) => ({
    ...r,
    person: byId.get(r.userId) ?? null,
    requestedBy: byId.get(r.requestedById) ?? null,
  }))
}

/** The organisations a person can file their request with: every membership, ended ones too. */
export async function erasureOrganisations(userId: string) {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    orderBy: { organisation: { name: 'asc' } },
    select: { organisation: { select: { id: true, name: true } } },
  })
  return memberships.map((m) => m.organisation)
}

/** The members an admin can file a request for: living accounts without an open request. */
export async function erasureCandidates(organisationId: string) {
  const [members, open] = await Promise.all([
    prisma.membership.findMany({
      where: { organisationId, user: { erasedAt: null } },
      select: { user: { select: { id: true, name: true } } },
    }),
    prisma.erasureRequest.findMany({
      where: { organisationId, status: { in: OPEN } },
      select: { userId: true },
    }),
  ])
  const pending = new Set(open.map((r) => r.userId))
  return members
    .map((m) => m.user)
    .filter((u) => !pending.has(u.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
}

/** How many requests of the organisation wait for a decision. */
export function openErasureRequestCount(organisationId: string) {
  return prisma.erasureRequest.count({ where: { organisationId, status: 'requested' } })
}
