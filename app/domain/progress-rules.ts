/**
 * The progress ladder per work process, as data: the rules the engine applies and the
 * "how progress is computed" page shows. A step is reached when every condition of it and of
 * every step below it holds. Progress never goes back: a rule change or new content can only
 * move a learner up (what was achieved stays achieved).
 */
export const CONDITIONS = {
  anyLessonCompleted: {
    nl: 'minstens één les, toets of scenario van dit werkproces is afgerond',
    en: 'at least one lesson, quiz or scenario of this work process is completed',
  },
  allLessonsCompleted: {
    nl: 'alle gepubliceerde lessen en scenario’s die dit werkproces trainen zijn afgerond',
    en: 'all published lessons and scenarios that train this work process are completed',
  },
  allQuizzesPassed: {
    nl: 'alle gepubliceerde toetsen van dit werkproces zijn gehaald (score minstens de cesuur)',
    en: 'all published quizzes of this work process are passed (score at least the pass mark)',
  },
  evidenceSubmitted: {
    nl: 'praktijkbewijs is ingeleverd (gespreksverslag, coachingslog, opdracht)',
    en: 'workplace evidence has been submitted (call review, coaching log, assignment)',
  },
  signedOff: {
    nl: 'een assessor heeft elk criterium op het vereiste niveau gescoord en afgetekend',
    en: 'an assessor scored every criterion at the required level and signed off',
  },
} as const
export type Condition = keyof typeof CONDITIONS

export const LADDER = [
  { step: 0, key: 'not_started', requires: [] },
  { step: 1, key: 'learning', requires: ['anyLessonCompleted'] },
  { step: 2, key: 'knowledge_complete', requires: ['allLessonsCompleted', 'allQuizzesPassed'] },
  { step: 3, key: 'demonstrated', requires: ['evidenceSubmitted'] },
  { step: 4, key: 'competent', requires: ['signedOff'] },
] as const satisfies ReadonlyArray<{ step: number; key: string; requires: readonly Condition[] }>

export type StepKey = (typeof LADDER)[number]['key']
export const TOP_STEP = LADDER.length - 1

/**
 * Lesson types that count for knowledge; assignments are workplace evidence instead. A
 * package's SCO/AU ("package") counts like a lesson: it is completed only when the trainer's
 * rule for it (completed, passed or a minimum score) holds.
 */
export const KNOWLEDGE_TYPES = ['lesson', 'scenario', 'quiz', 'package'] as const

/** The highest step whose conditions, and those of every lower step, hold. */
export function stepFor(facts: Record<Condition, boolean>): number {
  let reached = 0
  for (const rung of LADDER) {
    if (!rung.requires.every((c) => facts[c])) break
    reached = rung.step
  }
  return reached
}

export type LinkedLesson = { lessonKey: string; type: string }

export type Workplace = { evidenceSubmitted: boolean; signedOff: boolean }
const NO_WORKPLACE: Workplace = { evidenceSubmitted: false, signedOff: false }

/**
 * The facts the ladder needs: from the lessons linked to a work process and those done, and
 * from the workplace (evidence submitted, signed off; see app/assessment/workplace-facts).
 */
export function ladderFacts(
  linked: LinkedLesson[],
  completed: ReadonlySet<string>,
  workplace: Workplace = NO_WORKPLACE,
): Record<Condition, boolean> {
  const counted = linked.filter((l) => (KNOWLEDGE_TYPES as readonly string[]).includes(l.type))
  const reading = counted.filter((l) => l.type !== 'quiz')
  const quizzes = counted.filter((l) => l.type === 'quiz')
  return {
    anyLessonCompleted: linked.some((l) => completed.has(l.lessonKey)),
    allLessonsCompleted: reading.every((l) => completed.has(l.lessonKey)),
    allQuizzesPassed: quizzes.every((l) => completed.has(l.lessonKey)),
    evidenceSubmitted: workplace.evidenceSubmitted,
    signedOff: workplace.signedOff,
  }
}
