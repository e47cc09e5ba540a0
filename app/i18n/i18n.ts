import { en } from './en.ts'
import { nl, type MessageKey } from './nl.ts'

export type { MessageKey }
export const LOCALES = ['nl', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'nl'
export const LOCALE_COOKIE = 'lang'

const catalogs: Record<Locale, Record<MessageKey, string>> = { nl, en }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale]
  return (key, vars) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      vars && name in vars ? String(vars[name]) : whole,
    )
}

/**
 * Pick the column of a bilingual database row for a locale: `localized(wp, 'title', 'en')`
 * reads `wp.titleEn`. Content is stored per language as columns, not as JSON.
 */
export function localized<K extends string>(
  row: Record<`${K}Nl` | `${K}En`, string>,
  key: K,
  locale: Locale,
): string {
  return locale === 'en' ? row[`${key}En`] : row[`${key}Nl`]
}

export function formatDate(date: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(date))
}
