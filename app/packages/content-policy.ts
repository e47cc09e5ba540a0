/**
 * The sandbox a package's files are served in (decision 031). Everything under
 * /package-content/<token>/ answers with this policy, and the root middleware leaves it alone
 * (it would otherwise replace it with our own frame-ancestors policy).
 *
 * - `sandbox allow-scripts allow-forms allow-popups` (never allow-same-origin): the document
 *   gets an opaque origin, so it cannot read our cookies (document.cookie throws), its
 *   requests to us are cross-site and carry no session cookie (SameSite=Lax), and it cannot
 *   script the player page around it. The player's iframe repeats the same sandbox, so the
 *   content is sandboxed even when a browser ignores the header's sandbox directive.
 * - Everything it loads comes from its own package (the token's path) or data:/blob:.
 * - connect-src: it may talk only to its own files (authoring tools load their JSON and XML
 *   with fetch), its runtime's commit URL and our xAPI endpoint (cmi5), so it cannot fetch
 *   our pages, another launch's files or anything elsewhere.
 * - frame-ancestors: only our own pages may show it.
 */
export const PACKAGE_CONTENT_PREFIX = '/package-content/'

/** The reserved folder of a launch's content path where our runtime lives. */
export const RUNTIME_FOLDER = '__runtime'

export function isPackageContentPath(pathname: string) {
  return pathname.startsWith(PACKAGE_CONTENT_PREFIX)
}

/** The base URL of a launch's files, e.g. https://leerplein.nl/package-content/<token>/ */
export function contentBase(origin: string, token: string) {
  return `${origin}${PACKAGE_CONTENT_PREFIX}${token}/`
}

export function commitUrl(origin: string, token: string) {
  return `${contentBase(origin, token)}${RUNTIME_FOLDER}/commit`
}

/**
 * @param embeddedIn for a learner inside a learning platform (an LTI session), that
 * platform's origins: frame-ancestors checks every ancestor, and there our player is itself
 * in the platform's frame.
 */
export function contentSecurityPolicy(
  origin: string,
  token: string,
  embeddedIn: readonly string[] = [],
): string {
  const own = contentBase(origin, token)
  return [
    'sandbox allow-scripts allow-forms allow-popups',
    `default-src ${own} data: blob:`,
    // Bought content is full of inline handlers and eval-based authoring runtimes; it runs in
    // an opaque origin, so this is its own business.
    `script-src ${own} 'unsafe-inline' 'unsafe-eval' data: blob:`,
    `style-src ${own} 'unsafe-inline' data: blob:`,
    `img-src ${own} data: blob:`,
    `media-src ${own} data: blob:`,
    `font-src ${own} data:`,
    `frame-src ${own}`,
    `connect-src ${own} ${origin}/xapi/`,
    `form-action ${own}`,
    `base-uri ${own}`,
    "object-src 'none'",
    ['frame-ancestors', origin, ...embeddedIn].join(' '),
  ].join('; ')
}

/** The headers every answer under /package-content/ carries, errors included. */
export function contentHeaders(
  origin: string,
  token: string,
  embeddedIn: readonly string[] = [],
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(origin, token, embeddedIn),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // The sandboxed document has an opaque origin, so its own scripts and images are
    // cross-origin loads to the browser: same-site/same-origin would block them. What keeps
    // other sites out is the secret token in the path, not this header.
    'Cross-Origin-Resource-Policy': 'cross-origin',
    // Its own fetches of its files come from that opaque origin ("null"): let it read them.
    'Access-Control-Allow-Origin': '*',
    'Cache-Control': 'private, no-store',
  }
}
