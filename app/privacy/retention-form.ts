import { z } from 'zod'

/** Retention periods are whole months, from one month up to ten years. */
export const MAX_RETENTION_MONTHS = 120

/**
 * Below this the MBO exam inspection may find exam material gone: the page warns, but the
 * organisation decides (a shorter period can be right when the school keeps the exam file).
 */
export const EXAM_INSPECTION_MONTHS = 18

const months = z.coerce
  .number({ required_error: 'form.required', invalid_type_error: 'retention.wholeMonths' })
  .int('retention.wholeMonths')
  .min(1, 'retention.tooShort')
  .max(MAX_RETENTION_MONTHS, 'retention.tooLong')

/** The periods form: one schema for Conform and the action. */
export const retentionPeriodsSchema = z.object({
  intent: z.literal('save'),
  examEvidenceMonths: months,
  learningEventMonths: months,
  evaluationMonths: months,
  kpiMonths: months,
})

/** Placing a legal hold: on whom, and why (required: a hold without a reason is arbitrary). */
export const legalHoldSchema = z.object({
  intent: z.literal('hold'),
  userId: z.string({ required_error: 'form.required' }).min(1, 'form.required'),
  reason: z
    .string({ required_error: 'form.required' })
    .trim()
    .min(3, 'legalHold.reasonTooShort')
    .max(500, 'form.tooLong'),
})
