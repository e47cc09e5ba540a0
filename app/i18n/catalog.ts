import type { nl } from './nl.ts'

/**
 * A message that depends on a count. `Intl.PluralRules` of the locale picks the form; Dutch and
 * English only use `one` and `other`, other categories fall back to `other`.
 */
export type PluralForms = { one: string; other: string } & Partial<
  Record<Intl.LDMLPluralRule, string>
>

type Source = typeof nl
export type MessageKey = keyof Source
/** Keys whose message has plural forms: `t` requires a `count` for these. */
export type PluralKey = { [K in MessageKey]: Source[K] extends string ? never : K }[MessageKey]
/** Keys of plain messages. */
export type TextKey = Exclude<MessageKey, PluralKey>

/** What every language must provide: each key of nl.ts, plural where Dutch is plural. */
export type Catalog = { [K in MessageKey]: Source[K] extends string ? string : PluralForms }

/** The English side of one area's catalog file (quality.nl.ts → quality.en.ts). */
export type AreaCatalog<S> = { [K in keyof S]: S[K] extends string ? string : PluralForms }
