/**
 * Every reason a launch can stop, from the login initiation to the launch itself, and the
 * HTTP status its page answers with. Each has a text `ltiLaunch.reason.<reason>`.
 */
const STATUS = {
  // The login initiation.
  missing: 400,
  'unknown-platform': 403,
  ambiguous: 400,
  pending: 403,
  disabled: 403,
  // The launch.
  state: 401,
  platform: 403,
  signature: 401,
  expired: 401,
  issuer: 401,
  audience: 401,
  nonce: 401,
  unreachable: 502,
  claims: 400,
  deployment: 400,
  'unknown-target': 404,
  'foreign-course': 403,
  'not-instructor': 403,
  'no-access': 403,
  'platform-error': 400,
  // A GET of the launch address: someone followed an old link.
  get: 405,
} as const

export type LaunchProblem = keyof typeof STATUS
export const LAUNCH_PROBLEMS = Object.keys(STATUS) as LaunchProblem[]

export function statusOfProblem(problem: LaunchProblem): number {
  return STATUS[problem]
}
