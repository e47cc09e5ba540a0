import { expect, test } from 'vitest'
import { ladderFacts, stepFor } from './progress-rules.ts'

const linked = [
  { lessonKey: 'les', type: 'lesson' },
  { lessonKey: 'scenario', type: 'scenario' },
  { lessonKey: 'toets', type: 'quiz' },
  { lessonKey: 'opdracht', type: 'assignment' },
]
const step = (done: string[]) => stepFor(ladderFacts(linked, new Set(done)))

test('the ladder: not started → learning → knowledge complete', () => {
  expect(step([])).toBe(0)
  expect(step(['les'])).toBe(1)
  expect(step(['les', 'scenario'])).toBe(1)
  expect(step(['les', 'scenario', 'toets'])).toBe(2)
  // The assignment is evidence (issue 7), not knowledge: it is neither needed nor enough.
  expect(step(['opdracht'])).toBe(1)
})

test('a step needs every lower step: evidence without knowledge does not skip ahead', () => {
  expect(
    stepFor({
      anyLessonCompleted: false,
      allLessonsCompleted: true,
      allQuizzesPassed: true,
      evidenceSubmitted: true,
      signedOff: true,
    }),
  ).toBe(0)
  expect(
    stepFor({
      anyLessonCompleted: true,
      allLessonsCompleted: true,
      allQuizzesPassed: true,
      evidenceSubmitted: true,
      signedOff: true,
    }),
  ).toBe(4)
})

test('a work process without linked lessons stays not started', () => {
  expect(stepFor(ladderFacts([], new Set()))).toBe(0)
})

test('workplace facts lift knowledge-complete work processes to demonstrated and competent', () => {
  const all = new Set(['les', 'scenario', 'toets'])
  expect(stepFor(ladderFacts(linked, all, { evidenceSubmitted: true, signedOff: false }))).toBe(3)
  expect(stepFor(ladderFacts(linked, all, { evidenceSubmitted: true, signedOff: true }))).toBe(4)
  // Signed-off evidence does not count while knowledge is incomplete.
  const partial = new Set(['les'])
  expect(stepFor(ladderFacts(linked, partial, { evidenceSubmitted: true, signedOff: true }))).toBe(
    1,
  )
})
