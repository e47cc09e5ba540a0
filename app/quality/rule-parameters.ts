import { z } from 'zod'

/**
 * The kinds of quality rule and their parameters, as data: the form, the rule engine and the
 * rule page all read them from here. Pure (no database), so the page can show a rule's
 * meaning in words.
 */
export const RULE_KINDS = ['assign_lesson', 'demonstrated'] as const
export type RuleKind = (typeof RULE_KINDS)[number]

export function isRuleKind(value: unknown): value is RuleKind {
  return typeof value === 'string' && (RULE_KINDS as readonly string[]).includes(value)
}

const count = (max: number) => z.coerce.number().int().min(1).max(max)

/** Failing the work process in `below` of the last `window` evaluations assigns its lessons. */
export const AssignLessonParameters = z
  .object({ below: count(20), window: count(20), dueDays: count(90) })
  .refine((p) => p.below <= p.window, { path: ['below'], message: 'qrules.error.belowWindow' })
export type AssignLessonParameters = z.infer<typeof AssignLessonParameters>

/** `passing` passing evaluations (since the last time it fired) hand in call-review evidence. */
export const DemonstratedParameters = z.object({ passing: count(100) })
export type DemonstratedParameters = z.infer<typeof DemonstratedParameters>

export type RuleParameters =
  | { kind: 'assign_lesson'; parameters: AssignLessonParameters }
  | { kind: 'demonstrated'; parameters: DemonstratedParameters }

/** A stored rule's parameters, checked again: a row edited by hand never runs wrongly. */
export function parseRuleParameters(kind: string, json: string): RuleParameters {
  const raw: unknown = JSON.parse(json)
  if (kind === 'assign_lesson') return { kind, parameters: AssignLessonParameters.parse(raw) }
  if (kind === 'demonstrated') return { kind, parameters: DemonstratedParameters.parse(raw) }
  throw new Error(`unknown quality rule kind: ${kind}`)
}
