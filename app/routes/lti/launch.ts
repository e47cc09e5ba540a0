import { redirect } from 'react-router'
import type { Route } from './+types/launch'
import { createSession, embeddedSessionCookie } from '#app/auth/session.server.ts'
import { env } from '#app/env.server.ts'
import type { LaunchProblem } from '#app/integrations/lti/launch-problems.ts'
import { completeLaunch } from '#app/integrations/lti/launch.server.ts'
import {
  clearLtiStateCookie,
  readLtiStateCookie,
} from '#app/integrations/lti/state-cookie.server.ts'
import { LTI_PATHS } from '#app/integrations/lti/tool-urls.ts'
import { clientAddress } from '#app/utils/client-address.server.ts'

/**
 * The redirect URI: the platform posts the id_token (form_post). A valid launch opens an
 * embedded session (its own cookie, so the normal session cookie stays SameSite=Lax) and
 * goes to the linked page; a refusal goes to a page that says why, with nothing written.
 * A resource route, like the login: the platform's form post is cross-site by nature.
 */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData()
  const headers = new Headers({ 'Set-Cookie': clearLtiStateCookie() })
  const refuse = (reason: LaunchProblem) =>
    redirect(`${LTI_PATHS.problem}/${reason}`, { status: 303, headers })
  if (form.has('error')) return refuse('platform-error')
  const field = (name: string) => {
    const value = form.get(name)
    return typeof value === 'string' ? value : null
  }
  const result = await completeLaunch({
    idToken: field('id_token'),
    state: field('state'),
    browserState: readLtiStateCookie(request),
    origin: request.headers.get('Origin'),
    publicUrl: env.PUBLIC_URL,
  })
  if (!result.ok) return refuse(result.reason)
  const { token, session } = await createSession(
    result.userId,
    { userAgent: request.headers.get('User-Agent') ?? '', ipAddress: clientAddress(request) },
    { frameAncestors: result.frameAncestors },
  )
  headers.append('Set-Cookie', embeddedSessionCookie(token, session.expiresAt))
  return redirect(result.redirectTo, { status: 303, headers })
}

/** A GET here is a person who followed an old address: say where launches come from. */
export function loader() {
  return redirect(`${LTI_PATHS.problem}/get`, 303)
}
