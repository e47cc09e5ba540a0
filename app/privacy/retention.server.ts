import { prisma, type Db, type Tx } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { objectStorage } from '#app/storage/object-storage.server.ts'
import { heldPeople } from './legal-hold.server.ts'
import { monthsBefore } from './retention-months.ts'
import { retentionPeriods, type RetentionPeriods } from './retention-policy.ts'

/**
 * Retention (docs/decisions/035-retention.md): what an organisation no longer keeps, worked
 * out once by `planRetention`, and deleted exactly so by `applyRetention`, which plans again
 * inside its transaction. The dry run and the run share one function, so what the admin reads
 * tonight is what goes tonight.
 */

export type RetentionRows = {
  /** Exam evidence, with its assessments, criterion scores and work-process links. */
  evidence: string[]
  assessments: string[]
  /** Resumable uploads attached to that evidence (their object is the evidence file). */
  uploads: string[]
  /** Learning events, except each person's highest `progressed` step per work process. */
  learningEvents: string[]
  quizAttempts: string[]
  /** Package attempts that ended (an open one is a learner's place to resume). */
  packageAttempts: string[]
  /** Quality evaluations, with item scores and work-process scores; calibration ones too. */
  evaluations: string[]
  calibrationSessions: string[]
  coachingSessions: string[]
  /** KPI weeks as `userId|weekStart`. */
  kpiWeeks: string[]
}

export type RetentionPlan = {
  periods: RetentionPeriods
  rows: RetentionRows
  /** Object-storage keys of the evidence and evaluation files that go with the rows. */
  files: string[]
  /** Per person, how many items of each category go: what the admin reads. */
  people: Array<{
    userId: string
    name: string
    examEvidence: number
    learning: number
    evaluations: number
    kpiWeeks: number
  }>
  /** The people of the organisation whose data stays, held by a legal hold. */
  held: Array<{ userId: string; name: string }>
}

/** The organisation's periods: its own row, or the defaults (`isDefault`). */
export async function retentionPolicy(organisationId: string, db: Db = prisma) {
  const row = await db.retentionPolicy.findUnique({ where: { organisationId } })
  return { periods: retentionPeriods(row), isDefault: row === null }
}

/** Stores the organisation's periods (one row, created on the first save), audited. */
export async function saveRetentionPolicy(
  organisationId: string,
  periods: RetentionPeriods,
  actorId: string,
) {
  await prisma.$transaction(async (tx) => {
    await tx.retentionPolicy.upsert({
      where: { organisationId },
      create: { organisationId, ...periods, updatedById: actorId },
      update: { ...periods, updatedById: actorId },
    })
    await audit(tx, {
      actorId,
      organisationId,
      action: 'retention.changed',
      subjectType: 'organisation',
      subjectId: organisationId,
      detail: { ...periods },
    })
  })
}

/** What retention would delete in the organisation at `now`; nothing is written. */
export function planRetention(organisationId: string, now: Date): Promise<RetentionPlan> {
  return plan(prisma, organisationId, now)
}

/**
 * Deletes what the plan says, in one transaction with its audit line (counts only, no names
 * or ids of people); the files go from the object storage after the commit, so a rollback
 * never leaves rows pointing at removed files. Returns what it deleted, shaped as the plan.
 * Throws, after removing all others, when the storage refused some files (their rows are gone:
 * the error names how many, for the operator to remove by hand).
 */
export async function applyRetention(organisationId: string, now: Date): Promise<RetentionPlan> {
  const done = await prisma.$transaction(
    async (tx) => {
      const deleted = await plan(tx, organisationId, now)
      await remove(tx, organisationId, deleted.rows)
      await audit(tx, {
        actorId: null,
        organisationId,
        action: 'retention.applied',
        subjectType: 'organisation',
        subjectId: organisationId,
        detail: {
          periods: deleted.periods,
          ...Object.fromEntries(Object.entries(deleted.rows).map(([k, ids]) => [k, ids.length])),
          files: deleted.files.length,
          people: deleted.people.length,
          heldPeople: deleted.held.length,
        },
      })
      return deleted
    },
    { timeout: 120_000, maxWait: 20_000 },
  )
  const storage = objectStorage()
  const refused = (await Promise.allSettled(done.files.map((key) => storage.delete(key)))).filter(
    (r) => r.status === 'rejected',
  )
  if (refused.length > 0)
    throw new Error(
      `retention: ${refused.length} of ${done.files.length} files could not be removed from storage`,
    )
  return done
}

/**
 * The nightly run: every organisation in turn, each in its own transaction. One failing
 * organisation does not stop the others; the run throws at the end, so the job shows it.
 */
export async function applyRetentionEverywhere(now: Date) {
  const organisations = await prisma.organisation.findMany({ select: { id: true, slug: true } })
  const failed: string[] = []
  for (const o of organisations) {
    try {
      await applyRetention(o.id, now)
    } catch (error) {
      console.warn(`retention: ${o.slug} failed:`, error)
      failed.push(o.slug)
    }
  }
  if (failed.length > 0) throw new Error(`retention failed for: ${failed.join(', ')}`)
}

async function plan(db: Db, organisationId: string, now: Date): Promise<RetentionPlan> {
  const { periods } = await retentionPolicy(organisationId, db)
  const heldHere = await heldPeople([organisationId], db)
  const free = (...userIds: string[]) => userIds.every((id) => !heldHere.has(id))

  const evidence = await examEvidence(
    db,
    organisationId,
    monthsBefore(now, periods.examEvidenceMonths),
  )
  const evidenceGoing = evidence.filter((e) => free(e.userId))
  const uploads = await db.upload.findMany({
    where: { evidenceId: { in: evidenceGoing.map((e) => e.id) } },
    select: { id: true, objectKey: true },
  })

  const learning = await learningData(db, organisationId, now)

  const evaluationCutoff = monthsBefore(now, periods.evaluationMonths)
  const [evaluations, calibrations, coaching, kpiWeeks] = await Promise.all([
    db.evaluation.findMany({
      where: { organisationId, calibrationSessionId: null, contactAt: { lt: evaluationCutoff } },
      select: { id: true, agentId: true, evaluatorId: true, fileKey: true },
    }),
    db.calibrationSession.findMany({
      where: { organisationId, contactAt: { lt: evaluationCutoff } },
      select: {
        id: true,
        agentId: true,
        evaluators: { select: { userId: true } },
        evaluations: { select: { id: true, evaluatorId: true, fileKey: true } },
      },
    }),
    db.coachingSession.findMany({
      where: { organisationId, heldAt: { lt: evaluationCutoff } },
      select: { id: true, agentId: true, coachId: true },
    }),
    db.kpiWeek.findMany({
      where: {
        organisationId,
        weekStart: { lt: monthsBefore(now, periods.kpiMonths).toISOString().slice(0, 10) },
      },
      select: { userId: true, weekStart: true },
    }),
  ])
  // What is about a held person stays: an agent's evaluations, and what their evaluator or
  // coach wrote, since a dispute can be about either side of it.
  const evaluationsGoing = evaluations.filter((e) => free(e.agentId, e.evaluatorId))
  const calibrationsGoing = calibrations.filter((c) =>
    free(
      c.agentId,
      ...c.evaluators.map((e) => e.userId),
      ...c.evaluations.map((e) => e.evaluatorId),
    ),
  )
  const coachingGoing = coaching.filter((c) => free(c.agentId, c.coachId))
  const kpiGoing = kpiWeeks.filter((k) => free(k.userId))

  const count = new Map<string, Omit<RetentionPlan['people'][number], 'userId' | 'name'>>()
  const tally = (
    userId: string,
    category: 'examEvidence' | 'learning' | 'evaluations' | 'kpiWeeks',
  ) => {
    const c = count.get(userId) ?? { examEvidence: 0, learning: 0, evaluations: 0, kpiWeeks: 0 }
    c[category] += 1
    count.set(userId, c)
  }
  for (const e of evidenceGoing) tally(e.userId, 'examEvidence')
  for (const l of [...learning.events, ...learning.quizAttempts, ...learning.packageAttempts])
    tally(l.userId, 'learning')
  for (const e of evaluationsGoing) tally(e.agentId, 'evaluations')
  for (const c of calibrationsGoing) tally(c.agentId, 'evaluations')
  for (const c of coachingGoing) tally(c.agentId, 'evaluations')
  for (const k of kpiGoing) tally(k.userId, 'kpiWeeks')

  const names = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...count.keys(), ...heldHere.keys()] } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  )
  const byName = (a: { name: string; userId: string }, b: { name: string; userId: string }) =>
    a.name.localeCompare(b.name, 'nl') || a.userId.localeCompare(b.userId)
  const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort()
  const allEvaluations = [...evaluationsGoing, ...calibrationsGoing.flatMap((c) => c.evaluations)]

  return {
    periods,
    rows: {
      evidence: sorted(evidenceGoing.map((e) => e.id)),
      assessments: sorted(evidenceGoing.flatMap((e) => e.assessments.map((a) => a.id))),
      uploads: sorted(uploads.map((u) => u.id)),
      learningEvents: sorted(learning.events.map((e) => e.id)),
      quizAttempts: sorted(learning.quizAttempts.map((q) => q.id)),
      packageAttempts: sorted(learning.packageAttempts.map((p) => p.id)),
      evaluations: sorted(allEvaluations.map((e) => e.id)),
      calibrationSessions: sorted(calibrationsGoing.map((c) => c.id)),
      coachingSessions: sorted(coachingGoing.map((c) => c.id)),
      kpiWeeks: sorted(kpiGoing.map((k) => `${k.userId}|${k.weekStart}`)),
    },
    files: sorted([
      ...evidenceGoing.flatMap((e) => (e.fileKey ? [e.fileKey] : [])),
      ...uploads.map((u) => u.objectKey),
      ...allEvaluations.flatMap((e) => (e.fileKey ? [e.fileKey] : [])),
    ]),
    people: [...count]
      .map(([userId, c]) => ({ userId, name: names.get(userId) ?? '–', ...c }))
      .sort(byName),
    held: [...heldHere.keys()]
      .map((userId) => ({ userId, name: names.get(userId) ?? '–' }))
      .sort(byName),
  }
}

/**
 * Exam evidence whose time is up: evidence of a dossier submitted before the person's
 * qualification record for that dossier in this organisation, once that record is older than
 * the period. A revoked or suspended record does not count (the exam is in question, its
 * evidence may be needed); evidence of people without a qualification record stays.
 */
async function examEvidence(db: Db, organisationId: string, cutoff: Date) {
  const records = await db.completionRecord.findMany({
    where: {
      organisationId,
      level: 'qualification',
      userId: { not: null },
      issuedAt: { lte: cutoff },
      revocation: { is: null },
      suspension: { is: null },
    },
    select: { userId: true, dossierSlug: true, issuedAt: true },
  })
  // Per person and dossier, the newest record old enough: evidence before it was examined.
  const examinedUntil = new Map<string, Date>()
  for (const r of records) {
    const key = `${r.userId}|${r.dossierSlug}`
    const until = examinedUntil.get(key)
    if (!until || r.issuedAt > until) examinedUntil.set(key, r.issuedAt)
  }
  if (examinedUntil.size === 0) return []
  const evidence = await db.evidence.findMany({
    where: {
      organisationId,
      userId: { in: [...new Set(records.map((r) => r.userId!))] },
    },
    select: {
      id: true,
      userId: true,
      dossierSlug: true,
      submittedAt: true,
      fileKey: true,
      assessments: { select: { id: true } },
    },
  })
  return evidence.filter((e) => {
    const until = examinedUntil.get(`${e.userId}|${e.dossierSlug}`)
    return until !== undefined && e.submittedAt <= until
  })
}

/**
 * The learning data of the organisation's people (every membership, deactivated ones too)
 * that has had its time. Learning data belongs to the person, not to one organisation: for
 * someone in several organisations the longest period of theirs applies, and a legal hold in
 * any of them keeps it, so one organisation's short period never takes what another keeps.
 * Each person's highest `progressed` event per work process stays: it is what the progress
 * rebuild needs to keep their step once the evidence that earned it is gone.
 */
async function learningData(db: Db, organisationId: string, now: Date) {
  const members = await db.membership.findMany({
    where: { organisationId },
    select: { userId: true },
  })
  const people = members.map((m) => m.userId)
  const memberships = await db.membership.findMany({
    where: { userId: { in: people } },
    select: { userId: true, organisationId: true },
  })
  const organisationIds = [...new Set(memberships.map((m) => m.organisationId))]
  const [policies, held] = await Promise.all([
    db.retentionPolicy.findMany({ where: { organisationId: { in: organisationIds } } }),
    heldPeople(organisationIds, db),
  ])
  const monthsOf = new Map(
    policies.map((p) => [p.organisationId, retentionPeriods(p).learningEventMonths]),
  )
  const longest = new Map<string, number>()
  for (const m of memberships) {
    const months = monthsOf.get(m.organisationId) ?? retentionPeriods(null).learningEventMonths
    longest.set(m.userId, Math.max(longest.get(m.userId) ?? 0, months))
  }
  // People with the same period share a cutoff: one query per distinct period.
  const groups = new Map<number, string[]>()
  for (const [userId, months] of longest) {
    if (held.has(userId)) continue
    groups.set(months, [...(groups.get(months) ?? []), userId])
  }
  const events: Array<{ id: string; userId: string }> = []
  const quizAttempts: Array<{ id: string; userId: string }> = []
  const packageAttempts: Array<{ id: string; userId: string }> = []
  for (const [months, userIds] of groups) {
    const cutoff = monthsBefore(now, months)
    const [e, q, p, highest] = await Promise.all([
      db.learningEvent.findMany({
        where: { userId: { in: userIds }, timestamp: { lt: cutoff } },
        select: { id: true, userId: true, verb: true, objectId: true, resultStep: true },
      }),
      db.quizAttempt.findMany({
        where: { userId: { in: userIds }, createdAt: { lt: cutoff } },
        select: { id: true, userId: true },
      }),
      db.packageAttempt.findMany({
        where: { userId: { in: userIds }, endedAt: { not: null }, updatedAt: { lt: cutoff } },
        select: { id: true, userId: true },
      }),
      db.learningEvent.groupBy({
        by: ['userId', 'objectId'],
        where: { userId: { in: userIds }, verb: 'progressed' },
        _max: { resultStep: true },
      }),
    ])
    const top = new Map(highest.map((h) => [`${h.userId}|${h.objectId}`, h._max.resultStep]))
    events.push(
      ...e.filter(
        (ev) =>
          ev.verb !== 'progressed' || ev.resultStep !== top.get(`${ev.userId}|${ev.objectId}`),
      ),
    )
    quizAttempts.push(...q)
    packageAttempts.push(...p)
  }
  return { events, quizAttempts, packageAttempts }
}

/** A long list of ids in slices, so no engine meets its limit of bound parameters. */
async function inSlices(ids: string[], run: (slice: string[]) => Promise<unknown>) {
  for (let i = 0; i < ids.length; i += 500) await run(ids.slice(i, i + 500))
}

async function remove(tx: Tx, organisationId: string, rows: RetentionRows) {
  await inSlices(rows.uploads, (id) => tx.upload.deleteMany({ where: { id: { in: id } } }))
  // Assessments, criterion scores and work-process links go with their evidence (cascade).
  await inSlices(rows.evidence, (id) => tx.evidence.deleteMany({ where: { id: { in: id } } }))
  await inSlices(rows.learningEvents, (id) =>
    tx.learningEvent.deleteMany({ where: { id: { in: id } } }),
  )
  await inSlices(rows.quizAttempts, (id) =>
    tx.quizAttempt.deleteMany({ where: { id: { in: id } } }),
  )
  await inSlices(rows.packageAttempts, (id) =>
    tx.packageAttempt.deleteMany({ where: { id: { in: id } } }),
  )
  await inSlices(rows.evaluations, (id) => tx.evaluation.deleteMany({ where: { id: { in: id } } }))
  await inSlices(rows.calibrationSessions, (id) =>
    tx.calibrationSession.deleteMany({ where: { id: { in: id } } }),
  )
  await inSlices(rows.coachingSessions, (id) =>
    tx.coachingSession.deleteMany({ where: { id: { in: id } } }),
  )
  const weeksOf = new Map<string, string[]>()
  for (const k of rows.kpiWeeks) {
    const [userId, weekStart] = k.split('|') as [string, string]
    weeksOf.set(userId, [...(weeksOf.get(userId) ?? []), weekStart])
  }
  for (const [userId, weeks] of weeksOf)
    await tx.kpiWeek.deleteMany({ where: { organisationId, userId, weekStart: { in: weeks } } })
}
