import { data, redirect } from 'react-router'
import type { Route } from './+types/launch'
import { LtiProblem } from '#app/components/lti/lti-problem.tsx'
import { createSession, embeddedSessionCookie } from '#app/auth/session.server.ts'
import { env } from '#app/env.server.ts'
import { completeLaunch, type LaunchRefusal } from '#app/integrations/lti/launch.server.ts'
import {
  clearLtiStateCookie,
  readLtiStateCookie,
} from '#app/integrations/lti/state-cookie.server.ts'
import { clientAddress } from '#app/utils/client-address.server.ts'

const STATUS: Record<LaunchRefusal | 'platform-error', number> = {
  state: 401,
  signature: 401,
  expired: 401,
  issuer: 401,
  audience: 401,
  nonce: 401,
  platform: 403,
  claims: 400,
  deployment: 400,
  'unknown-target': 404,
  'foreign-course': 403,
  'not-instructor': 403,
  'no-access': 403,
  unreachable: 502,
  'platform-error': 400,
}

/**
 * The redirect URI: the platform posts the id_token (form_post). A valid launch opens an
 * embedded session (its own cookie, so the normal session cookie stays SameSite=Lax) and
 * goes to the linked page; a refusal says why, with nothing written.
 */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData()
  const headers = new Headers({ 'Set-Cookie': clearLtiStateCookie() })
  if (form.has('error')) {
    return data(
      { reason: 'platform-error' as const },
      { status: STATUS['platform-error'], headers },
    )
  }
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
  if (!result.ok) return data({ reason: result.reason }, { status: STATUS[result.reason], headers })
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
  return data({ reason: 'get' as const }, { status: 405 })
}

export default function LtiLaunch({ actionData }: Route.ComponentProps) {
  return <LtiProblem reason={actionData?.reason ?? 'get'} />
}
