import { redirect } from 'react-router'
import type { Route } from './+types/sso-callback'
import { pageAfterLogin } from '#app/auth/landing-page.server.ts'
import { createSession, sessionCookie } from '#app/auth/session.server.ts'
import { finishSsoLogin } from '#app/integrations/oidc/sso-login.server.ts'
import { clearStateCookie, readStateCookie } from '#app/integrations/oidc/state-cookie.server.ts'
import { clientAddress } from '#app/utils/client-address.server.ts'

/**
 * Where the organisation's provider sends the person back. A success is a new session; a
 * refusal goes back to the login page, which says why in words (never a 500).
 */
export async function loader({ request }: Route.LoaderArgs) {
  const result = await finishSsoLogin({
    callbackUrl: new URL(request.url),
    browserState: readStateCookie(request),
  })
  const headers = new Headers({ 'Set-Cookie': clearStateCookie(request) })
  if (!result.ok) return redirect(`/login?sso=${result.reason}`, { headers })
  const { token, session } = await createSession(result.userId, {
    userAgent: request.headers.get('User-Agent') ?? '',
    ipAddress: clientAddress(request),
  })
  headers.append('Set-Cookie', sessionCookie(request, token, session.expiresAt))
  return redirect(await pageAfterLogin(result.userId, result.redirectTo), { headers })
}
