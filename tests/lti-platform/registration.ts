/**
 * The platform's side of LTI Dynamic Registration 1.0 for the test platform: its OpenID
 * configuration, and a registration endpoint that checks the tool's request the way Moodle
 * 4.x (mod/lti/openid-registration.php) and Canvas (/api/lti/registrations) do, and answers
 * with the client id and, for Moodle, the deployment it made. Shapes follow the platforms'
 * public documentation; the handling here is our own.
 */
import { randomUUID } from 'node:crypto'
import type { PlatformRequest, PlatformResponse, TestPlatform } from './platform.ts'

const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration'
const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration'

export type RegistrationOptions = {
  family?: 'moodle' | 'canvas'
  /** The bearer token the platform handed out with the registration link. */
  registrationToken?: string
  /** Replace parts of the OpenID configuration (e.g. another issuer). */
  configuration?: Record<string, unknown>
  /** Answer the registration POST with this instead (e.g. a 500). */
  registrationAnswer?: (request: PlatformRequest) => PlatformResponse | undefined
}

export type ReceivedRegistration = {
  clientId: string
  deploymentId: string | null
  body: Record<string, unknown>
}

export type PlatformRegistration = {
  /** The openid_configuration URL the platform puts on the tool's registration link. */
  openidConfigurationUrl: string
  registrationToken: string
  /** The registrations the platform accepted, oldest first. */
  received: ReceivedRegistration[]
}

const PATHS = {
  moodle: {
    configuration: '/mod/lti/openid-configuration.php',
    authorization: '/mod/lti/auth.php',
    token: '/mod/lti/token.php',
    registration: '/mod/lti/openid-registration.php',
  },
  canvas: {
    configuration: '/api/lti/security/openid-configuration',
    authorization: '/api/lti/authorize_redirect',
    token: '/login/oauth2/token',
    registration: '/api/lti/registrations',
  },
} as const

export function addRegistration(
  platform: TestPlatform,
  options: RegistrationOptions = {},
): PlatformRegistration {
  const family = options.family ?? 'moodle'
  const paths = PATHS[family]
  const registrationToken = options.registrationToken ?? `reg-${randomUUID()}`
  const received: ReceivedRegistration[] = []

  const configuration = {
    issuer: platform.issuer,
    authorization_endpoint: platform.url(paths.authorization),
    token_endpoint: platform.url(paths.token),
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS256'],
    jwks_uri: platform.jwksUrl,
    registration_endpoint: platform.url(paths.registration),
    scopes_supported: [
      'openid',
      'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
      'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
      'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
      'https://purl.imsglobal.org/spec/lti-ags/scope/score',
      'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
    ],
    response_types_supported: ['id_token'],
    subject_types_supported: ['public', 'pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['sub', 'iss', 'name', 'given_name', 'family_name', 'email'],
    [PLATFORM_CONFIGURATION]:
      family === 'moodle'
        ? {
            product_family_code: 'moodle',
            version: '4.5.2 (Build: 20250210)',
            messages_supported: [
              { type: 'LtiResourceLinkRequest' },
              { type: 'LtiDeepLinkingRequest', placements: ['ContentArea'] },
            ],
          }
        : {
            product_family_code: 'canvas',
            version: 'OpenSource',
            messages_supported: [
              { type: 'LtiResourceLinkRequest' },
              { type: 'LtiDeepLinkingRequest', placements: ['assignment_selection'] },
            ],
            'https://canvas.instructure.com/lti/account_name': 'ROC Test',
          },
    ...options.configuration,
  }
  // Moodle also answers at the spec's well-known address; Canvas only at its API path.
  const serveConfiguration = () => ({ body: configuration })
  platform.route('GET', paths.configuration, serveConfiguration)
  if (family === 'moodle')
    platform.route('GET', '/.well-known/openid-configuration', serveConfiguration)

  platform.route('POST', paths.registration, async (request) => {
    const special = options.registrationAnswer?.(request)
    if (special) return special
    if (request.headers.authorization !== `Bearer ${registrationToken}`)
      return { status: 401, body: { error: 'invalid_token' } }
    let body: Record<string, unknown>
    try {
      body = JSON.parse(request.body) as Record<string, unknown>
    } catch {
      return { status: 400, body: { error: 'invalid_client_metadata' } }
    }
    const problem = await checkToolRequest(body)
    if (problem)
      return { status: 400, body: { error: 'invalid_client_metadata', error_description: problem } }
    const clientId =
      family === 'moodle' ? randomUUID().slice(0, 15) : `10000000000${received.length + 1}`
    // Moodle deploys the tool site-wide at once; Canvas makes the deployment when the
    // admin installs the app afterwards, so its answer has none.
    const deploymentId = family === 'moodle' ? String(received.length + 1) : null
    received.push({ clientId, deploymentId, body })
    const toolConfiguration = body[TOOL_CONFIGURATION] as Record<string, unknown>
    return {
      body: {
        ...body,
        client_id: clientId,
        [TOOL_CONFIGURATION]: {
          ...toolConfiguration,
          ...(deploymentId ? { deployment_id: deploymentId } : {}),
        },
      },
    }
  })

  return { openidConfigurationUrl: platform.url(paths.configuration), registrationToken, received }
}

/** What a platform refuses in a tool's client registration request; null when it is fine. */
async function checkToolRequest(body: Record<string, unknown>): Promise<string | null> {
  const strings = ['client_name', 'initiate_login_uri', 'jwks_uri', 'scope'] as const
  for (const field of strings) {
    if (typeof body[field] !== 'string' || !body[field]) return `${field} missing`
  }
  if (body.application_type !== 'web') return 'application_type must be web'
  if (!includes(body.response_types, 'id_token')) return 'response_types must include id_token'
  if (!includes(body.grant_types, 'implicit') || !includes(body.grant_types, 'client_credentials'))
    return 'grant_types must include implicit and client_credentials'
  if (!Array.isArray(body.redirect_uris) || body.redirect_uris.length === 0)
    return 'redirect_uris missing'
  if (body.token_endpoint_auth_method !== 'private_key_jwt')
    return 'token_endpoint_auth_method must be private_key_jwt'
  const tool = body[TOOL_CONFIGURATION] as Record<string, unknown> | undefined
  if (!tool || typeof tool.domain !== 'string' || typeof tool.target_link_uri !== 'string')
    return `${TOOL_CONFIGURATION} needs domain and target_link_uri`
  const jwks = await fetch(String(body.jwks_uri), { signal: AbortSignal.timeout(5000) })
    .then((response) => (response.ok ? (response.json() as Promise<{ keys?: unknown[] }>) : null))
    .catch(() => null)
  if (!jwks?.keys?.length) return 'jwks_uri not reachable'
  return null
}

function includes(list: unknown, value: string) {
  return Array.isArray(list) && list.includes(value)
}
