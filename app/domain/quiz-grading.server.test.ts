import { expect, test } from 'vitest'
import { DEFAULT_REVEAL_AFTER } from '#app/content/lesson-kit-spec.ts'
import { gradeQuiz, revealAfterOf, revealsKey, withoutKey } from './quiz-grading.server.ts'
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

test('a chosen option that is not correct is named; a missing correct one is not', () => {
  const result = gradeQuiz(
    key,
    form([
      ['q0', '2'],
      ['q1', '0'],
    ]),
    'nl',
  )
  expect(result.questions.map((q) => q.wrongChosen)).toEqual([[2], [], [], []])
})

test('the key is shown after a pass (now or before) or after revealAfter attempts', () => {
  expect(revealsKey(3, { attempts: 1, passed: false })).toBe(false)
  expect(revealsKey(3, { attempts: 2, passed: false })).toBe(false)
  expect(revealsKey(3, { attempts: 3, passed: false })).toBe(true)
  expect(revealsKey(3, { attempts: 1, passed: true })).toBe(true)
  expect(revealsKey(1, { attempts: 1, passed: false })).toBe(true)
  expect(revealsKey(null, { attempts: 50, passed: false })).toBe(false)
  expect(revealsKey(null, { attempts: 2, passed: true })).toBe(true)
})

test('without the key: the same verdicts, no correct options anywhere', () => {
  const graded = gradeQuiz(key, form([['q0', '2']]), 'nl')
  const withheld = withoutKey(graded, 3, 1)
  expect(withheld).toMatchObject({ revealed: false, attemptsUntilReveal: 2, score: 0 })
  expect(withheld.questions.map((q) => q.correct)).toEqual(graded.questions.map((q) => q.correct))
  expect(withheld.questions.map((q) => q.correctOptions)).toEqual([null, null, null, null])
  expect(withoutKey(graded, null, 7).attemptsUntilReveal).toBeNull()
  expect(graded.questions[0]!.correctOptions).toEqual([1])
})

test('a key stored before quizzes had revealAfter gets the default', () => {
  expect(revealAfterOf(key)).toBe(DEFAULT_REVEAL_AFTER)
  expect(revealAfterOf({ ...key, revealAfter: null })).toBeNull()
  expect(revealAfterOf({ ...key, revealAfter: 1 })).toBe(1)
})
