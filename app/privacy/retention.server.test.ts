import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { computeAllStatuses } from '#app/domain/progress-rebuild.server.ts'
import { createTasks } from '#app/jobs/tasks.server.ts'
import { objectStorage } from '#app/storage/object-storage.server.ts'
import { completeKnowledge, evidenceFor, judge, TL } from '#tests/assessment-fixtures.ts'
import { makeMember, makeOrganisation } from '#tests/factories.ts'
import { evaluate, makeScorecard } from '#tests/quality-fixtures.ts'
import { activeLegalHold, liftLegalHold, placeLegalHold } from './legal-hold.server.ts'
import { addMonths } from './retention-months.ts'
import { DEFAULT_RETENTION } from './retention-policy.ts'
import {
  applyRetention,
  planRetention,
  retentionPolicy,
  saveRetentionPolicy,
  type RetentionPlan,
} from './retention.server.ts'

/**
 * Retention with a fixed "now" years ahead: what the data of today looks like then. The test
 * data is made today (December 2026); `NOW` is mid 2031.
 */
const NOW = new Date('2031-06-01T02:00:00Z')
const CODE = 'TL-K2-W2'
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')
const pdfFile = {
  bytes: PDF,
  name: 'proeve.pdf',
  type: { mime: 'application/pdf', extension: 'pdf', kind: 'pdf' as const },
}

/** A qualification record as the records module issues one, without the signing. */
function qualification(userId: string, organisationId: string, issuedAt: Date) {
  return prisma.completionRecord.create({
    data: {
      id: randomUUID(),
      userId,
      organisationId,
      level: 'qualification',
      dossierSlug: TL,
      dossierVersion: 1,
      code: '25191',
      name: 'Teamleider contactcenter',
      recipientName: 'Test',
      credential: '{}',
      jwt: 'test',
      kid: 'test',
      issuedAt,
    },
  })
}

/** A person's exam evidence (with a file, signed off), a scored contact with a file and KPIs. */
async function personWithData(
  organisationId: string,
  assessorId: string,
  coachId: string,
  scorecard: Awaited<ReturnType<typeof makeScorecard>>,
  kpiImportId: string,
) {
  const { user } = await makeMember(organisationId, ['learner', 'team_leader'])
  const { id: evidenceId } = await evidenceFor(user.id, organisationId, [CODE], { file: pdfFile })
  await judge(evidenceId, CODE, assessorId)
  await qualification(user.id, organisationId, new Date('2027-06-01T10:00:00Z'))
  const evaluation = await evaluate({
    organisationId,
    scorecard,
    evaluatorId: coachId,
    agentId: user.id,
    contact: { contactAt: new Date('2026-11-02T09:00:00Z') },
  })
  const fileKey = await objectStorage().put(PDF)
  await prisma.evaluation.update({
    where: { id: evaluation.id },
    data: { fileKey, fileName: 'gesprek.pdf', fileType: 'application/pdf', fileSize: PDF.length },
  })
  await prisma.coachingSession.create({
    data: {
      organisationId,
      coachId,
      agentId: user.id,
      heldAt: new Date('2026-11-03T09:00:00Z'),
      discussed: 'Gespreksopening',
      agreements: 'Naam noemen',
    },
  })
  await prisma.kpiWeek.create({
    data: {
      organisationId,
      userId: user.id,
      weekStart: '2026-11-02',
      ahtSeconds: 300,
      importId: kpiImportId,
    },
  })
  await prisma.learningEvent.create({
    data: {
      id: randomUUID(),
      userId: user.id,
      verb: 'completed',
      objectType: 'lesson',
      objectId: 'gesprekstechnieken',
      timestamp: new Date('2026-11-01T09:00:00Z'),
    },
  })
  return user.id
}

let org: Awaited<ReturnType<typeof makeOrganisation>>
let admin: string
let assessor: string
let coach: string
let scorecard: Awaited<ReturnType<typeof makeScorecard>>
let kpiImportId: string

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  org = await makeOrganisation()
  admin = (await makeMember(org.id, ['employer_admin'])).user.id
  assessor = (await makeMember(org.id, ['assessor'])).user.id
  coach = (await makeMember(org.id, ['quality_coach'])).user.id
  scorecard = await makeScorecard(org.id, admin)
  kpiImportId = (
    await prisma.qualityImport.create({
      data: {
        organisationId: org.id,
        kind: 'kpis',
        fileName: 'kpi.csv',
        mapping: '{}',
        rowCount: 1,
        createdCount: 1,
        importedById: admin,
      },
    })
  ).id
}, 120_000)

/** Which of the plan's rows and files are still there. */
async function stillThere(plan: RetentionPlan) {
  const { rows } = plan
  const storage = objectStorage()
  return {
    evidence: await prisma.evidence.count({ where: { id: { in: rows.evidence } } }),
    assessments: await prisma.assessment.count({ where: { id: { in: rows.assessments } } }),
    uploads: await prisma.upload.count({ where: { id: { in: rows.uploads } } }),
    learningEvents: await prisma.learningEvent.count({
      where: { id: { in: rows.learningEvents } },
    }),
    quizAttempts: await prisma.quizAttempt.count({ where: { id: { in: rows.quizAttempts } } }),
    packageAttempts: await prisma.packageAttempt.count({
      where: { id: { in: rows.packageAttempts } },
    }),
    evaluations: await prisma.evaluation.count({ where: { id: { in: rows.evaluations } } }),
    calibrationSessions: await prisma.calibrationSession.count({
      where: { id: { in: rows.calibrationSessions } },
    }),
    coachingSessions: await prisma.coachingSession.count({
      where: { id: { in: rows.coachingSessions } },
    }),
    kpiWeeks: await prisma.kpiWeek.count({
      where: {
        OR: rows.kpiWeeks.map((k) => ({
          organisationId: org.id,
          userId: k.split('|')[0],
          weekStart: k.split('|')[1],
        })),
      },
    }),
    files: (
      await Promise.all(
        plan.files.map(async (key) => {
          const stored = await storage.read(key)
          stored?.body.destroy()
          return stored !== null
        }),
      )
    ).filter(Boolean).length,
  }
}
const nothingLeft = {
  evidence: 0,
  assessments: 0,
  uploads: 0,
  learningEvents: 0,
  quizAttempts: 0,
  packageAttempts: 0,
  evaluations: 0,
  calibrationSessions: 0,
  coachingSessions: 0,
  kpiWeeks: 0,
  files: 0,
}
const stepsOf = async (userId: string) =>
  [...(await computeAllStatuses())].filter(([key]) => key.startsWith(`${userId}|`)).sort()

describe('retention', () => {
  test('without a row the defaults apply; a saved row is the organisation’s own, audited', async () => {
    const other = await makeOrganisation()
    expect(await retentionPolicy(other.id)).toEqual({ periods: DEFAULT_RETENTION, isDefault: true })
    await saveRetentionPolicy(other.id, { ...DEFAULT_RETENTION, kpiMonths: 12 }, admin)
    expect(await retentionPolicy(other.id)).toEqual({
      periods: { ...DEFAULT_RETENTION, kpiMonths: 12 },
      isDefault: false,
    })
    expect(
      await prisma.auditEvent.count({
        where: { organisationId: other.id, action: 'retention.changed' },
      }),
    ).toBe(1)
  })

  test('the defaults decide without a row: a contact 23 months old stays, one of 25 months goes', async () => {
    const other = await makeOrganisation()
    const otherAdmin = (await makeMember(other.id, ['employer_admin'])).user.id
    const agent = (await makeMember(other.id, ['learner'])).user.id
    const card = await makeScorecard(other.id, otherAdmin)
    const at = (months: number) => addMonths(NOW, -months)
    const young = await evaluate({
      organisationId: other.id,
      scorecard: card,
      evaluatorId: otherAdmin,
      agentId: agent,
      contact: { contactAt: at(23) },
    })
    const old = await evaluate({
      organisationId: other.id,
      scorecard: card,
      evaluatorId: otherAdmin,
      agentId: agent,
      contact: { contactAt: at(25) },
    })
    const plan = await planRetention(other.id, NOW)
    expect(plan.periods).toEqual(DEFAULT_RETENTION)
    expect(plan.rows.evaluations).toEqual([old.id])
    expect(plan.rows.evaluations).not.toContain(young.id)
  })

  test('the dry run is the run: what the plan lists is what goes, from the database and the storage', async () => {
    const learner = await personWithData(org.id, assessor, coach, scorecard, kpiImportId)
    await completeKnowledge(learner, [CODE])
    // Evidence of someone without a qualification record stays.
    const unqualified = (await makeMember(org.id, ['learner'])).user.id
    const { id: keptEvidence } = await evidenceFor(unqualified, org.id, [CODE])
    // A contact of last month (in 2031) stays.
    const recent = await evaluate({
      organisationId: org.id,
      scorecard,
      evaluatorId: coach,
      agentId: learner,
      contact: { contactAt: addMonths(NOW, -1) },
    })
    const stepsBefore = await stepsOf(learner)
    expect(stepsBefore).toContainEqual([`${learner}|${TL}|${CODE}`, 4])

    const plan = await planRetention(org.id, NOW)
    expect(plan.rows.evidence).toHaveLength(1)
    expect(plan.rows.evidence).not.toContain(keptEvidence)
    expect(plan.rows.assessments).toHaveLength(1)
    expect(plan.rows.learningEvents.length).toBeGreaterThan(0)
    expect(plan.rows.quizAttempts.length).toBeGreaterThan(0)
    expect(plan.rows.evaluations).toHaveLength(1)
    expect(plan.rows.evaluations).not.toContain(recent.id)
    expect(plan.rows.coachingSessions).toHaveLength(1)
    expect(plan.rows.kpiWeeks).toEqual([`${learner}|2026-11-02`])
    expect(plan.files).toHaveLength(2)
    expect(plan.people.map((p) => p.userId)).toContain(learner)
    expect(plan.people.find((p) => p.userId === learner)).toMatchObject({
      examEvidence: 1,
      evaluations: 2,
      kpiWeeks: 1,
    })
    expect(await stillThere(plan)).toMatchObject({ evidence: 1, evaluations: 1, files: 2 })

    const done = await applyRetention(org.id, NOW)
    expect(done).toEqual(plan)
    expect(await stillThere(plan)).toEqual(nothingLeft)
    expect(await prisma.evidence.count({ where: { id: keptEvidence } })).toBe(1)
    expect(await prisma.evaluation.count({ where: { id: recent.id } })).toBe(1)

    // The run is audited with counts and no people in it.
    const line = await prisma.auditEvent.findFirstOrThrow({
      where: { organisationId: org.id, action: 'retention.applied' },
      orderBy: { createdAt: 'desc' },
    })
    expect(JSON.parse(line.detail)).toMatchObject({
      evidence: 1,
      evaluations: 1,
      kpiWeeks: 1,
      files: 2,
    })
    expect(line.detail).not.toContain(learner)

    // Progress stays: the stored steps, the records, and a rebuild gives what it gave before.
    expect(await stepsOf(learner)).toEqual(stepsBefore)
    expect(
      await prisma.workProcessStatus.findUnique({
        where: {
          userId_dossierSlug_workProcessCode: {
            userId: learner,
            dossierSlug: TL,
            workProcessCode: CODE,
          },
        },
        select: { step: true },
      }),
    ).toEqual({ step: 4 })
    expect(await prisma.completionRecord.count({ where: { userId: learner } })).toBeGreaterThan(1)

    // A second run the same night finds nothing more.
    const again = await applyRetention(org.id, NOW)
    expect(Object.values(again.rows).flat()).toEqual([])
  })

  test('a legal hold keeps that person’s data while the others’ goes; lifted, it goes next run', async () => {
    const held = await personWithData(org.id, assessor, coach, scorecard, kpiImportId)
    const other = await personWithData(org.id, assessor, coach, scorecard, kpiImportId)
    const placed = await placeLegalHold({
      organisationId: org.id,
      userId: held,
      reason: 'Bezwaar tegen proeve, zaak 2026-14',
      placedById: admin,
    })
    expect(placed.ok).toBe(true)
    expect(await activeLegalHold(held, org.id)).toMatchObject({
      reason: 'Bezwaar tegen proeve, zaak 2026-14',
    })
    expect(
      await placeLegalHold({
        organisationId: org.id,
        userId: held,
        reason: 'Nog een',
        placedById: admin,
      }),
    ).toEqual({
      ok: false,
      field: 'userId',
      message: 'legalHold.alreadyHeld',
    })

    const plan = await planRetention(org.id, NOW)
    expect(plan.held.map((h) => h.userId)).toEqual([held])
    expect(plan.people.map((p) => p.userId)).toContain(other)
    expect(plan.people.map((p) => p.userId)).not.toContain(held)
    const heldBefore = await prisma.evidence.count({ where: { userId: held } })
    const done = await applyRetention(org.id, NOW)
    expect(done).toEqual(plan)
    expect(await stillThere(plan)).toEqual(nothingLeft)
    expect(await prisma.evidence.count({ where: { userId: held } })).toBe(heldBefore)
    expect(await prisma.evaluation.count({ where: { agentId: held } })).toBe(1)
    expect(await prisma.kpiWeek.count({ where: { userId: held } })).toBe(1)
    expect(await prisma.learningEvent.count({ where: { userId: held } })).toBeGreaterThan(0)
    expect(await prisma.evidence.count({ where: { userId: other } })).toBe(0)
    expect(await prisma.learningEvent.count({ where: { userId: other } })).toBe(0)
    expect(await prisma.kpiWeek.count({ where: { userId: other } })).toBe(0)

    expect(
      await liftLegalHold({
        organisationId: org.id,
        holdId: placed.ok ? placed.holdId : '',
        liftedById: admin,
      }),
    ).toBe(true)
    expect(await activeLegalHold(held, org.id)).toBeNull()
    const next = await planRetention(org.id, NOW)
    expect(next.people.map((p) => p.userId)).toEqual([held])
    expect(await applyRetention(org.id, NOW)).toEqual(next)
    expect(await prisma.evidence.count({ where: { userId: held } })).toBe(0)
    expect(await prisma.kpiWeek.count({ where: { userId: held } })).toBe(0)
    expect(
      await prisma.auditEvent.count({
        where: {
          organisationId: org.id,
          action: { in: ['legal-hold.placed', 'legal-hold.lifted'] },
          subjectId: held,
        },
      }),
    ).toBe(2)
  })

  test('a hold is for the organisation’s own people', async () => {
    const stranger = (await makeMember((await makeOrganisation()).id, ['learner'])).user.id
    expect(
      await placeLegalHold({
        organisationId: org.id,
        userId: stranger,
        reason: 'Geschil',
        placedById: admin,
      }),
    ).toEqual({
      ok: false,
      field: 'userId',
      message: 'legalHold.notMember',
    })
  })

  test('learning data of someone in two organisations keeps to the longer period of the two', async () => {
    const a = await makeOrganisation()
    const b = await makeOrganisation()
    const { user } = await makeMember(a.id, ['learner'])
    await prisma.membership.create({ data: { userId: user.id, organisationId: b.id } })
    await saveRetentionPolicy(b.id, { ...DEFAULT_RETENTION, learningEventMonths: 60 }, admin)
    const event = await prisma.learningEvent.create({
      data: {
        id: randomUUID(),
        userId: user.id,
        verb: 'completed',
        objectType: 'lesson',
        objectId: 'les',
        timestamp: addMonths(NOW, -40),
      },
      select: { id: true },
    })
    // 40 months: past organisation A's 36, within B's 60.
    expect((await planRetention(a.id, NOW)).rows.learningEvents).not.toContain(event.id)
    await saveRetentionPolicy(b.id, { ...DEFAULT_RETENTION, learningEventMonths: 24 }, admin)
    expect((await planRetention(a.id, NOW)).rows.learningEvents).toContain(event.id)
    // A hold in B keeps it from A's run too.
    await placeLegalHold({
      organisationId: b.id,
      userId: user.id,
      reason: 'Geschil',
      placedById: admin,
    })
    expect((await planRetention(a.id, NOW)).rows.learningEvents).not.toContain(event.id)
  })

  test('the nightly job applies it to every organisation', async () => {
    const other = await makeOrganisation()
    const { user } = await makeMember(other.id, ['learner'])
    const event = await prisma.learningEvent.create({
      data: {
        id: randomUUID(),
        userId: user.id,
        verb: 'completed',
        objectType: 'lesson',
        objectId: 'les',
        timestamp: addMonths(NOW, -37),
      },
      select: { id: true },
    })
    await createTasks({ now: () => NOW })['privacy.retention'](
      {},
      { id: 'test', name: 'privacy.retention' },
    )
    expect(await prisma.learningEvent.count({ where: { id: event.id } })).toBe(0)
    expect(
      await prisma.auditEvent.count({
        where: { organisationId: other.id, action: 'retention.applied' },
      }),
    ).toBe(1)
  })
})
