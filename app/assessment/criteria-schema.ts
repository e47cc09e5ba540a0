import { z } from 'zod'
import { RUBRIC_LEVELS } from './assessment-rules.ts'

/** One assessment criterion, as stored and as the trainer's form sends it. */
export const CriterionSchema = z.object({
  nl: z.string().trim().min(3).max(500),
  en: z.string().trim().max(500),
  requiredLevel: z.enum(RUBRIC_LEVELS),
})
export type Criterion = z.infer<typeof CriterionSchema>
export const CriteriaListSchema = z.array(CriterionSchema).min(1).max(12)
