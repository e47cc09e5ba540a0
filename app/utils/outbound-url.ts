const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/

/**
 * An address an organisation gives us for its own system (an LMS, an LRS): https, or plain
 * http on this machine while developing and testing (the loopback test servers); never with
 * credentials in it (they have their own fields). The parsed URL, or null when refused.
 */
export function outboundUrl(value: string, allowLoopback: boolean): URL | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.username || url.password) return null
  return url.protocol === 'https:' || (allowLoopback && LOOPBACK.test(value)) ? url : null
}
