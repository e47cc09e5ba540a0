import { MESSAGE_TYPE, SCOPE } from './claims.ts'
import { LTI_PATHS, toolUrl } from './tool-urls.ts'

/** The object of LTI Dynamic Registration 1.0 that carries the LTI part of a client. */
export const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration'

/** Our tool's name in platforms, and the label of its deep-linking placement. */
export const TOOL_NAME = 'Leerplein'

/** Our tool's addresses, as an administrator copies them for a manual registration. */
export function toolUrls(publicUrl: string) {
  return {
    domain: new URL(publicUrl).host,
    targetLinkUri: toolUrl(publicUrl, '/'),
    login: toolUrl(publicUrl, LTI_PATHS.login),
    launch: toolUrl(publicUrl, LTI_PATHS.launch),
    jwks: toolUrl(publicUrl, LTI_PATHS.jwks),
    deepLinking: toolUrl(publicUrl, LTI_PATHS.deepLinking),
  }
}

/**
 * The client registration request we POST to a platform's registration endpoint (LTI
 * Dynamic Registration 1.0, §3.3): an OpenID Connect client that receives id_tokens
 * (implicit) and asks for access tokens with a signed client assertion (client_credentials,
 * private_key_jwt), with the grade and roster scopes the tool uses.
 */
export function toolConfiguration(publicUrl: string) {
  const urls = toolUrls(publicUrl)
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: urls.login,
    redirect_uris: [urls.launch, urls.deepLinking],
    client_name: TOOL_NAME,
    jwks_uri: urls.jwks,
    logo_uri: toolUrl(publicUrl, '/favicon.svg'),
    token_endpoint_auth_method: 'private_key_jwt',
    scope: [
      SCOPE.lineItem,
      SCOPE.lineItemReadOnly,
      SCOPE.resultReadOnly,
      SCOPE.score,
      SCOPE.contextMembership,
    ].join(' '),
    [TOOL_CONFIGURATION]: {
      domain: urls.domain,
      target_link_uri: urls.targetLinkUri,
      description:
        'Leerplein Contactcenter: lessen en werkprocessen voor teamleiders contactcenter',
      claims: ['iss', 'sub', 'name', 'given_name', 'family_name', 'email'],
      messages: [
        {
          type: MESSAGE_TYPE.deepLinkingRequest,
          target_link_uri: urls.deepLinking,
          label: TOOL_NAME,
        },
      ],
    },
  }
}
