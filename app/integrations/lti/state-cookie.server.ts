import { readCookie } from '#app/utils/cookies.server.ts'
import { LOGIN_STATE_LIFETIME_MS } from './login-initiation.server.ts'

/**
 * Binds a started LTI login to this browser: the launch is accepted only with the state this
 * browser was given, so nobody can finish their own launch in someone else's browser. The
 * launch happens inside the platform's iframe (another site), hence SameSite=None, Secure
 * and Partitioned, and only on the /lti path.
 */
const STATE_COOKIE = 'leerplein_lti_state'

export function ltiStateCookie(state: string) {
  return `${STATE_COOKIE}=${state}; HttpOnly; SameSite=None; Secure; Partitioned; Path=/lti; Max-Age=${LOGIN_STATE_LIFETIME_MS / 1000}`
}

export function clearLtiStateCookie() {
  return `${STATE_COOKIE}=; HttpOnly; SameSite=None; Secure; Partitioned; Path=/lti; Max-Age=0`
}

export function readLtiStateCookie(request: Request) {
  return readCookie(request, STATE_COOKIE)
}
