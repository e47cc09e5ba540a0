import { describe, expect, test } from 'vitest'
import { ScorecardDefinitionSchema, scoreContact, validAnswer } from './scorecard-definition.ts'
import { perfectAnswers, STARTER_SCORECARD } from './starter-scorecard.ts'

const answers = (changes: Record<string, number | null>) => ({
  ...perfectAnswers(),
  ...Object.fromEntries(Object.entries(changes).map(([k, value]) => [k, { value }])),
})

describe('scoring a contact', () => {
  test('a perfect contact scores 100 on every section and work process', () => {
    const result = scoreContact(STARTER_SCORECARD, perfectAnswers())
    expect(result.score).toBe(100)
    expect(result.passed).toBe(true)
    expect(result.sections.every((s) => s.score === 100 && s.passed)).toBe(true)
    expect(result.workProcesses.map((w) => w.code).sort()).toEqual([
      'CM-K1-W1',
      'CM-K1-W2',
      'CM-K1-W4',
      'CM-K2-W3',
      'CM-K3-W2',
    ])
  })

  test('a failed critical item fails the evaluation whatever the rest', () => {
    const result = scoreContact(STARTER_SCORECARD, answers({ identity: 0 }))
    expect(result.criticalFailed).toBe(true)
    expect(result.score).toBe(0)
    expect(result.passed).toBe(false)
    const opening = result.sections.find((s) => s.key === 'opening')!
    expect(opening.passed).toBe(false)
    // The work processes of other sections still show how they went.
    expect(result.workProcesses.find((w) => w.code === 'CM-K3-W2')).toMatchObject({
      score: 100,
      passed: true,
    })
    expect(result.workProcesses.find((w) => w.code === 'CM-K1-W1')!.passed).toBe(false)
  })

  test('sections weigh their items; a low section falls below its threshold', () => {
    // notes 1/5 (weight 2) and disposition yes (weight 1): (0*2 + 1*1) / 3 = 33.3
    const result = scoreContact(STARTER_SCORECARD, answers({ notes: 1 }))
    const registration = result.sections.find((s) => s.key === 'registration')!
    expect(registration.score).toBe(33.3)
    expect(registration.passed).toBe(false)
    expect(result.workProcesses.find((w) => w.code === 'CM-K3-W2')).toEqual({
      code: 'CM-K3-W2',
      score: 33.3,
      passed: false,
    })
    // 100 everywhere else, weighted by section: (85*100 + 15*33.3) / 100
    expect(result.score).toBe(90)
    expect(result.passed).toBe(true)
  })

  test('n.a. items do not count, and a section of only n.a. is left out', () => {
    const result = scoreContact(
      STARTER_SCORECARD,
      answers({ 'next-steps': null, check: null, complete: 3 }),
    )
    expect(result.sections.find((s) => s.key === 'closing')).toMatchObject({
      score: null,
      passed: true,
    })
    // solution: correct 1 (w3) + complete 0.5 (w2) = 4/5 = 80
    expect(result.sections.find((s) => s.key === 'solution')!.score).toBe(80)
  })

  test('answers must be on the scale of the item', () => {
    const [yesNo, scale] = [
      STARTER_SCORECARD.sections[0]!.items[0]!,
      STARTER_SCORECARD.sections[1]!.items[0]!,
    ]
    expect(validAnswer(yesNo, 1)).toBe(true)
    expect(validAnswer(yesNo, 2)).toBe(false)
    expect(validAnswer(scale, 5)).toBe(true)
    expect(validAnswer(scale, 0)).toBe(false)
    expect(validAnswer(scale, 2.5)).toBe(false)
    expect(validAnswer(scale, null)).toBe(true)
  })

  test('a definition with a repeated item key is refused', () => {
    const twice = structuredClone(STARTER_SCORECARD)
    twice.sections[1]!.items[0]!.key = 'greeting'
    const result = ScorecardDefinitionSchema.safeParse(twice)
    expect(result.success).toBe(false)
  })
})
