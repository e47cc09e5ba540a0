/**
 * State-changing requests must come from our own pages. SameSite=Lax already keeps the
 * session cookie off cross-site POSTs; this check also refuses them outright (CSRF), using
 * the Origin header browsers send (Referer as a fallback). Requests without either come from
 * non-browser clients, which cannot carry a victim's cookie, and are let through.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function isCrossOriginWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false
  const source = request.headers.get('Origin') ?? request.headers.get('Referer')
  if (!source || source === 'null') return source === 'null'
  let origin: URL
  try {
    origin = new URL(source)
  } catch {
    return true
  }
  const own = new URL(request.url)
  const host = request.headers.get('X-Forwarded-Host') ?? own.host
  return origin.host !== host
}
