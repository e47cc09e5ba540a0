import { z } from 'zod'

const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/

/**
 * An LRS endpoint: https, or plain http on this machine outside production (the test LRS).
 * Never credentials in the URL (they go in their own fields, the secret sealed).
 */
export function isLrsEndpoint(value: string, allowLoopback: boolean): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.username || url.password || url.search || url.hash) return false
  return url.protocol === 'https:' || (allowLoopback && LOOPBACK.test(value))
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
