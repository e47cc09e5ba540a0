/**
 * Our tool's addresses at a platform, relative to PUBLIC_URL. A platform's administrator
 * copies them for a manual registration; dynamic registration sends them itself.
 */
export const LTI_PATHS = {
  /** OIDC third-party-initiated login: the platform starts every launch here. */
  login: '/lti/login',
  /** The redirect URI: the platform posts the id_token here. */
  launch: '/lti/launch',
  /** Our public keys (deep-linking responses, client assertions). */
  jwks: '/lti/jwks',
  /** Where a teacher's deep-linking request lands (also the deep-linking target URI). */
  deepLinking: '/lti/deep-linking',
  /** Why a launch could not go on: `/lti/problem/<reason>` (a page inside the iframe). */
  problem: '/lti/problem',
  /** Dynamic registration: `/lti/register/<one-time token>`. */
  register: '/lti/register',
} as const

export function toolUrl(publicUrl: string, path: string) {
  return new URL(path, publicUrl).href
}
