import {
  DEFAULT_LOCALE,
  isLocale,
  isTextKey,
  translator,
  type Locale,
  type TextKey,
} from '#app/i18n/i18n.ts'

type Match = { id: string; loaderData?: unknown } | undefined

/** The locale the root loader chose, for `meta` functions (which cannot use hooks). */
export function metaLocale(matches: ReadonlyArray<Match>): Locale {
  const root = matches.find((m) => m?.id === 'root')?.loaderData as { locale?: unknown } | undefined
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE
}

/** `<title>` as "Page · Leerplein Contactcenter". */
export function pageTitle(matches: ReadonlyArray<Match>, title: string | TextKey) {
  const t = translator(metaLocale(matches))
  const text = isTextKey(title) ? t(title) : title
  return [{ title: `${text} · ${t('app.name')}` }]
}
