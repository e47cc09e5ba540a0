import { data, redirect } from 'react-router'
import type { Route } from './+types/login'
import { LtiProblem } from '#app/components/lti/lti-problem.tsx'
import { env } from '#app/env.server.ts'
import {
  readLoginInitiation,
  startLtiLogin,
} from '#app/integrations/lti/login-initiation.server.ts'
import { ltiStateCookie } from '#app/integrations/lti/state-cookie.server.ts'

/**
 * OIDC third-party-initiated login: a platform starts every launch here, by GET (Canvas) or
 * by a form post (Moodle). We answer with a redirect to the platform's authorisation
 * endpoint and bind the state to this browser; a refusal is a page that says why.
 */
async function start(request: Request, params: URLSearchParams) {
  const result = await startLtiLogin(readLoginInitiation(params), env.PUBLIC_URL)
  if (!result.ok) {
    return data({ reason: result.reason }, { status: result.reason === 'missing' ? 400 : 403 })
  }
  return redirect(result.redirectUrl, { headers: { 'Set-Cookie': ltiStateCookie(result.state) } })
}

export async function loader({ request }: Route.LoaderArgs) {
  return start(request, new URL(request.url).searchParams)
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData()
  const params = new URLSearchParams()
  for (const [key, value] of form) if (typeof value === 'string') params.set(key, value)
  return start(request, params)
}

export default function LtiLogin({ loaderData, actionData }: Route.ComponentProps) {
  return <LtiProblem reason={(actionData ?? loaderData).reason} />
}
