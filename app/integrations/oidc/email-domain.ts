/** The part after the @ of an address, lowercased; null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@')
  const domain =
    at > 0
      ? email
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : ''
  return domain ? domain : null
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/

/** The domains an administrator typed (one per line or comma-separated); null if one is wrong. */
export function parseDomains(text: string): string[] | null {
  const domains = text
    .split(/[\s,]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean)
  if (domains.some((d) => !DOMAIN.test(d))) return null
  return [...new Set(domains)]
}
