import type { Locale } from '#app/i18n/i18n.ts'
import type { StoredQuizKey } from './course-import.server.ts'

export type QuizResult = {
  score: number
  passed: boolean
  passMark: number
  correctCount: number
  total: number
  questions: Array<{
    correct: boolean
    chosen: number[]
    correctOptions: number[]
    feedback: string
  }>
}

/**
 * Grade a submitted quiz on the server. Answers arrive as form fields `q0`, `q1`, … holding
 * option positions; anything else (unknown positions, two answers to a single-choice
 * question) simply counts as wrong. A question is right only when exactly the correct
 * options were chosen.
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
    const feedback = (locale === 'en' ? q.feedback.en : null) ?? q.feedback.nl
    return { correct, chosen, correctOptions: q.correct, feedback }
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
    questions,
  }
}
