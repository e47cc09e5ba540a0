import { redirect } from 'react-router'
import type { Route } from './+types/logout'
import { getSession } from '#app/auth/authorize.server.ts'
import {
  clearEmbeddedSessionCookie,
  clearSessionCookie,
  invalidateSession,
} from '#app/auth/session.server.ts'

/** POST only: a link or an image cannot log anyone out. */
export async function action({ request }: Route.ActionArgs) {
  const session = await getSession(request)
  if (session) await invalidateSession(session.sessionId)
  const headers = new Headers()
  headers.append('Set-Cookie', clearSessionCookie(request))
  headers.append('Set-Cookie', clearEmbeddedSessionCookie())
  return redirect('/', { headers })
}

export function loader() {
  return redirect('/')
}
