import type { Catalog, MessageKey, PluralForms, PluralKey, TextKey } from './catalog.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { en } from './en.ts'
import { nl } from './nl.ts'

export type { MessageKey, PluralKey, TextKey }
export const LOCALES = ['nl', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'nl'
export const LOCALE_COOKIE = 'lang'

const catalogs: Record<Locale, Catalog> = { nl, en }

/** Built once per locale: constructing PluralRules is costly and `t` runs on every render. */
const pluralRules: Record<Locale, Intl.PluralRules> = {
  nl: new Intl.PluralRules('nl'),
  en: new Intl.PluralRules('en'),
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

const TEXT_KEYS: ReadonlySet<string> = new Set(
  Object.entries(nl).flatMap(([key, message]) => (typeof message === 'string' ? [key] : [])),
)

/**
 * For strings that only sometimes name a message (a form error from a schema, a page title that
 * may be a record's own name): checked against the catalog, so an unknown one shows as it is.
 */
export function isTextKey(value: string): value is TextKey {
  return TEXT_KEYS.has(value)
}

type Vars = Record<string, string | number>

export type Translate = {
  (key: TextKey, vars?: Vars): string
  /** `count` picks the plural form and fills `{count}`. */
  (key: PluralKey, vars: Vars & { count: number }): string
}

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale]
  const rules = pluralRules[locale]
  const pick = (forms: PluralForms, count: number) => forms[rules.select(count)] ?? forms.other
  return (key: MessageKey, vars?: Vars) => {
    const message = catalog[key]
    const text = typeof message === 'string' ? message : pick(message, Number(vars?.count))
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      vars && name in vars ? String(vars[name]) : whole,
    )
  }
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
  // A Dutch-only course has no English texts (""): the Dutch one stands in (see LocalizedText).
  return (locale === 'en' && row[`${key}En`]) || row[`${key}Nl`]
}

/** A date as pages show it ("1 december 2026"), in Amsterdam time: see formatAmsterdam. */
export function formatDate(date: Date | string, locale: Locale): string {
  return formatAmsterdam(date, locale)
}
