import { wantsSecureCookies } from '#app/auth/session.server.ts'
import { readCookie } from '#app/utils/cookies.server.ts'
import { ATTEMPT_LIFETIME_MS } from './login-attempts.server.ts'

/**
 * The state of the login this browser started. The callback accepts only that state, so
 * nobody can finish their own provider login in someone else's browser (login CSRF).
 * SameSite=Lax: the provider sends the person back with a top-level GET, which carries it.
 */
const STATE_COOKIE = 'leerplein_sso_state'
const PATH = '/auth/sso'

export function stateCookie(request: Request, state: string) {
  return serialize(request, state, `Max-Age=${ATTEMPT_LIFETIME_MS / 1000}`)
}

export function clearStateCookie(request: Request) {
  return serialize(request, '', 'Max-Age=0')
}

export function readStateCookie(request: Request) {
  return readCookie(request, STATE_COOKIE)
}

function serialize(request: Request, value: string, lifetime: string) {
  const attrs = [`${STATE_COOKIE}=${value}`, 'HttpOnly', 'SameSite=Lax', `Path=${PATH}`, lifetime]
  if (wantsSecureCookies(request)) attrs.push('Secure')
  return attrs.join('; ')
}
