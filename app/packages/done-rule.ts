/**
 * What counts as done for a package's SCO/AU, as the trainer set it, applied to what the
 * content reported. Shared by the SCORM runtime and the cmi5 statement judge, so both
 * standards move the ladder by the same rule.
 */
export const DONE_WHEN = ['completed', 'passed', 'score'] as const
export type DoneWhen = (typeof DONE_WHEN)[number]

export type Completion = 'completed' | 'incomplete' | 'unknown'
export type Success = 'passed' | 'failed' | 'unknown'

/** An attempt's state as the content reported it (normalised from SCORM or cmi5). */
export type ReportedOutcome = { completion: Completion; success: Success; score: number | null }

export type DoneRule = { doneWhen: string; minScore: number | null }

export function isDone(rule: DoneRule, outcome: ReportedOutcome): boolean {
  switch (rule.doneWhen) {
    case 'completed':
      // A passed test is also a finished one: content that only reports success counts.
      return outcome.completion === 'completed' || outcome.success === 'passed'
    case 'passed':
      return outcome.success === 'passed'
    case 'score':
      return outcome.score !== null && outcome.score >= (rule.minScore ?? 100)
    default:
      return false
  }
}
