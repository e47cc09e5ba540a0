import type { Locale } from '#app/i18n/i18n.ts'

/** date: "1 december 2026"; dateTime: "1 dec 2026, 14:05"; compactDateTime: "01-12-2026, 14:05". */
export type DateStyle = 'date' | 'dateTime' | 'compactDateTime'

const LANGUAGE_TAG: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' }
const STYLE: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'long' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  compactDateTime: { dateStyle: 'short', timeStyle: 'short' },
}
// Building an Intl.DateTimeFormat costs far more than using one: keep one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * A moment as the people of a Dutch contact center read it: always in Amsterdam time, summer
 * and winter time included, whatever zone the server runs in (a record issued at 00:30 in
 * Amsterdam carries that day's date on a server in UTC).
 */
export function formatAmsterdam(date: Date | string, locale: Locale, style: DateStyle = 'date') {
  const key = `${locale}|${style}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], {
      ...STYLE[style],
      timeZone: 'Europe/Amsterdam',
    })
    formatters.set(key, formatter)
  }
  return formatter.format(new Date(date))
}

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})

/** The Amsterdam wall-clock time of a moment, as an `<input type="datetime-local">` value. */
export function toAmsterdamLocal(date: Date): string {
  const p = Object.fromEntries(wallClock.formatToParts(date).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`
}

/**
 * The moment an Amsterdam wall-clock time ("2026-12-01T14:30", what a datetime-local field
 * sends) names, summer and winter time included; null when it is not such a value.
 */
export function fromAmsterdamLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null
  for (const offset of ['+01:00', '+02:00']) {
    const candidate = new Date(`${value}:00${offset}`)
    if (Number.isNaN(candidate.getTime())) return null
    if (toAmsterdamLocal(candidate) === value) return candidate
  }
  // A time that does not exist (the hour skipped in spring): the moment just after it.
  return new Date(`${value}:00+01:00`)
}
