import * as oidc from 'openid-client'

/** The provider could not be reached or its discovery document was unusable. */
export class ProviderUnreachableError extends Error {}

const DISCOVERY_TIMEOUT_SECONDS = 5

/**
 * openid-client's configuration for one organisation's provider, from the issuer's discovery
 * document. client_secret_basic is what Entra ID and Google expect; openid-client's default
 * (client_secret_post) is not accepted everywhere. Plain http is allowed for loopback only,
 * where the local demo and test providers run.
 */
export async function providerConfiguration(provider: {
  issuer: string
  clientId: string
  clientSecret: string
}): Promise<oidc.Configuration> {
  const issuer = new URL(provider.issuer)
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname)
  let config: oidc.Configuration
  try {
    config = await oidc.discovery(
      issuer,
      provider.clientId,
      provider.clientSecret,
      oidc.ClientSecretBasic(provider.clientSecret),
      {
        timeout: DISCOVERY_TIMEOUT_SECONDS,
        execute: loopback ? [oidc.allowInsecureRequests] : [],
      },
    )
  } catch (error) {
    throw new ProviderUnreachableError(`discovery at ${provider.issuer} failed`, { cause: error })
  }
  // Without this, openid-client trusts the ID token on the strength of TLS alone; with it the
  // signature is checked against the provider's JWKS.
  oidc.enableNonRepudiationChecks(config)
  return config
}
