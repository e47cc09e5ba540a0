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
