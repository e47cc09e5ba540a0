import { expect, test } from 'vitest'
import { gradeQuiz } from './quiz-grading.server.ts'
import type { StoredQuizKey } from './course-import.server.ts'

const key: StoredQuizKey = {
  passMark: 75,
  questions: [
    { type: 'single', options: 3, correct: [1], feedback: { nl: 'Uitleg 1', en: 'Explanation 1' } },
    { type: 'multiple', options: 4, correct: [0, 2], feedback: { nl: 'Uitleg 2', en: null } },
    { type: 'single', options: 2, correct: [0], feedback: { nl: 'Uitleg 3', en: 'Explanation 3' } },
    { type: 'single', options: 2, correct: [1], feedback: { nl: 'Uitleg 4', en: 'Explanation 4' } },
  ],
}
const form = (entries: Array<[string, string]>) => {
  const f = new FormData()
  for (const [k, v] of entries) f.append(k, v)
  return f
}

test('all right: 100, passed, feedback in the learner’s language (Dutch when untranslated)', () => {
  const result = gradeQuiz(
    key,
    form([
      ['q0', '1'],
      ['q1', '0'],
      ['q1', '2'],
      ['q2', '0'],
      ['q3', '1'],
    ]),
    'en',
  )
  expect(result).toMatchObject({ score: 100, passed: true, correctCount: 4, total: 4 })
  expect(result.questions.map((q) => q.feedback)).toEqual([
    'Explanation 1',
    'Uitleg 2',
    'Explanation 3',
    'Explanation 4',
  ])
})

test('a multiple-choice question needs exactly the correct options', () => {
  const partial = gradeQuiz(
    key,
    form([
      ['q0', '1'],
      ['q1', '0'],
      ['q2', '0'],
      ['q3', '1'],
    ]),
    'nl',
  )
  expect(partial.questions[1]!.correct).toBe(false)
  expect(partial).toMatchObject({ score: 75, passed: true })
  const extra = gradeQuiz(
    key,
    form([
      ['q1', '0'],
      ['q1', '2'],
      ['q1', '3'],
    ]),
    'nl',
  )
  expect(extra.questions[1]!.correct).toBe(false)
})

test('two answers to a single-choice question, unknown positions and blanks are wrong', () => {
  const result = gradeQuiz(
    key,
    form([
      ['q0', '1'],
      ['q0', '2'],
      ['q2', '7'],
      ['q3', 'x'],
    ]),
    'nl',
  )
  expect(result.questions.map((q) => q.correct)).toEqual([false, false, false, false])
  expect(result).toMatchObject({ score: 0, passed: false })
})
