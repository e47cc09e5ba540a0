import { redirect } from 'react-router'
import type { Route } from './+types/lang'
import { isLocale } from '#app/i18n/i18n.ts'
import { localeCookie } from '#app/i18n/locale.server.ts'
import { wantsSecureCookies } from '#app/auth/session.server.ts'
import { safeRedirect } from '#app/utils/form-schemas.ts'

/** The language switch posts here; the choice is kept in a cookie for a year. */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData()
  const lang = form.get('lang')
  if (!isLocale(lang)) return new Response('Unknown language', { status: 400 })
  // The same Secure rule as the session cookie; redirects stay on this site.
  return redirect(safeRedirect(form.get('redirectTo'), '/'), {
    headers: { 'Set-Cookie': localeCookie(lang, wantsSecureCookies(request)) },
  })
}

export function loader() {
  return redirect('/')
}
