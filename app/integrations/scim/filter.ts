import { ScimError } from './errors.ts'

/**
 * The filters identity systems send when they look a resource up before creating it:
 * `userName eq "…"`, `externalId eq "…"`, `displayName eq "…"` (Entra, Okta, Google), joined
 * by `and` at most. Anything else is refused as invalidFilter instead of being half-understood.
 */
export type Filter = Array<{ attribute: string; value: string }>

const COMPARISON = /^\s*([A-Za-z][\w.:-]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i

/** One `attribute eq "value"`, or null when the text is anything else. */
export function parseComparison(text: string) {
  const match = COMPARISON.exec(text)
  if (!match) return null
  try {
    return { attribute: match[1]!, value: JSON.parse(`"${match[2]!}"`) as string }
  } catch {
    return null
  }
}

export function parseFilter(text: string | null, attributes: readonly string[]): Filter {
  if (text === null || text.trim() === '') return []
  return text.split(/\s+and\s+/i).map((part) => {
    const comparison = parseComparison(part)
    if (!comparison) throw new ScimError(400, `Unsupported filter: ${part.trim()}`, 'invalidFilter')
    const name = comparison.attribute.toLowerCase()
    const attribute = attributes.find((a) => a.toLowerCase() === name)
    if (!attribute)
      throw new ScimError(
        400,
        `Filtering on ${comparison.attribute} is not supported`,
        'invalidFilter',
      )
    return { attribute, value: comparison.value }
  })
}

/** startIndex is 1-based; a count over the maximum is lowered (RFC 7644 §3.4.2.4). */
export function parsePaging(params: URLSearchParams, maxCount = 200) {
  const number = (name: string, fallback: number) => {
    const raw = params.get(name)
    if (raw === null) return fallback
    const n = Number(raw)
    if (!Number.isInteger(n)) throw new ScimError(400, `${name} must be an integer`, 'invalidValue')
    return n
  }
  const startIndex = Math.max(1, number('startIndex', 1))
  const count = Math.min(maxCount, Math.max(0, number('count', 100)))
  return { startIndex, count }
}
