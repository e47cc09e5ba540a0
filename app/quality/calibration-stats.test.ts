import { describe, expect, test } from 'vitest'
import {
  answerPoints,
  DEVIATION_TARGET_POINTS,
  deviations,
  evaluatorTrends,
  itemSpreads,
  itemsDisagreedOn,
  standardDeviation,
  type CalibrationScore,
  type ClosedSession,
} from './calibration-stats.ts'
import type { ScorecardDefinition } from './scorecard-definition.ts'

const definition: ScorecardDefinition = {
  passMark: 80,
  sections: [
    {
      key: 'call',
      nl: 'Het gesprek',
      en: 'The call',
      weight: 1,
      threshold: 70,
      workProcesses: ['CM-K1-W1'],
      items: [
        {
          key: 'greeting',
          nl: 'Begroet correct',
          en: 'Greets',
          scale: 'yes_no',
          weight: 1,
          critical: false,
        },
        {
          key: 'empathy',
          nl: 'Toont empathie',
          en: 'Empathy',
          scale: 'one_to_five',
          weight: 1,
          critical: false,
        },
        {
          key: 'notes',
          nl: 'Legt vast',
          en: 'Notes',
          scale: 'one_to_five',
          weight: 1,
          critical: false,
        },
      ],
    },
  ],
}

const scores: CalibrationScore[] = [
  { evaluatorId: 'a', score: 90, answers: { greeting: 1, empathy: 5, notes: 3 } },
  { evaluatorId: 'b', score: 80, answers: { greeting: 1, empathy: 3, notes: null } },
  { evaluatorId: 'c', score: 64, answers: { greeting: 0, empathy: 4, notes: 4 } },
]

describe('calibration maths', () => {
  test('answers become points on one 0-100 scale', () => {
    expect(answerPoints('yes_no', 0)).toBe(0)
    expect(answerPoints('yes_no', 1)).toBe(100)
    expect(answerPoints('one_to_five', 1)).toBe(0)
    expect(answerPoints('one_to_five', 4)).toBe(75)
    expect(standardDeviation([])).toBeNull()
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2)
  })

  test('the spread per item: min, max, range and standard deviation, n.a. left out', () => {
    const [greeting, empathy, notes] = itemSpreads(definition, scores)
    // greeting: 100, 100, 0 → mean 66.67; sd = sqrt((3 × 33.33² ... ) = 47.14
    expect(greeting).toMatchObject({ min: 0, max: 100, range: 100, standardDeviation: 47.1 })
    // empathy: 5, 3, 4 → 100, 50, 75 → mean 75, sd = sqrt((625 + 625 + 0) / 3) = 20.41
    expect(empathy).toMatchObject({ min: 50, max: 100, range: 50, standardDeviation: 20.4 })
    expect(empathy!.answers).toEqual([
      { evaluatorId: 'a', value: 5 },
      { evaluatorId: 'b', value: 3 },
      { evaluatorId: 'c', value: 4 },
    ])
    // notes: b said n.a.; 50 and 75 → range 25, sd 12.5
    expect(notes).toMatchObject({
      answered: 2,
      min: 50,
      max: 75,
      range: 25,
      standardDeviation: 12.5,
    })
  })

  test('deviation from the consensus (the mean total) and from a reference', () => {
    // consensus: (90 + 80 + 64) / 3 = 78
    expect(deviations(scores, null)).toEqual({
      basis: 'consensus',
      benchmark: 78,
      evaluators: [
        { evaluatorId: 'a', score: 90, deviation: 12, beyondTarget: true },
        { evaluatorId: 'b', score: 80, deviation: 2, beyondTarget: false },
        { evaluatorId: 'c', score: 64, deviation: 14, beyondTarget: true },
      ],
    })
    expect(deviations(scores, 'b')).toEqual({
      basis: 'reference',
      benchmark: 80,
      evaluators: [
        { evaluatorId: 'a', score: 90, deviation: 10, beyondTarget: false },
        { evaluatorId: 'b', score: 80, deviation: 0, beyondTarget: false },
        { evaluatorId: 'c', score: 64, deviation: 16, beyondTarget: true },
      ],
    })
    expect(DEVIATION_TARGET_POINTS).toBe(10)
    // A reference who did not score (closed early): the consensus counts.
    expect(deviations(scores, 'nobody')?.basis).toBe('consensus')
    expect(deviations([], null)).toBeNull()
  })

  test('over time: deviation per session, mean absolute deviation, and the items disagreed on most', () => {
    const session = (id: string, day: number, s: CalibrationScore[]): ClosedSession => ({
      sessionId: id,
      title: id,
      closedAt: new Date(Date.UTC(2026, 10, day)),
      referenceEvaluatorId: null,
      scorecardId: 'card',
      definition,
      scores: s,
    })
    const second = session('s2', 20, [
      { evaluatorId: 'a', score: 70, answers: { greeting: 1, empathy: 4, notes: 4 } },
      { evaluatorId: 'c', score: 76, answers: { greeting: 1, empathy: 4, notes: 2 } },
    ])
    // Given newest first: the time line is still oldest first.
    const trends = evaluatorTrends([second, session('s1', 10, scores)])
    const a = trends.find((t) => t.evaluatorId === 'a')!
    // s1: 12; s2: consensus 73 → 3; mean 7.5
    expect(a.sessions.map((s) => [s.sessionId, s.deviation])).toEqual([
      ['s1', 12],
      ['s2', 3],
    ])
    expect(a.meanAbsoluteDeviation).toBe(7.5)
    const c = trends.find((t) => t.evaluatorId === 'c')!
    expect(c.meanAbsoluteDeviation).toBe(8.5) // (14 + 3) / 2
    expect(trends[0]!.evaluatorId).toBe('c') // largest mean first
    expect(trends.find((t) => t.evaluatorId === 'b')!.sessions).toHaveLength(1)

    const items = itemsDisagreedOn([session('s1', 10, scores), second])
    // greeting: 47.1 and 0 → 23.6 (23.55 rounds up); empathy: 20.4 and 0 → 10.2;
    // notes: 12.5 and (75, 25 → sd 25) → 18.8 (18.75)
    expect(items.map((i) => [i.itemKey, i.meanStandardDeviation, i.meanRange])).toEqual([
      ['greeting', 23.6, 50],
      ['notes', 18.8, 37.5],
      ['empathy', 10.2, 25],
    ])
    expect(items[0]!.sessions).toBe(2)
    expect(itemsDisagreedOn([session('s1', 10, scores)], 1)).toHaveLength(1)
  })
})
