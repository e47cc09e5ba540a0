import { redirect } from 'react-router'
import type { Route } from './+types/lang'
import { isLocale } from '#app/i18n/i18n.ts'
import { localeCookie } from '#app/i18n/locale.server.ts'
import { env } from '#app/env.server.ts'

/** The language switch posts here; the choice is kept in a cookie for a year. */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData()
  const lang = form.get('lang')
  if (!isLocale(lang)) return new Response('Unknown language', { status: 400 })
  return redirect(safeRedirect(form.get('redirectTo')), {
    headers: {
      'Set-Cookie': localeCookie(lang, env.NODE_ENV === 'production' && isHttps(request)),
    },
  })
}

export function loader() {
  return redirect('/')
}

/** Only same-site paths: never let a crafted form send people to another site. */
function safeRedirect(to: FormDataEntryValue | null): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//')) return '/'
  return to
}

function isHttps(request: Request) {
  return new URL(request.url).protocol === 'https:'
}
