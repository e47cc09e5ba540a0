import { randomBytes } from 'node:crypto'
import { prisma } from '#app/db.server.ts'
import { hashToken } from '#app/auth/tokens.server.ts'
import { LTI_PATHS, toolUrl } from './tool-urls.ts'

/** A started LTI login is good for ten minutes: the platform answers within seconds. */
export const LOGIN_STATE_LIFETIME_MS = 10 * 60 * 1000

/** What the platform sends to start a launch (IMS Security Framework §5.1.1.1). */
export type LoginInitiation = {
  iss: string | null
  loginHint: string | null
  targetLinkUri: string | null
  ltiMessageHint: string | null
  clientId: string | null
  deploymentId: string | null
}

export function readLoginInitiation(params: URLSearchParams): LoginInitiation {
  return {
    iss: params.get('iss'),
    loginHint: params.get('login_hint'),
    targetLinkUri: params.get('target_link_uri'),
    ltiMessageHint: params.get('lti_message_hint'),
    clientId: params.get('client_id'),
    deploymentId: params.get('lti_deployment_id'),
  }
}

export type LoginRefusal = 'missing' | 'unknown-platform' | 'ambiguous' | 'pending' | 'disabled'
export type LoginStart =
  { ok: true; redirectUrl: string; state: string } | { ok: false; reason: LoginRefusal }

/**
 * Answer a platform's third-party-initiated login: find the registration by issuer (and the
 * client id, which Moodle and Canvas send), keep a nonce under the hash of a new state, and
 * send the browser to the platform's authorisation endpoint for an id_token by form post.
 */
export async function startLtiLogin(
  input: LoginInitiation,
  publicUrl: string,
): Promise<LoginStart> {
  if (!input.iss || !input.loginHint || !input.targetLinkUri)
    return { ok: false, reason: 'missing' }
  const platforms = await prisma.ltiPlatform.findMany({
    where: { issuer: input.iss, ...(input.clientId ? { clientId: input.clientId } : {}) },
    select: { id: true, clientId: true, authLoginUrl: true, status: true },
    take: 2,
  })
  if (platforms.length === 0) return { ok: false, reason: 'unknown-platform' }
  // One issuer with several registrations and no client id: we cannot tell which one.
  if (platforms.length > 1) return { ok: false, reason: 'ambiguous' }
  const platform = platforms[0]!
  if (platform.status === 'pending') return { ok: false, reason: 'pending' }
  if (platform.status !== 'active') return { ok: false, reason: 'disabled' }

  const state = randomBytes(24).toString('base64url')
  const nonce = randomBytes(24).toString('base64url')
  const now = Date.now()
  // Expired states of anyone are swept here, so the table stays small without a job.
  await prisma.ltiLoginState.deleteMany({ where: { expiresAt: { lt: new Date(now) } } })
  await prisma.ltiLoginState.create({
    data: {
      id: hashToken(state),
      platformId: platform.id,
      nonce,
      targetLinkUri: input.targetLinkUri.slice(0, 2000),
      expiresAt: new Date(now + LOGIN_STATE_LIFETIME_MS),
    },
  })
  const url = new URL(platform.authLoginUrl)
  const params = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.clientId,
    redirect_uri: toolUrl(publicUrl, LTI_PATHS.launch),
    login_hint: input.loginHint,
    state,
    nonce,
    ...(input.ltiMessageHint ? { lti_message_hint: input.ltiMessageHint } : {}),
  }
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  return { ok: true, redirectUrl: url.href, state }
}

/** Take the login a state names, once; a replayed, raced or expired state gets null. */
export async function claimLoginState(state: string) {
  const id = hashToken(state)
  const row = await prisma.ltiLoginState.findUnique({ where: { id } })
  if (!row) return null
  const { count } = await prisma.ltiLoginState.deleteMany({ where: { id } })
  if (count !== 1 || row.expiresAt.getTime() <= Date.now()) return null
  return row
}
