import { env } from '#app/env.server.ts'
import { CREDENTIAL_CONFIGURATIONS } from './credential-configurations.ts'
import { credentialIssuer, endpoints, PRE_AUTHORIZED_CODE_GRANT } from './endpoints.ts'

/** `/.well-known/openid-credential-issuer` (OpenID4VCI 1.0, section 12.2). */
export function credentialIssuerMetadata() {
  const { credential, nonce } = endpoints()
  return {
    credential_issuer: credentialIssuer(),
    credential_endpoint: credential,
    nonce_endpoint: nonce,
    display: [
      { name: env.ISSUER_NAME, locale: 'nl' },
      { name: env.ISSUER_NAME, locale: 'en' },
    ],
    credential_configurations_supported: CREDENTIAL_CONFIGURATIONS,
  }
}

/**
 * `/.well-known/oauth-authorization-server` (RFC 8414): the issuer is its own authorization
 * server, for the pre-authorized code grant only; wallets need no client registration.
 */
export function authorizationServerMetadata() {
  return {
    issuer: credentialIssuer(),
    token_endpoint: endpoints().token,
    grant_types_supported: [PRE_AUTHORIZED_CODE_GRANT],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: ['none'],
    'pre-authorized_grant_anonymous_access_supported': true,
  }
}
