import {
  DEFAULT_LOCALE,
  isLocale,
  translator,
  type Locale,
  type MessageKey,
} from '#app/i18n/i18n.ts'

type Match = { id: string; loaderData?: unknown } | undefined

/** The locale the root loader chose, for `meta` functions (which cannot use hooks). */
export function metaLocale(matches: ReadonlyArray<Match>): Locale {
  const root = matches.find((m) => m?.id === 'root')?.loaderData as { locale?: unknown } | undefined
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE
}

/** `<title>` as "Page · Leerplein Contactcenter". */
export function pageTitle(matches: ReadonlyArray<Match>, title: string | MessageKey) {
  const t = translator(metaLocale(matches))
  const text = title.includes('.') && !title.includes(' ') ? t(title as MessageKey) : title
  return [{ title: `${text} · ${t('app.name')}` }]
}
