import { readCookie } from '#app/utils/cookies.server.ts'
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from './i18n.ts'

/** The visitor's language: the cookie set by the language switch, else Dutch. */
export function getLocale(request: Request): Locale {
  const value = readCookie(request, LOCALE_COOKIE)
  return isLocale(value) ? value : DEFAULT_LOCALE
}

export function localeCookie(locale: Locale, secure: boolean): string {
  const attrs = [`${LOCALE_COOKIE}=${locale}`, 'Path=/', 'Max-Age=31536000', 'SameSite=Lax']
  if (secure) attrs.push('Secure')
  return attrs.join('; ')
}
