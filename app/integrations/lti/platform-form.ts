import { z } from 'zod'
import { outboundUrl } from '#app/utils/outbound-url.ts'

/**
 * A platform address: an outbound address (https, or loopback http while developing and
 * testing). Platforms send these too, so the dynamic registration holds them to the same rule.
 */
export const isPlatformUrl = (value: string, allowLoopback: boolean) =>
  outboundUrl(value, allowLoopback) !== null

function platformUrl(allowLoopback: boolean) {
  return z
    .string({ required_error: 'form.required' })
    .trim()
    .max(500, 'form.tooLong')
    .refine((v) => isPlatformUrl(v, allowLoopback), 'ltiAdmin.badUrl')
}

/** Deployment ids, one a line: blank lines dropped, duplicates once. */
export function parseDeploymentIds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ]
}

export const deploymentIdSchema = z
  .string({ required_error: 'form.required' })
  .trim()
  .min(1, 'form.required')
  .max(255, 'form.tooLong')

/**
 * The manual registration of a platform: the values its administrator reads off the
 * platform's tool page. One schema for the form (Conform) and the action.
 */
export function manualRegistrationSchema({ allowLoopback }: { allowLoopback: boolean }) {
  return z.object({
    name: z
      .string({ required_error: 'form.required' })
      .trim()
      .min(2, 'form.required')
      .max(120, 'form.tooLong'),
    issuer: platformUrl(allowLoopback),
    clientId: z.string({ required_error: 'form.required' }).trim().max(255, 'form.tooLong'),
    authLoginUrl: platformUrl(allowLoopback),
    authTokenUrl: platformUrl(allowLoopback),
    jwksUrl: platformUrl(allowLoopback),
    deploymentIds: z
      .string({ required_error: 'ltiAdmin.needDeployment' })
      .max(5000, 'form.tooLong')
      .transform((text, ctx) => {
        const ids = parseDeploymentIds(text)
        if (ids.length === 0) ctx.addIssue({ code: 'custom', message: 'ltiAdmin.needDeployment' })
        if (ids.some((id) => id.length > 255))
          ctx.addIssue({ code: 'custom', message: 'form.tooLong' })
        return ids
      }),
  })
}

export type ManualRegistration = z.infer<ReturnType<typeof manualRegistrationSchema>>
