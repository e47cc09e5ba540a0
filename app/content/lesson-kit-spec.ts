/**
 * The component kit lessons may use, with the attributes each accepts. One description for
 * the checker, the compiler and (later) the browser editor's safe subset.
 */
export type AttributeSpec = { required?: boolean; values?: readonly string[]; flag?: boolean }
export type ComponentSpec = { attributes: Record<string, AttributeSpec>; parent?: string }

export const LESSON_KIT: Record<string, ComponentSpec> = {
  Callout: {
    attributes: { type: { values: ['tip', 'info', 'warning', 'example'] }, title: {} },
  },
  Term: { attributes: { definition: { required: true } } },
  Quiz: { attributes: { passMark: { required: true }, revealAfter: {} } },
  Question: {
    parent: 'Quiz',
    attributes: {
      type: { required: true, values: ['single', 'multiple'] },
      prompt: { required: true },
    },
  },
  Option: { parent: 'Question', attributes: { correct: { flag: true } } },
  Feedback: { parent: 'Question', attributes: {} },
  Scenario: { attributes: { title: { required: true }, start: { required: true } } },
  Step: { parent: 'Scenario', attributes: { id: { required: true }, speaker: {} } },
  Choice: { parent: 'Step', attributes: { to: { required: true } } },
  Ending: {
    parent: 'Scenario',
    attributes: {
      id: { required: true },
      result: { required: true, values: ['good', 'mixed', 'poor'] },
    },
  },
  Reflection: { attributes: { id: { required: true }, prompt: { required: true } } },
  Checklist: { attributes: { id: { required: true }, title: {} } },
  Item: { parent: 'Checklist', attributes: {} },
  KpiCalculator: {
    attributes: { kind: { required: true, values: ['aht', 'serviceLevel', 'occupancy'] } },
  },
}

export const LESSON_TYPES = ['lesson', 'quiz', 'scenario', 'assignment'] as const
export type LessonType = (typeof LESSON_TYPES)[number]

/**
 * After how many attempts a learner who has not passed yet sees the correct options. Sooner
 * and the retry is copying the key; never and a learner who keeps failing learns nothing.
 */
export const DEFAULT_REVEAL_AFTER = 3

/**
 * A quiz's `revealAfter`: a whole number of attempts from 1, or `never` (then only a pass
 * reveals the key); absent means the default. Undefined when the value is not allowed.
 */
export function parseRevealAfter(value: unknown): number | null | undefined {
  if (value === undefined || value === null) return DEFAULT_REVEAL_AFTER
  if (value === 'never') return null
  const attempts = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN
  return Number.isSafeInteger(attempts) && attempts >= 1 ? attempts : undefined
}

/** Quiz answers as the server keeps them: never part of the compiled lesson. */
export type QuizKey = {
  passMark: number
  /** Attempts after which the correct options are shown; null: only after a pass. */
  revealAfter: number | null
  questions: Array<{
    type: 'single' | 'multiple'
    options: number
    correct: number[]
    feedback: string
  }>
}
