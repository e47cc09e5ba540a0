import path from 'node:path'

/**
 * A launch reference from a manifest resolved to a file inside the package, or the reason it
 * is refused. We play only what is in the zip, from our own sandbox origin: a scheme
 * ("https:", "javascript:"), a host ("//cdn…"), an absolute path or a way out of the package
 * root is never followed.
 */
export type ResolvedLaunch =
  { ok: true; path: string; query: string; fragment: string } | { ok: false; message: string }

const SCHEME = /^[a-z][a-z0-9+.-]*:/i

export function resolveLaunch(bases: string[], href: string): ResolvedLaunch {
  const parts = [...bases.filter((b) => b !== ''), href]
  for (const part of parts) {
    if (SCHEME.test(part) || part.startsWith('//')) {
      return {
        ok: false,
        message: `"${part}" is an external URL; a package may only launch its own files`,
      }
    }
    if (part.startsWith('/')) {
      return {
        ok: false,
        message: `"${part}" is an absolute path; use a path relative to the package`,
      }
    }
    if (part.includes('\\')) return { ok: false, message: `"${part}" has a backslash; use /` }
  }
  const hashAt = href.indexOf('#')
  const fragment = hashAt >= 0 ? href.slice(hashAt) : ''
  const withoutFragment = hashAt >= 0 ? href.slice(0, hashAt) : href
  const queryAt = withoutFragment.indexOf('?')
  const query = queryAt >= 0 ? withoutFragment.slice(queryAt) : ''
  const file = queryAt >= 0 ? withoutFragment.slice(0, queryAt) : withoutFragment
  if (file === '') return { ok: false, message: 'the launch reference names no file' }
  // Each base is a folder: "sco1/" and "sco1" mean the same.
  const joined = [...bases.filter((b) => b !== '').map((b) => b.replace(/\/?$/, '/')), file].join(
    '',
  )
  let decoded: string
  try {
    decoded = joined
      .split('/')
      .map((s) => decodeURIComponent(s))
      .join('/')
  } catch {
    return { ok: false, message: `"${href}" is not a valid URL path` }
  }
  if (decoded.includes('\\') || decoded.includes('\0')) {
    return { ok: false, message: `"${href}" is not a plain path` }
  }
  const normal = path.posix.normalize(decoded)
  if (normal === '..' || normal.startsWith('../') || normal.startsWith('/')) {
    return { ok: false, message: `"${href}" points outside the package` }
  }
  return { ok: true, path: normal.replace(/^\.\//, ''), query, fragment }
}

/** A percentage from a fraction in 0..1 (as cmi5 and SCORM 2004 write it), or null. */
export function percentOfFraction(value: string | undefined): number | null | 'invalid' {
  if (value === undefined || value.trim() === '') return null
  const n = Number(value.trim())
  if (!Number.isFinite(n) || n < 0 || n > 1) return 'invalid'
  return Math.round(n * 100)
}
