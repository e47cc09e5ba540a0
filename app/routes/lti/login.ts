import { redirect } from 'react-router'
import type { Route } from './+types/login'
import { env } from '#app/env.server.ts'
import {
  readLoginInitiation,
  startLtiLogin,
} from '#app/integrations/lti/login-initiation.server.ts'
import { ltiStateCookie } from '#app/integrations/lti/state-cookie.server.ts'
import { LTI_PATHS } from '#app/integrations/lti/tool-urls.ts'

/**
 * OIDC third-party-initiated login: a platform starts every launch here, by GET (Canvas) or
 * by a form post (Moodle). We answer with a redirect to the platform's authorisation
 * endpoint and bind the state to this browser; a refusal goes to a page that says why.
 * A resource route: React Router refuses cross-site form posts to page actions, and a
 * platform's post is cross-site by nature (the state and signature protect it instead).
 */
async function start(params: URLSearchParams) {
  const result = await startLtiLogin(readLoginInitiation(params), env.PUBLIC_URL)
  if (!result.ok) return redirect(`${LTI_PATHS.problem}/${result.reason}`, 303)
  return redirect(result.redirectUrl, { headers: { 'Set-Cookie': ltiStateCookie(result.state) } })
}

export async function loader({ request }: Route.LoaderArgs) {
  return start(new URL(request.url).searchParams)
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData()
  const params = new URLSearchParams()
  for (const [key, value] of form) if (typeof value === 'string') params.set(key, value)
  return start(params)
}
