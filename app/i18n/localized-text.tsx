import type { Locale } from './i18n.ts'
import { useTranslation } from './use-translation.ts'

/**
 * A text the content gives in Dutch and, when it is written, in English. A Dutch-only course
 * has no English title or summary: on an English page the Dutch text stands in, marked
 * `lang="nl"` so a screen reader reads it as Dutch.
 */
export function localizedWithLang<K extends string>(
  row: Record<`${K}Nl` | `${K}En`, string | null>,
  key: K,
  locale: Locale,
): { text: string; lang: Locale } {
  const english = locale === 'en' ? row[`${key}En`] : null
  return english ? { text: english, lang: 'en' } : { text: row[`${key}Nl`] ?? '', lang: 'nl' }
}

export function LocalizedText<K extends string>({
  row,
  field,
}: {
  row: Record<`${K}Nl` | `${K}En`, string | null>
  field: K
}) {
  const { locale } = useTranslation()
  const { text, lang } = localizedWithLang(row, field, locale)
  return lang === locale ? <>{text}</> : <span lang={lang}>{text}</span>
}
