import { z } from 'zod'
import { CLAIM, LTI_VERSION, MESSAGE_TYPE } from './claims.ts'

/**
 * The claims of a launch we act on, checked after the signature. Platforms add much more
 * (Canvas sends `validation_context` and `errors` in every object, nulls for empty values):
 * unknown members are ignored, and optional text may be null.
 */
const text = z.string().max(2000)
const optionalText = text.nullish()
const url = z.string().url().max(2000)

const resourceLink = z.object({ id: z.string().min(1).max(255), title: optionalText })
const context = z.object({
  id: z.string().min(1).max(255),
  title: optionalText,
  label: optionalText,
})
const ags = z.object({
  scope: z.array(z.string()).default([]),
  lineitem: url.nullish(),
  lineitems: url.nullish(),
})
const nrps = z.object({ context_memberships_url: url })
const deepLinkingSettings = z.object({
  deep_link_return_url: url,
  accept_types: z.array(z.string()),
  accept_multiple: z.boolean().nullish(),
  data: z.string().max(4000).nullish(),
})

export const LaunchClaims = z.object({
  sub: z.string().min(1).max(255),
  name: optionalText,
  given_name: optionalText,
  family_name: optionalText,
  [CLAIM.messageType]: z.enum([MESSAGE_TYPE.resourceLink, MESSAGE_TYPE.deepLinkingRequest]),
  [CLAIM.version]: z.literal(LTI_VERSION),
  [CLAIM.deploymentId]: z.string().min(1).max(255),
  [CLAIM.targetLinkUri]: url,
  [CLAIM.roles]: z.array(z.string()),
  [CLAIM.resourceLink]: resourceLink.optional(),
  [CLAIM.context]: context.optional(),
  [CLAIM.custom]: z.record(z.unknown()).nullish(),
  [CLAIM.launchPresentation]: z.object({ return_url: url.nullish() }).passthrough().nullish(),
  [CLAIM.ags]: ags.optional(),
  [CLAIM.nrps]: nrps.optional(),
  [CLAIM.deepLinkingSettings]: deepLinkingSettings.optional(),
})
export type LaunchClaims = z.infer<typeof LaunchClaims>

/** The person's display name from the claims, or a neutral one when the platform sends none. */
export function personName(claims: LaunchClaims): string | null {
  const name =
    claims.name?.trim() || [claims.given_name, claims.family_name].filter(Boolean).join(' ').trim()
  return name ? name.slice(0, 200) : null
}
