import { prisma } from '#app/db.server.ts'
import { recordAssessment } from '#app/assessment/assessments.server.ts'
import { currentCriteria } from '#app/assessment/criteria.server.ts'
import { submitEvidence } from '#app/assessment/evidence.server.ts'
import { getDossierOutline } from '#app/domain/dossiers.server.ts'
import {
  findPublishedLesson,
  recordCompletion,
  recordQuizAttempt,
  type PublishedLessonRef,
} from '#app/domain/progress.server.ts'
import { DEMO_TRAINER } from './demo-people.ts'
import {
  generator,
  planHistory,
  seedOf,
  type HistoryAction,
  type LearnerProfile,
  type PlannedWorkProcess,
} from './demo-history-plan.ts'

const TL = 'contactcenter-teamleider'
const CM = 'contactcenter-medewerker'

/**
 * Half a year of learning for every demo learner, recorded through the same functions a
 * learner's clicks and an assessor's sign-off use, so events, completions, steps and records
 * are exactly what real use produces; each action is then moved back to the moment the plan
 * gives it (see backdate), so the team chart and dashboards have a history to show.
 *
 * Most people stand somewhere in the middle of the ladder, a few are competent on several work
 * processes, some stalled months ago. Klantcontact Noord trains its people as team leaders,
 * CallForce its agents. The `avoid` lists keep untouched what the end-to-end tests start from:
 * Tim Dekker's TL-K2-W4, Ricardo Martins's TL-K2-W3, Sanne Hendriks's core task 4, the overdue
 * assignments of demo-employer; Fatima Bouzid hands in nothing.
 */
type DemoLearner = {
  dossier: string
  profile: LearnerProfile
  /** Lessons and quiz scores taken as listed (spread over the active period), besides the plan. */
  fixed?: Array<[lessonKey: string, quizScore?: number]>
  /** Knowledge only: this learner hands in no evidence. */
  noEvidence?: boolean
}

const LEARNERS: Record<string, DemoLearner> = {
  // Lotte Visser: spread over the ladder; her K2 proeve and TL-K1-W1 sign-off follow in
  // demo-assessments. Only her listed lessons: the e2e tests count her steps.
  'leerling@noord.demo.test': {
    dossier: TL,
    profile: { start: 26, stop: 1 },
    fixed: [
      // Knowledge complete: TL-K1-W1, TL-K2-W1, TL-K3-W1
      ['tl-k1-w1-dienst-aansturen'],
      ['tl-k1-w1-toets', 60],
      ['tl-k1-w1-toets', 80],
      ['tl-k2-w1-inwerkplan'],
      ['tl-k2-w1-scenario-eerste-week'],
      ['tl-k2-w1-quiz', 100],
      ['tl-k3-w1-bezetting'],
      ['tl-k3-w1-quiz', 80],
      // Knowledge complete on all of core task K2, for the proeve (demo-assessments)
      ['tl-k2-w2-ondersteunen'],
      ['tl-k2-w2-quiz', 80],
      ['tl-k2-w3-coachgesprek'],
      ['tl-k2-w3-scenario-aht'],
      ['tl-k2-w3-quiz', 100],
      ['tl-k2-w4-instructie'],
      ['tl-k2-w4-quiz', 80],
      // Learning: TL-K1-W2, TL-K3-W3, TL-K4-W1 (a quiz not passed yet)
      ['tl-k1-w2-informatiestromen'],
      ['tl-k3-w3-targets'],
      ['tl-k4-w1-teamproject'],
      ['tl-k4-w1-quiz', 60],
    ],
  },
  // Joost Bakker's coaching is handed in for his TL-K2-W3 by demo-quality.
  'teamleider@noord.demo.test': {
    dossier: TL,
    profile: { start: 26, stop: 1, competent: 2, knowledge: 2, learning: 1, avoid: ['TL-K2-W3'] },
  },
  // Daan Mulder's coaching log on TL-K2-W3 waits for an assessor (demo-assessments).
  'daan.mulder@noord.demo.test': {
    dossier: TL,
    profile: {
      start: 22,
      stop: 1,
      demonstrated: 1,
      knowledge: 1,
      learning: 1,
      avoid: ['TL-K2-W3'],
    },
    fixed: [['tl-k2-w3-coachgesprek'], ['tl-k2-w3-quiz', 100]],
  },
  'fatima.bouzid@noord.demo.test': {
    dossier: TL,
    profile: { start: 18, stop: 1, knowledge: 1, learning: 2, avoid: ['TL-K1-W1'] },
    fixed: [['tl-k1-w1-dienst-aansturen'], ['tl-k1-w1-toets', 100]],
    noEvidence: true,
  },
  'tim.dekker@noord.demo.test': {
    dossier: TL,
    profile: { start: 12, stop: 1, knowledge: 1, learning: 1, avoid: ['TL-K2-W4'] },
  },
  'sanne.hendriks@noord.demo.test': {
    dossier: TL,
    profile: { start: 26, stop: 1, competent: 2, knowledge: 2, avoid: ['TL-K4'] },
  },
  'ricardo.martins@noord.demo.test': {
    dossier: TL,
    profile: { start: 8, stop: 0.5, knowledge: 1, learning: 1, avoid: ['TL-K2-W3'] },
  },
  'chantal.smits@noord.demo.test': {
    dossier: TL,
    profile: { start: 26, stop: 1, competent: 1, demonstrated: 1, knowledge: 2, learning: 1 },
  },
  'anouk.vandenberg@noord.demo.test': {
    dossier: TL,
    profile: { start: 26, stop: 2, competent: 3, knowledge: 2, learning: 1 },
  },
  'kevin.vos@noord.demo.test': {
    dossier: TL,
    profile: { start: 24, stop: 11, knowledge: 1, learning: 1, avoid: ['TL-K3-W1'] },
  },
  'yasmina.elidrissi@noord.demo.test': {
    dossier: TL,
    profile: { start: 20, stop: 1, demonstrated: 1, knowledge: 2, learning: 1 },
  },
  'bram.peters@noord.demo.test': {
    dossier: TL,
    profile: { start: 6, stop: 1, knowledge: 1, learning: 1 },
  },
  'iris.kok@noord.demo.test': {
    dossier: TL,
    profile: { start: 24, stop: 6, knowledge: 2, learning: 1, avoid: ['TL-K1-W3'] },
  },
  'niels.jacobs@noord.demo.test': {
    dossier: TL,
    profile: { start: 16, stop: 2, knowledge: 1, learning: 2, avoid: ['TL-K3'] },
  },
  // CallForce: agents in the contact-center agent dossier. Jeroen Willems's call review on
  // CM-K1-W1 was judged "not yet" (demo-assessments).
  'jeroen.willems@callforce.demo.test': {
    dossier: CM,
    profile: {
      start: 26,
      stop: 1,
      demonstrated: 1,
      knowledge: 1,
      learning: 1,
      avoid: ['CM-K1-W1'],
    },
    fixed: [['cm-k1-w1-inkomend-contact'], ['cm-k1-w1-quiz', 75]],
  },
  'priya.ramdin@callforce.demo.test': {
    dossier: CM,
    profile: { start: 26, stop: 1, competent: 3, knowledge: 2, learning: 1 },
  },
  'lisa.vanleeuwen@callforce.demo.test': {
    dossier: CM,
    profile: { start: 20, stop: 2, demonstrated: 1, knowledge: 2, learning: 1 },
  },
  'mohamed.ouali@callforce.demo.test': {
    dossier: CM,
    profile: { start: 10, stop: 1, knowledge: 1, learning: 1 },
  },
  'femke.brouwer@callforce.demo.test': {
    dossier: CM,
    profile: { start: 26, stop: 4, competent: 2, demonstrated: 1, knowledge: 1 },
  },
  'stefan.degroot@callforce.demo.test': {
    dossier: CM,
    profile: { start: 22, stop: 12, knowledge: 1, learning: 1, avoid: ['CM-K2-W1'] },
  },
  'naomi.koster@callforce.demo.test': {
    dossier: CM,
    profile: { start: 14, stop: 1, knowledge: 2, learning: 1 },
  },
  'thomas.meijer@callforce.demo.test': {
    dossier: CM,
    profile: { start: 4, stop: 0.5, learning: 2 },
  },
  'ilse.verhoeven@callforce.demo.test': {
    dossier: CM,
    profile: { start: 18, stop: 1, competent: 1, demonstrated: 1, knowledge: 1, learning: 1 },
  },
}

/** What a learner hands in per dossier: written assignments for leaders, call reviews for agents. */
const EVIDENCE = {
  [TL]: {
    kind: 'assignment',
    title: 'Praktijkopdracht',
    narrative:
      'Uitgevoerd in de eigen dienst en besproken met de teamleider. Het verslag beschrijft de ' +
      'aanpak, wat goed ging, wat beter kan en de afspraken voor de komende weken.',
  },
  [CM]: {
    kind: 'call_review',
    title: 'Gespreksanalyse',
    narrative:
      'Analyse van een opgenomen klantgesprek: vraag, aanpak, toon en afsluiting, met wat ik de ' +
      'volgende keer anders doe. Besproken met de kwaliteitscoach.',
  },
} as const

export async function seedDemoProgress() {
  const now = new Date()
  const trainer = await prisma.user.findUnique({
    where: { email: DEMO_TRAINER.email },
    select: { id: true },
  })
  const lessons = new Map<string, PublishedLessonRef | null>()
  const lesson = async (key: string) => {
    if (!lessons.has(key)) lessons.set(key, await findPublishedLesson(key))
    return lessons.get(key)!
  }
  const dossiers = new Map<string, Awaited<ReturnType<typeof dossierPlan>>>()

  for (const [email, learner] of Object.entries(LEARNERS)) {
    const user = await prisma.user.findUnique({
      where: { email },
      select: { id: true, memberships: { select: { organisationId: true } } },
    })
    const organisationId = user?.memberships[0]?.organisationId
    if (!user || !organisationId) continue
    if (!dossiers.has(learner.dossier))
      dossiers.set(learner.dossier, await dossierPlan(learner.dossier))
    const dossier = dossiers.get(learner.dossier)
    if (!dossier) continue // no dossier or courses loaded: nothing to learn

    const { profile } = learner
    const fixed = learner.fixed ?? []
    const fixedActions: HistoryAction[] = fixed.map(([lessonKey, score], i) => {
      const weeksAgo = profile.start - ((profile.start - profile.stop) * i) / fixed.length
      const at = new Date(+now - weeksAgo * 7 * 86400_000)
      at.setUTCHours(9 + (i % 6), 15, 0, 0)
      return score === undefined
        ? { kind: 'lesson', at, code: '', lessonKey }
        : { kind: 'quiz', at, code: '', lessonKey, score }
    })
    const planned = planHistory(
      learner.noEvidence ? { ...profile, competent: 0, demonstrated: 0 } : profile,
      dossier.workProcesses,
      generator(seedOf(email)),
      now,
    )
    const evidenceOf = new Map<string, string>()
    const written: Written[] = []
    for (const action of [...fixedActions, ...planned].sort((a, b) => +a.at - +b.at)) {
      const from = new Date()
      if (action.kind === 'lesson' || action.kind === 'quiz') {
        const ref = await lesson(action.lessonKey)
        if (!ref) continue // content changed: the demo skips what no longer exists
        if (action.kind === 'lesson')
          await recordCompletion(
            user.id,
            ref,
            ref.lessonKey.includes('scenario') ? 'scenario' : 'done',
          )
        else
          await recordQuizAttempt(user.id, ref, {
            score: action.score,
            passMark: 75,
            passed: action.score >= 75,
            answers: [],
          })
      } else if (action.kind === 'evidence') {
        const evidence = EVIDENCE[learner.dossier as keyof typeof EVIDENCE]
        const made = await submitEvidence({
          userId: user.id,
          organisationId,
          dossierSlug: learner.dossier,
          kind: evidence.kind,
          coreTaskCode: null,
          title: `${evidence.title} ${action.code}: ${dossier.titles.get(action.code) ?? ''}`,
          narrative: evidence.narrative,
          workProcessCodes: [action.code],
          competencies: [],
          file: null,
        })
        evidenceOf.set(action.code, made.id)
      } else {
        const evidenceId = evidenceOf.get(action.code)
        const criteria = await currentCriteria(organisationId, learner.dossier, action.code)
        if (!evidenceId || !criteria || !trainer) continue
        await recordAssessment({
          evidenceId,
          workProcessCode: action.code,
          assessorId: trainer.id,
          decision: 'signed_off',
          comment: 'In de praktijk gezien en met het verslag onderbouwd: bekwaam.',
          criteriaVersion: criteria.version,
          scores: criteria.criteria.map(() => ({ level: 'bekwaam', comment: '' })),
        })
      }
      written.push({ action, from, to: new Date() })
      // The next action's rows start in a later millisecond, so the windows never overlap.
      for (const end = Date.now(); Date.now() <= end;);
    }
    await backdate(user.id, written)
  }
}

/** A dossier's work processes with their platform-wide knowledge lessons, in course order. */
async function dossierPlan(dossierSlug: string) {
  const [outline, rows] = await Promise.all([
    getDossierOutline(dossierSlug),
    prisma.lesson.findMany({
      where: {
        type: { in: ['lesson', 'scenario', 'quiz'] },
        courseVersion: { dossierSlug, currentOf: { is: { organisationId: null } } },
      },
      orderBy: [
        { courseVersion: { courseId: 'asc' } },
        { modulePosition: 'asc' },
        { position: 'asc' },
      ],
      select: { lessonKey: true, type: true, workProcesses: { select: { workProcessCode: true } } },
    }),
  ])
  if (!outline || rows.length === 0) return null
  const workProcesses = outline.coreTasks.flatMap((c) => c.workProcesses)
  const byCode = new Map<string, PlannedWorkProcess>(
    workProcesses.map((w) => [w.code, { code: w.code, reading: [], quizzes: [] }]),
  )
  for (const row of rows)
    for (const { workProcessCode } of row.workProcesses) {
      const w = byCode.get(workProcessCode)
      if (w) (row.type === 'quiz' ? w.quizzes : w.reading).push(row.lessonKey)
    }
  return {
    workProcesses: [...byCode.values()],
    titles: new Map(workProcesses.map((w) => [w.code, w.titleNl])),
  }
}

/** An action and the real time span in which its rows were written. */
type Written = { action: HistoryAction; from: Date; to: Date }

/**
 * Move what each action wrote to the moment it happens in the demo's story: a learner's rows
 * written during an action's time span are that action's. Only the tables an action writes
 * are touched, in one transaction per learner. Audit lines, e-mails and records keep their
 * real time: those are facts about when the seed ran.
 */
async function backdate(userId: string, written: Written[]) {
  await prisma.$transaction(
    written.flatMap(({ action, from, to }) => {
      const at = action.at
      const during = { gte: from, lte: to }
      const learning = action.kind === 'lesson' || action.kind === 'quiz'
      return [
        prisma.learningEvent.updateMany({
          where: { userId, timestamp: during },
          data: { timestamp: at },
        }),
        prisma.workProcessStatus.updateMany({
          where: { userId, updatedAt: during },
          data: { updatedAt: at },
        }),
        ...(learning
          ? [
              prisma.lessonCompletion.updateMany({
                where: { userId, completedAt: during },
                data: { completedAt: at },
              }),
              prisma.enrolment.updateMany({
                where: { userId, createdAt: during },
                data: { createdAt: at },
              }),
            ]
          : []),
        ...(action.kind === 'quiz'
          ? [
              prisma.quizAttempt.updateMany({
                where: { userId, createdAt: during },
                data: { createdAt: at },
              }),
            ]
          : []),
        ...(action.kind === 'evidence'
          ? [
              prisma.evidence.updateMany({
                where: { userId, submittedAt: during },
                data: { submittedAt: at },
              }),
            ]
          : []),
        ...(action.kind === 'signOff'
          ? [
              prisma.assessment.updateMany({
                where: { evidence: { userId }, createdAt: during },
                data: { createdAt: at },
              }),
            ]
          : []),
      ]
    }),
  )
}
