import { LTI_PATHS } from './tool-urls.ts'

/**
 * Who may show our pages in a frame (CSP frame-ancestors), against clickjacking. Normally
 * only we ourselves. Inside a learning platform (an embedded LTI session) also the origins
 * of that platform, recorded at the launch. The LTI entry pages that a platform frames
 * before anyone is signed in (login, launch answers, dynamic registration) may be framed by
 * any site: they act only on the platform's signed messages or a one-time link, or say why
 * a launch could not go on.
 */
const FRAMED_BEFORE_SIGN_IN = [
  LTI_PATHS.login,
  LTI_PATHS.launch,
  LTI_PATHS.problem,
  LTI_PATHS.register,
]

export function frameAncestors(pathname: string, embeddedFrom: readonly string[] | null): string {
  if (FRAMED_BEFORE_SIGN_IN.some((path) => pathname === path || pathname.startsWith(`${path}/`))) {
    return 'frame-ancestors *'
  }
  return ['frame-ancestors', "'self'", ...(embeddedFrom ?? [])].join(' ')
}

/** The entry points a platform posts to from its own site: signed by the platform, no cookie. */
export function isLtiEntryPoint(pathname: string) {
  return pathname === LTI_PATHS.login || pathname === LTI_PATHS.launch
}
