import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { completeKnowledge, evidenceFor, judge, TL } from '#tests/assessment-fixtures.ts'
import { makeMember, makeOrganisation } from '#tests/factories.ts'
import { AssessmentRefused, recordAssessment } from './assessments.server.ts'
import { currentCriteria, saveCriteria, StaleCriteriaError } from './criteria.server.ts'
import { assessmentQueue } from './evidence.server.ts'

let org: Awaited<ReturnType<typeof makeOrganisation>>
let assessorA: string
let assessorB: string

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  org = await makeOrganisation()
  assessorA = (await makeMember(org.id, ['assessor'])).user.id
  assessorB = (await makeMember(org.id, ['assessor', 'trainer'])).user.id
}, 120_000)

const learner = async () => (await makeMember(org.id, ['learner'])).user.id
const stepOf = async (userId: string, code: string) =>
  (
    await prisma.workProcessStatus.findUnique({
      where: {
        userId_dossierSlug_workProcessCode: { userId, dossierSlug: TL, workProcessCode: code },
      },
    })
  )?.step ?? 0
const recordsOf = (userId: string) =>
  prisma.completionRecord.findMany({
    where: { userId },
    orderBy: { code: 'asc' },
    select: { level: true, code: true },
  })
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => (e instanceof AssessmentRefused ? e.reason : e),
  )

describe('evidence and sign-off', () => {
  test('evidence makes a knowledge-complete work process "demonstrated" and tells the assessors', async () => {
    const userId = await learner()
    await completeKnowledge(userId, ['TL-K2-W2'])
    expect(await stepOf(userId, 'TL-K2-W2')).toBe(2)
    const { id } = await evidenceFor(userId, org.id, ['TL-K2-W2'])
    expect(await stepOf(userId, 'TL-K2-W2')).toBe(3)
    expect((await assessmentQueue(org.id, assessorA)).map((e) => e.id)).toContain(id)
    const assessorEmail = (await prisma.user.findUniqueOrThrow({ where: { id: assessorA } })).email
    const mail = await prisma.email.findFirst({ where: { to: assessorEmail } })
    expect(mail?.text).toContain(`/assessments/${id}`)
  })

  test('sign-off needs every criterion at its level; then the work process is competent with a record', async () => {
    const userId = await learner()
    await completeKnowledge(userId, ['TL-K2-W2'])
    const { id } = await evidenceFor(userId, org.id, ['TL-K2-W2'])
    const criteria = (await currentCriteria(org.id, TL, 'TL-K2-W2'))!
    const scores = criteria.criteria.map((_, i) => ({
      level: i === 0 ? ('gevorderd' as const) : ('bekwaam' as const),
      comment: '',
    }))
    const attempt = (assessorId: string) =>
      recordAssessment({
        evidenceId: id,
        workProcessCode: 'TL-K2-W2',
        assessorId,
        decision: 'signed_off',
        comment: '',
        criteriaVersion: criteria.version,
        scores,
      })
    expect(await refusal(attempt(assessorA))).toBe('below_required')
    expect(await refusal(attempt(userId))).toBe('own_evidence')
    expect(await recordsOf(userId)).toEqual([])

    await judge(id, 'TL-K2-W2', assessorA)
    expect(await stepOf(userId, 'TL-K2-W2')).toBe(4)
    expect(await recordsOf(userId)).toEqual([{ level: 'work_process', code: 'TL-K2-W2' }])
    // Done: nobody else picks it up, and a second judgement is refused.
    expect((await assessmentQueue(org.id, assessorB)).map((e) => e.id)).not.toContain(id)
    expect(await refusal(judge(id, 'TL-K2-W2', assessorB))).toBe('closed')
    const learnerEmail = (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).email
    expect(await prisma.email.count({ where: { to: learnerEmail } })).toBe(1)
  })

  test('"not yet" gives feedback and closes the evidence without progress', async () => {
    const userId = await learner()
    await completeKnowledge(userId, ['TL-K2-W2'])
    const { id } = await evidenceFor(userId, org.id, ['TL-K2-W2'])
    await judge(id, 'TL-K2-W2', assessorA, 'not_yet')
    expect(await stepOf(userId, 'TL-K2-W2')).toBe(3)
    expect(await refusal(judge(id, 'TL-K2-W2', assessorB))).toBe('closed')
  })

  test('a proeve needs the sign-off of two different assessors', async () => {
    const userId = await learner()
    const codes = ['TL-K2-W1', 'TL-K2-W2', 'TL-K2-W3', 'TL-K2-W4']
    await completeKnowledge(userId, codes)
    const { id } = await evidenceFor(userId, org.id, codes, {
      kind: 'proeve',
      coreTaskCode: 'TL-K2',
      title: 'Proeve van bekwaamheid kerntaak 2',
    })
    for (const code of codes) await judge(id, code, assessorA)
    // One signature: not competent, no record; the same assessor cannot sign twice.
    expect(await stepOf(userId, 'TL-K2-W1')).toBe(3)
    expect(await recordsOf(userId)).toEqual([])
    expect(await refusal(judge(id, 'TL-K2-W1', assessorA))).toBe('already_judged')
    expect((await assessmentQueue(org.id, assessorA)).map((e) => e.id)).not.toContain(id)
    const queued = (await assessmentQueue(org.id, assessorB)).find((e) => e.id === id)
    expect(queued?.secondAssessor).toBe(true)

    for (const code of codes) await judge(id, code, assessorB)
    expect(await stepOf(userId, 'TL-K2-W4')).toBe(4)
    expect(await recordsOf(userId)).toEqual([
      { level: 'core_task', code: 'TL-K2' },
      { level: 'work_process', code: 'TL-K2-W1' },
      { level: 'work_process', code: 'TL-K2-W2' },
      { level: 'work_process', code: 'TL-K2-W3' },
      { level: 'work_process', code: 'TL-K2-W4' },
    ])
  })

  test('parallel sign-offs of the last work processes still issue the core-task record', async () => {
    const userId = await learner()
    const codes = ['TL-K2-W1', 'TL-K2-W2', 'TL-K2-W3', 'TL-K2-W4']
    await completeKnowledge(userId, codes)
    const pieces = await Promise.all(codes.map((code) => evidenceFor(userId, org.id, [code])))
    await Promise.all(
      pieces.map(({ id }, i) => judge(id, codes[i]!, i % 2 ? assessorA : assessorB)),
    )
    expect((await recordsOf(userId)).filter((r) => r.level === 'core_task')).toEqual([
      { level: 'core_task', code: 'TL-K2' },
    ])
  })

  test('signed-off evidence counts once knowledge is complete, and the record follows then', async () => {
    const userId = await learner()
    const { id } = await evidenceFor(userId, org.id, ['TL-K2-W2'])
    await judge(id, 'TL-K2-W2', assessorA)
    expect(await stepOf(userId, 'TL-K2-W2')).toBe(0)
    await completeKnowledge(userId, ['TL-K2-W2'])
    expect(await stepOf(userId, 'TL-K2-W2')).toBe(4)
    expect(await recordsOf(userId)).toEqual([{ level: 'work_process', code: 'TL-K2-W2' }])
  })

  test('every decision is audited', async () => {
    const userId = await learner()
    await completeKnowledge(userId, ['TL-K2-W2'])
    const { id } = await evidenceFor(userId, org.id, ['TL-K2-W2'])
    await judge(id, 'TL-K2-W2', assessorA)
    const trail = await prisma.auditEvent.findMany({
      where: { OR: [{ subjectId: id }, { action: 'record.issued', detail: { contains: userId } }] },
      orderBy: { createdAt: 'asc' },
      select: { action: true, actorId: true },
    })
    expect(trail).toEqual([
      { action: 'evidence.submitted', actorId: userId },
      { action: 'assessment.recorded', actorId: assessorA },
      { action: 'record.issued', actorId: null },
    ])
  })
})

describe('the e-mail to the learner', () => {
  const mailsTo = async (userId: string) => {
    const { email } = await prisma.user.findUniqueOrThrow({ where: { id: userId } })
    return prisma.email.findMany({ where: { to: email }, select: { subject: true, text: true } })
  }

  test('a proeve of four work processes judged by two assessors sends one e-mail, at the end', async () => {
    const userId = await learner()
    const codes = ['TL-K2-W1', 'TL-K2-W2', 'TL-K2-W3', 'TL-K2-W4']
    const { id } = await evidenceFor(userId, org.id, codes, {
      kind: 'proeve',
      coreTaskCode: 'TL-K2',
      title: 'Proeve kerntaak 2',
    })
    // Every work process has several criteria: the judgements are multi-criterion.
    expect((await currentCriteria(org.id, TL, 'TL-K2-W3'))!.criteria.length).toBeGreaterThan(1)
    for (const code of codes) await judge(id, code, assessorA)
    for (const code of codes.slice(0, 3)) await judge(id, code, assessorB)
    expect(await mailsTo(userId)).toEqual([])

    await judge(id, 'TL-K2-W4', assessorB)
    const mails = await mailsTo(userId)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('Je praktijkbewijs "Proeve kerntaak 2" is beoordeeld')
    for (const code of codes) expect(mails[0]!.text).toContain(`- ${code}: afgetekend`)
  })

  test('"not yet" on one work process and a sign-off on the other: one e-mail with both', async () => {
    const userId = await learner()
    const { id } = await evidenceFor(userId, org.id, ['TL-K2-W2', 'TL-K2-W3'])
    await judge(id, 'TL-K2-W3', assessorA, 'not_yet')
    expect(await mailsTo(userId)).toEqual([])
    await judge(id, 'TL-K2-W2', assessorB)
    const mails = await mailsTo(userId)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text).toContain('- TL-K2-W2: afgetekend\n- TL-K2-W3: nog niet')
  })

  test('the last two work processes judged at the same moment still send exactly one', async () => {
    const userId = await learner()
    const { id } = await evidenceFor(userId, org.id, ['TL-K2-W2', 'TL-K2-W3'])
    await Promise.all([judge(id, 'TL-K2-W2', assessorA), judge(id, 'TL-K2-W3', assessorB)])
    expect(await mailsTo(userId)).toHaveLength(1)
  })
})

describe('criteria', () => {
  test('start as the indicators; an edit is a new version; a stale edit or score is refused', async () => {
    const other = await makeOrganisation()
    const trainer = (await makeMember(other.id, ['trainer', 'assessor'])).user.id
    const seeded = (await currentCriteria(other.id, TL, 'TL-K2-W3'))!
    expect(seeded.version).toBe(0)
    const indicators = await prisma.indicator.count({
      where: { workProcess: { code: 'TL-K2-W3', dossier: { slug: TL } } },
    })
    expect(seeded.criteria).toHaveLength(indicators)

    const edited = [
      ...seeded.criteria,
      {
        nl: 'Legt afspraken vast in het POP.',
        en: 'Records agreements in the PDP.',
        requiredLevel: 'gevorderd' as const,
      },
    ]
    const save = (basedOn: number) =>
      saveCriteria({
        organisationId: other.id,
        dossierSlug: TL,
        workProcessCode: 'TL-K2-W3',
        basedOn,
        criteria: edited,
        actorId: trainer,
      })
    expect(await save(0)).toBe(1)
    await expect(save(0)).rejects.toBeInstanceOf(StaleCriteriaError)
    expect((await currentCriteria(other.id, TL, 'TL-K2-W3'))!.criteria).toHaveLength(indicators + 1)
    // Other organisations keep theirs.
    expect((await currentCriteria(org.id, TL, 'TL-K2-W3'))!.version).toBe(0)

    const learnerId = (await makeMember(other.id, ['learner'])).user.id
    const { id } = await evidenceFor(learnerId, other.id, ['TL-K2-W3'])
    const stale = recordAssessment({
      evidenceId: id,
      workProcessCode: 'TL-K2-W3',
      assessorId: trainer,
      decision: 'not_yet',
      comment: '',
      criteriaVersion: 0,
      scores: seeded.criteria.map(() => ({ level: 'beginnend' as const, comment: '' })),
    })
    expect(await refusal(stale)).toBe('criteria_changed')
    await judge(id, 'TL-K2-W3', trainer)
    const scores = await prisma.criterionScore.findMany({
      where: { assessment: { evidenceId: id } },
      orderBy: { position: 'asc' },
    })
    expect(scores.at(-1)).toMatchObject({
      criterionNl: 'Legt afspraken vast in het POP.',
      requiredLevel: 'gevorderd',
    })
  })
})
