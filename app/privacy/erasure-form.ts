import { z } from 'zod'

/** The person's own request: with which organisation (when they have one), and that they know it is final. */
export const ownErasureSchema = z.object({
  organisationId: z.string().max(100).optional(),
  confirm: z.literal('on', {
    errorMap: () => ({ message: 'erasure.confirmRequired' }),
  }),
})

/** An org admin's decision: rejecting needs a reason the person can be told. */
export const erasureDecisionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), requestId: z.string().max(100) }),
  z.object({
    intent: z.literal('reject'),
    requestId: z.string().max(100),
    note: z
      .string({ required_error: 'erasure.noteRequired' })
      .trim()
      .min(10, 'erasure.noteRequired')
      .max(1000, 'form.tooLong'),
  }),
  z.object({
    intent: z.literal('file'),
    userId: z.string({ required_error: 'erasure.chooseMember' }).max(100),
  }),
])
