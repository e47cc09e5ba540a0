import * as oidc from 'openid-client'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import { linkAccount, type LinkRefusal, type VerifiedClaims } from './account-link.server.ts'
import { emailDomain } from './email-domain.ts'
import { claimAttempt, storeAttempt } from './login-attempts.server.ts'
import { ProviderUnreachableError, providerConfiguration } from './provider-client.server.ts'
import { ssoForDomain, ssoForOrganisation } from './sso-config.server.ts'

/** The path providers send people back to; register `<PUBLIC_URL>` + this at the provider. */
export const CALLBACK_PATH = '/auth/sso/callback'

export type StartResult =
  | { ok: true; authorizationUrl: string; state: string }
  | { ok: false; reason: 'unknown-domain' | 'unreachable' }

/**
 * Begin "Inloggen met je werkaccount": the e-mail's domain picks the organisation, and only
 * that organisation's provider is ever asked. Authorization code flow with PKCE (S256),
 * a state and a nonce; the verifier and nonce stay in our database.
 */
export async function startSsoLogin(input: {
  email: string
  redirectTo: string
  redirectUri: string
}): Promise<StartResult> {
  const domain = emailDomain(input.email)
  const provider = domain ? await ssoForDomain(domain) : null
  if (!provider) return { ok: false, reason: 'unknown-domain' }
  const config = await reachableConfiguration(provider)
  if (!config) return { ok: false, reason: 'unreachable' }
  const codeVerifier = oidc.randomPKCECodeVerifier()
  const state = oidc.randomState()
  const nonce = oidc.randomNonce()
  await storeAttempt(state, {
    organisationId: provider.organisationId,
    codeVerifier,
    nonce,
    redirectTo: input.redirectTo,
  })
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    login_hint: input.email,
  })
  return { ok: true, authorizationUrl: url.href, state }
}

export type FinishRefusal = 'state' | 'provider-error' | 'token' | 'unreachable' | LinkRefusal
export type FinishResult =
  { ok: true; userId: string; redirectTo: string } | { ok: false; reason: FinishRefusal }

/**
 * The provider sent the person back. The state must be the one this browser started (its
 * cookie) and not used before; openid-client then redeems the code with the PKCE verifier
 * and checks the ID token: signature against the provider's JWKS, iss, aud, exp, iat and
 * our nonce. Only then is the account looked up, linked or created.
 */
export async function finishSsoLogin(input: {
  callbackUrl: URL
  browserState: string | null
}): Promise<FinishResult> {
  const state = input.callbackUrl.searchParams.get('state')
  if (!state || state !== input.browserState) return { ok: false, reason: 'state' }
  const attempt = await claimAttempt(state)
  if (!attempt) return { ok: false, reason: 'state' }
  if (input.callbackUrl.searchParams.has('error')) return { ok: false, reason: 'provider-error' }

  const provider = await ssoForOrganisation(attempt.organisationId)
  if (!provider) return { ok: false, reason: 'state' }
  const config = await reachableConfiguration(provider)
  if (!config) return { ok: false, reason: 'unreachable' }
  let claims: oidc.IDToken
  try {
    const tokens = await oidc.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    })
    claims = tokens.claims()!
  } catch (error) {
    // fetch's TypeError: the provider's token or JWKS endpoint did not answer. Anything
    // else is a refusal: a rejected code, a bad signature, a wrong audience or issuer, an
    // expired token, a foreign nonce.
    if (error instanceof TypeError) return { ok: false, reason: 'unreachable' }
    return { ok: false, reason: 'token' }
  }
  const groups = claims[provider.groupsClaim]
  const link = await linkOnce(attempt.organisationId, {
    issuer: claims.iss,
    subject: claims.sub,
    email: typeof claims.email === 'string' ? claims.email : null,
    // Only a literal true counts: Entra sends no email_verified at all for many tenants.
    emailVerified: claims.email_verified === true,
    name: typeof claims.name === 'string' ? claims.name : null,
    groups: Array.isArray(groups) ? groups.filter((g) => typeof g === 'string') : [],
  })
  if (!link.ok) return link
  return { ok: true, userId: link.userId, redirectTo: attempt.redirectTo }
}

/**
 * Two first logins of one person at the same moment (two tabs) both try to create the
 * account; the loser's transaction rolls back on the unique e-mail or subject, and one more
 * try finds what the winner wrote.
 */
async function linkOnce(organisationId: string, claims: VerifiedClaims) {
  try {
    return await linkAccount(organisationId, claims)
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return linkAccount(organisationId, claims)
  }
}

/** The provider's configuration, or null when it cannot be reached. */
async function reachableConfiguration(
  provider: Parameters<typeof providerConfiguration>[0],
): Promise<oidc.Configuration | null> {
  try {
    return await providerConfiguration(provider)
  } catch (error) {
    if (error instanceof ProviderUnreachableError) return null
    throw error
  }
}
