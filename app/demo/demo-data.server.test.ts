import { beforeAll, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { planRetention } from '#app/privacy/retention.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { attemptLogin } from '#app/auth/login.server.ts'
import { seedDemoData } from './demo-data.server.ts'
import { DEMO_PASSWORD } from './demo-people.ts'

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
}, 120_000)

test('the demo data has the accounts the README lists, and loads once', async () => {
  expect(await seedDemoData()).toBe('created')
  expect(await seedDemoData()).toBe('present')

  for (const email of [
    'admin@demo.test',
    'trainer@demo.test',
    'werkgever@noord.demo.test',
    'leerling@noord.demo.test',
    'werkgever@callforce.demo.test',
  ]) {
    expect(
      (await attemptLogin({ email, password: DEMO_PASSWORD, address: 'seed-test' })).ok,
      email,
    ).toBe(true)
  }
  const learners = (slug: string) =>
    prisma.membership.count({
      where: { organisation: { slug }, roles: { some: { role: 'learner' } } },
    })
  expect(await learners('klantcontact-noord')).toBeGreaterThanOrEqual(12)
  expect(await learners('callforce')).toBeGreaterThanOrEqual(8)
  const callforce = await prisma.organisation.findUniqueOrThrow({
    where: { slug: 'callforce' },
    include: { clients: true, teams: true },
  })
  expect(callforce.kind).toBe('outsourced')
  expect(callforce.clients).toHaveLength(2)
  expect(await prisma.team.count({ where: { organisation: { slug: 'klantcontact-noord' } } })).toBe(
    2,
  )
  const trainer = await prisma.user.findUniqueOrThrow({
    where: { email: 'trainer@demo.test' },
    include: { memberships: { include: { roles: true } } },
  })
  expect(trainer.memberships).toHaveLength(2)
  for (const m of trainer.memberships)
    expect(m.roles.map((r) => r.role).sort()).toEqual(['assessor', 'trainer'])
  expect(
    (await prisma.user.findUniqueOrThrow({ where: { email: 'admin@demo.test' } })).isPlatformAdmin,
  ).toBe(true)
  // The demo learner holds work-process and core-task records, and evidence waits for review.
  const records = await prisma.completionRecord.findMany({
    where: { user: { email: 'leerling@noord.demo.test' } },
    select: { level: true, code: true },
  })
  expect(records).toContainEqual({ level: 'core_task', code: 'TL-K2' })
  expect(records.filter((r) => r.level === 'work_process').length).toBeGreaterThanOrEqual(5)
  expect(await prisma.evidence.count({ where: { assessments: { none: {} } } })).toBeGreaterThan(0)

  // Quality: half a year of weekly scores in Noord on a scorecard that changed once, two
  // calibrations with three evaluators, and a scorecard per client brand at CallForce.
  const noordCards = await prisma.scorecard.findMany({
    where: { organisation: { slug: 'klantcontact-noord' } },
    include: { versions: true },
  })
  expect(noordCards).toHaveLength(1)
  expect(noordCards[0]!.versions).toHaveLength(2)
  const span = await prisma.evaluation.aggregate({
    where: { organisation: { slug: 'klantcontact-noord' }, calibrationSessionId: null },
    _min: { contactAt: true },
    _max: { contactAt: true },
    _count: true,
  })
  expect(span._count).toBeGreaterThan(200)
  expect(span._max.contactAt!.getTime() - span._min.contactAt!.getTime()).toBeGreaterThan(
    24 * 7 * 24 * 3600 * 1000,
  )
  const calibrations = await prisma.calibrationSession.findMany({
    where: { organisation: { slug: 'klantcontact-noord' } },
    include: { evaluations: true },
  })
  expect(calibrations).toHaveLength(2)
  for (const c of calibrations) expect(c.evaluations).toHaveLength(3)
  const brands = await prisma.scorecard.findMany({
    where: { organisation: { slug: 'callforce' } },
    select: { client: { select: { name: true } } },
  })
  expect(brands.map((b) => b.client?.name).sort()).toEqual(['Energiek Nederland', 'TelcoPlus'])
  // Coaching by the team leader, handed in for his own TL-K2-W3; rules that fired; KPIs.
  const coaching = await prisma.coachingSession.findMany({
    where: { coach: { email: 'teamleider@noord.demo.test' } },
  })
  expect(coaching.length).toBeGreaterThanOrEqual(4)
  expect(coaching.filter((c) => c.evidenceId).length).toBe(2)
  const handedIn = await prisma.evidence.findFirstOrThrow({
    where: { id: coaching.find((c) => c.evidenceId)!.evidenceId! },
    include: { workProcesses: true },
  })
  expect(handedIn).toMatchObject({ kind: 'coaching_log', dossierSlug: 'contactcenter-teamleider' })
  expect(handedIn.workProcesses.map((w) => w.workProcessCode)).toEqual(['TL-K2-W3'])
  expect(await prisma.qualityRule.count({ where: { enabled: true } })).toBe(2)
  expect(await prisma.qualityRuleFiring.count()).toBeGreaterThan(0)
  expect(await prisma.kpiWeek.count()).toBeGreaterThanOrEqual(12 * 12)
  expect(
    (
      await attemptLogin({
        email: 'kwaliteit@noord.demo.test',
        password: DEMO_PASSWORD,
        address: 'seed-test',
      })
    ).ok,
  ).toBe(true)

  // Half a year of learning history for every demo learner, spread over the ladder, written
  // as the product writes it (events with steps), and overdue work processes in both
  // organisations. A few hundred recorded actions: hence the longer timeout.
  const demoLearners = await prisma.membership.findMany({
    where: { roles: { some: { role: 'learner' } } },
    select: { userId: true },
  })
  expect(demoLearners.length).toBeGreaterThanOrEqual(22)
  const history = await prisma.learningEvent.groupBy({
    by: ['userId'],
    where: { userId: { in: demoLearners.map((m) => m.userId) }, verb: 'progressed' },
    _min: { timestamp: true },
  })
  expect(history).toHaveLength(new Set(demoLearners.map((m) => m.userId)).size)
  const oldest = Math.min(...history.map((h) => h._min.timestamp!.getTime()))
  expect(Date.now() - oldest).toBeGreaterThan(24 * 7 * 86400_000)
  const steps = await prisma.workProcessStatus.groupBy({
    by: ['step'],
    where: { step: { gt: 0 } },
    _count: true,
  })
  const perStep = Object.fromEntries(steps.map((s) => [s.step, s._count]))
  for (const step of [1, 2, 3, 4]) expect(perStep[step], `step ${step}`).toBeGreaterThan(5)
  expect(perStep[2]! + perStep[1]!).toBeGreaterThan(perStep[4]!)
  const overdue = await prisma.assignment.findMany({
    where: { dueAt: { lt: new Date() } },
    select: { organisation: { select: { slug: true } } },
  })
  expect(new Set(overdue.map((a) => a.organisation.slug))).toEqual(
    new Set(['klantcontact-noord', 'callforce']),
  )
  // Klantcontact Noord set its own retention periods; tonight's run takes nothing of the demo.
  expect(
    await prisma.retentionPolicy.findFirst({
      where: { organisation: { slug: 'klantcontact-noord' } },
      select: { kpiMonths: true, examEvidenceMonths: true },
    }),
  ).toEqual({ kpiMonths: 12, examEvidenceMonths: 18 })
  for (const o of await prisma.organisation.findMany({ select: { id: true } })) {
    const tonight = await planRetention(o.id, new Date())
    expect(Object.values(tonight.rows).flat()).toEqual([])
  }
}, 120_000)
