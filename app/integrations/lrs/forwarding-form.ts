import { z } from 'zod'
import { outboundUrl } from '#app/utils/outbound-url.ts'

/**
 * An LRS endpoint: an outbound address (https, or loopback http outside production), and
 * without query or fragment, since `statements` and `about` are appended to it.
 */
export function isLrsEndpoint(value: string, allowLoopback: boolean): boolean {
  const url = outboundUrl(value, allowLoopback)
  return url !== null && !url.search && !url.hash
}

/** The endpoint as we store it: with a trailing slash, so `statements` and `about` append. */
export const normaliseEndpoint = (value: string) => (value.endsWith('/') ? value : `${value}/`)

/**
 * The LRS form, one schema for Conform and the action. The secret may stay empty when one is
 * set already (it is never shown again); the action asks for it when there is none.
 */
export function lrsForwardingSchema(options: { allowLoopback: boolean }) {
  return z.object({
    intent: z.literal('save'),
    endpoint: z
      .string({ required_error: 'form.required' })
      .trim()
      .max(500, 'form.tooLong')
      .refine((v) => isLrsEndpoint(v, options.allowLoopback), 'lrsForwarding.badEndpoint')
      .transform(normaliseEndpoint),
    username: z
      .string({ required_error: 'form.required' })
      .trim()
      .min(1, 'form.required')
      .max(200, 'form.tooLong'),
    secret: z.string().max(500, 'form.tooLong').optional(),
  })
}
