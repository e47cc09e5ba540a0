import { DEFAULT_REVEAL_AFTER } from '#app/content/lesson-kit-spec.ts'
import type { Locale } from '#app/i18n/i18n.ts'
import type { StoredQuizKey } from './course-import.server.ts'

export type QuizResult = {
  score: number
  passed: boolean
  passMark: number
  correctCount: number
  total: number
  /** Whether `correctOptions` are in this result (see `withoutKey`). */
  revealed: boolean
  /** Attempts still to go before the key is shown; null when only a pass shows it. */
  attemptsUntilReveal: number | null
  questions: Array<{
    correct: boolean
    chosen: number[]
    /** The chosen options that are not correct: what the learner got wrong, not the key. */
    wrongChosen: number[]
    /** The answer key of the question; null while it is withheld. */
    correctOptions: number[] | null
    feedback: string
  }>
}

/**
 * Grade a submitted quiz on the server. Answers arrive as form fields `q0`, `q1`, … holding
 * option positions; anything else (unknown positions, two answers to a single-choice
 * question) simply counts as wrong. A question is right only when exactly the correct
 * options were chosen. The result holds the key: a learner's page gets `withoutKey` of it
 * until `revealsKey` says otherwise.
 */
export function gradeQuiz(key: StoredQuizKey, form: FormData, locale: Locale): QuizResult {
  const questions = key.questions.map((q, i) => {
    const chosen = [
      ...new Set(
        form
          .getAll(`q${i}`)
          .map((v) => Number(v))
          .filter((n) => Number.isInteger(n) && n >= 0 && n < q.options),
      ),
    ].sort((a, b) => a - b)
    const valid = q.type === 'multiple' || chosen.length <= 1
    const correct =
      valid && chosen.length === q.correct.length && chosen.every((c, j) => c === q.correct[j])
    const wrongChosen = chosen.filter((c) => !q.correct.includes(c))
    const feedback = (locale === 'en' ? q.feedback.en : null) ?? q.feedback.nl
    return { correct, chosen, wrongChosen, correctOptions: q.correct, feedback }
  })
  const correctCount = questions.filter((q) => q.correct).length
  const total = questions.length
  const score = total === 0 ? 0 : Math.round((100 * correctCount) / total)
  return {
    score,
    passed: score >= key.passMark,
    passMark: key.passMark,
    correctCount,
    total,
    revealed: true,
    attemptsUntilReveal: null,
    questions,
  }
}

/** A quiz's `revealAfter`; keys stored before quizzes had one get the default. */
export const revealAfterOf = (key: StoredQuizKey) =>
  key.revealAfter === undefined ? DEFAULT_REVEAL_AFTER : key.revealAfter

/**
 * Whether a learner may see the key: once they passed (now or before), or after the
 * quiz's number of attempts (this one included). Until then a retry must be their own work.
 */
export function revealsKey(
  revealAfter: number | null,
  history: { attempts: number; passed: boolean },
): boolean {
  return history.passed || (revealAfter !== null && history.attempts >= revealAfter)
}

/**
 * The result as a learner who may not see the key yet gets it: which questions and which
 * chosen options were wrong, the author's explanation, and no trace of the correct options.
 */
export function withoutKey(
  result: QuizResult,
  revealAfter: number | null,
  attempts: number,
): QuizResult {
  return {
    ...result,
    revealed: false,
    attemptsUntilReveal: revealAfter === null ? null : Math.max(revealAfter - attempts, 1),
    questions: result.questions.map((q) => ({ ...q, correctOptions: null })),
  }
}
