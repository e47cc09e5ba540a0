import { z } from 'zod'

/**
 * What a scorecard version holds, and how a contact scored on it is computed. Pure: the same
 * rules run in the scoring form's preview, when an evaluation is stored and in imports.
 */

export const CHANNELS = ['phone', 'chat', 'email', 'social'] as const
export type Channel = (typeof CHANNELS)[number]

/** yes/no items score 1 or 0; scale items 1 to 5. Either may be "n.a." (null). */
export const ITEM_SCALES = ['yes_no', 'one_to_five'] as const
export type ItemScale = (typeof ITEM_SCALES)[number]

const key = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'scorecard.error.key')

export const ScorecardItemSchema = z.object({
  key,
  nl: z.string().trim().min(3).max(300),
  en: z.string().trim().max(300).default(''),
  scale: z.enum(ITEM_SCALES),
  weight: z.number().int().min(1).max(10).default(1),
  /** Failing it (no, or the lowest point of the scale) fails the whole evaluation. */
  critical: z.boolean().default(false),
})

export const ScorecardSectionSchema = z.object({
  key,
  nl: z.string().trim().min(3).max(200),
  en: z.string().trim().max(200).default(''),
  weight: z.number().int().min(1).max(100).default(1),
  /** A section below this score (0-100) is "below threshold": what rules count. */
  threshold: z.number().min(0).max(100).default(70),
  /** Work-process codes of the scorecard's dossier this section shows, e.g. ["CM-K1-W1"]. */
  workProcesses: z.array(z.string().trim().min(2).max(20)).min(1).max(6),
  items: z.array(ScorecardItemSchema).min(1).max(20),
})

export const ScorecardDefinitionSchema = z
  .object({
    /** The total score (0-100) an evaluation needs to pass. */
    passMark: z.number().min(0).max(100).default(80),
    sections: z.array(ScorecardSectionSchema).min(1).max(12),
  })
  .superRefine((definition, ctx) => {
    const seen = new Set<string>()
    definition.sections.forEach((section, s) => {
      for (const [i, item] of section.items.entries()) {
        if (seen.has(item.key))
          ctx.addIssue({
            code: 'custom',
            path: ['sections', s, 'items', i, 'key'],
            message: 'scorecard.error.duplicateKey',
          })
        seen.add(item.key)
      }
    })
    const sectionKeys = definition.sections.map((s) => s.key)
    sectionKeys.forEach((k, s) => {
      if (sectionKeys.indexOf(k) !== s)
        ctx.addIssue({
          code: 'custom',
          path: ['sections', s, 'key'],
          message: 'scorecard.error.duplicateKey',
        })
    })
  })

export type ScorecardDefinition = z.infer<typeof ScorecardDefinitionSchema>
export type ScorecardSection = ScorecardDefinition['sections'][number]
export type ScorecardItem = ScorecardSection['items'][number]

/** The answer to one item: a point of its scale, or null for "not applicable". */
export type ItemAnswer = { value: number | null; comment?: string }

export function validAnswer(item: ScorecardItem, value: number | null): boolean {
  if (value === null) return true
  if (!Number.isInteger(value)) return false
  return item.scale === 'yes_no' ? value === 0 || value === 1 : value >= 1 && value <= 5
}

/** 0-1: how well an item was done. */
function fraction(item: ScorecardItem, value: number): number {
  return item.scale === 'yes_no' ? value : (value - 1) / 4
}

function failsCritically(item: ScorecardItem, value: number | null): boolean {
  return item.critical && value !== null && fraction(item, value) < 0.5
}

export type SectionResult = {
  key: string
  /** null when every item was n.a. */
  score: number | null
  passed: boolean
  criticalFailed: boolean
}

export type EvaluationResult = {
  score: number
  passed: boolean
  criticalFailed: boolean
  sections: SectionResult[]
  /** Per work process: the mean score of its scored sections, passed when all of them are. */
  workProcesses: { code: string; score: number; passed: boolean }[]
}

const round1 = (n: number) => Math.round(n * 10) / 10

function weightedMean(parts: { value: number; weight: number }[]): number | null {
  const total = parts.reduce((sum, p) => sum + p.weight, 0)
  if (total === 0) return null
  return parts.reduce((sum, p) => sum + p.value * p.weight, 0) / total
}

/**
 * Score a contact. Sections are the weighted mean of their answered items (0-100); the total
 * is the weighted mean of the scored sections; a failed critical item makes the total 0 and
 * the evaluation failed, whatever the rest. Answers must be checked with `validAnswer` first.
 */
export function scoreContact(
  definition: ScorecardDefinition,
  answers: Record<string, ItemAnswer | undefined>,
): EvaluationResult {
  const sections: SectionResult[] = definition.sections.map((section) => {
    const answered = section.items.flatMap((item) => {
      const value = answers[item.key]?.value ?? null
      return value === null ? [] : [{ value: fraction(item, value), weight: item.weight }]
    })
    const mean = weightedMean(answered)
    const criticalFailed = section.items.some((item) =>
      failsCritically(item, answers[item.key]?.value ?? null),
    )
    const score = mean === null ? null : round1(mean * 100)
    return {
      key: section.key,
      score,
      criticalFailed,
      passed: !criticalFailed && (score === null || score >= section.threshold),
    }
  })
  const criticalFailed = sections.some((s) => s.criticalFailed)
  const total = weightedMean(
    definition.sections.flatMap((section, i) => {
      const score = sections[i]!.score
      return score === null ? [] : [{ value: score, weight: section.weight }]
    }),
  )
  const score = criticalFailed ? 0 : round1(total ?? 0)
  const codes = [...new Set(definition.sections.flatMap((s) => s.workProcesses))]
  const workProcesses = codes.flatMap((code) => {
    const mapped = sections.filter(
      (r, i) => r.score !== null && definition.sections[i]!.workProcesses.includes(code),
    )
    if (mapped.length === 0) return []
    return [
      {
        code,
        score: round1(mapped.reduce((sum, r) => sum + r.score!, 0) / mapped.length),
        passed: mapped.every((r) => r.passed),
      },
    ]
  })
  return {
    score,
    passed: !criticalFailed && total !== null && score >= definition.passMark,
    criticalFailed,
    sections,
    workProcesses,
  }
}

export function allItems(definition: ScorecardDefinition) {
  return definition.sections.flatMap((section) =>
    section.items.map((item) => ({ ...item, sectionKey: section.key })),
  )
}
