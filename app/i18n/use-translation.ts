import { useRouteLoaderData } from 'react-router'
import { DEFAULT_LOCALE, translator, type Locale } from './i18n.ts'

/** The locale chosen by the root loader, and a `t` bound to it. */
export function useTranslation() {
  const data = useRouteLoaderData('root') as { locale?: Locale } | undefined
  const locale = data?.locale ?? DEFAULT_LOCALE
  return { locale, t: translator(locale) }
}
