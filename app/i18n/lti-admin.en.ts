import type { AreaCatalog } from './catalog.ts'
import type { ltiAdminNl } from './lti-admin.nl.ts'

export const ltiAdminEn: AreaCatalog<typeof ltiAdminNl> = {
  'ltiAdmin.title': 'LTI connections',
  'ltiAdmin.intro':
    "Connect a school's or employer's learning platform (Moodle, Canvas, itslearning) through LTI 1.3. Each connection belongs to this organisation: whoever comes in through the platform learns as a member of this organisation.",
  'ltiAdmin.coursesLink': 'Courses and rosters',
  'ltiAdmin.toolUrls': 'Our addresses for the platform',
  'ltiAdmin.url.login': 'Login initiation (OIDC login URL)',
  'ltiAdmin.url.launch': 'Redirect URI (launch)',
  'ltiAdmin.url.jwks': 'Public keys (JWKS URL)',
  'ltiAdmin.url.deepLinking': 'Deep linking (choose content)',
  'ltiAdmin.url.targetLink': 'Tool URL (target link URI)',
  'ltiAdmin.url.domain': 'Domain',
  'ltiAdmin.dynamic': 'Dynamic registration',
  'ltiAdmin.dynamicIntro':
    "Create a connection link and give it to the platform's administrator, who pastes it into Moodle or Canvas; the platform then registers itself. Afterwards you confirm the connection below. The link works once, for seven days.",
  'ltiAdmin.createInvite': 'Create a link for dynamic registration',
  'ltiAdmin.inviteCreated':
    'Connection link created. Copy it now: it is shown only once and is valid until {date}.',
  'ltiAdmin.platforms': 'Connected platforms',
  'ltiAdmin.noPlatforms': 'No platforms connected yet.',
  'ltiAdmin.manual': 'Register by hand',
  'ltiAdmin.manualIntro':
    'For platforms without dynamic registration (such as itslearning): fill in the values the platform shows for our tool.',
  'ltiAdmin.field.name': 'Name',
  'ltiAdmin.field.issuer': 'Issuer (platform ID)',
  'ltiAdmin.field.clientId': 'Client ID',
  'ltiAdmin.field.authLoginUrl': 'Authentication URL (OIDC auth endpoint)',
  'ltiAdmin.field.authTokenUrl': 'Token URL (OAuth2 access token)',
  'ltiAdmin.field.jwksUrl': 'Key set URL (JWKS)',
  'ltiAdmin.field.deploymentIds': 'Deployment IDs, one per line',
  'ltiAdmin.register': 'Register platform',
  'ltiAdmin.status': 'Status',
  'ltiAdmin.status.pending': 'Waiting for confirmation',
  'ltiAdmin.status.active': 'Active',
  'ltiAdmin.status.disabled': 'Disabled',
  'ltiAdmin.productFamily': 'Platform',
  'ltiAdmin.registeredVia': 'Registered through',
  'ltiAdmin.via.dynamic': 'dynamic registration',
  'ltiAdmin.via.manual': 'manual registration',
  'ltiAdmin.registeredAt': 'Registered on',
  'ltiAdmin.pendingHint':
    'This platform registered itself. Launches from it are let in only after you confirm.',
  'ltiAdmin.confirm': 'Confirm',
  'ltiAdmin.disable': 'Disable',
  'ltiAdmin.enable': 'Enable again',
  'ltiAdmin.delete': 'Delete {name}',
  'ltiAdmin.deployments': 'Deployments',
  'ltiAdmin.noDeployments':
    'No deployment ID yet: add the ID the platform shows, or launches are refused.',
  'ltiAdmin.deploymentId': 'Deployment ID',
  'ltiAdmin.removeDeployment': 'Remove deployment {id}',
  'ltiAdmin.addDeployment': 'Add deployment',
  'ltiAdmin.badUrl': 'Enter an https address.',
  'ltiAdmin.needDeployment': 'Enter at least one deployment ID.',
  'ltiAdmin.duplicatePlatform': 'This issuer and client ID are already registered.',
  'ltiAdmin.duplicateDeployment': 'This deployment ID is already there.',
  'ltiAdmin.register.title': 'Connect Leerplein',
  'ltiAdmin.register.intro':
    'With this link you connect your learning platform to Leerplein for {organisation}. An administrator of {organisation} confirms the connection afterwards.',
  'ltiAdmin.register.submit': 'Register with Leerplein',
  'ltiAdmin.register.noConfiguration':
    "Open this link from your platform's registration (Moodle: Tool URL, Canvas: dynamic registration); the platform adds its configuration address.",
  'ltiAdmin.register.done':
    'Registered; an administrator of {organisation} confirms the connection.',
  'ltiAdmin.register.closeHint': 'You can close this window and continue in your platform.',
  'ltiAdmin.problem.invite-unknown':
    'This connection link does not exist. Ask the administrator in Leerplein for a new one.',
  'ltiAdmin.problem.invite-used':
    'This connection link has been used already. Ask the administrator in Leerplein for a new one.',
  'ltiAdmin.problem.invite-expired':
    'This connection link has expired. Ask the administrator in Leerplein for a new one.',
  'ltiAdmin.problem.bad-request':
    'The platform did not pass a valid configuration address (openid_configuration).',
  'ltiAdmin.problem.unreachable': 'The platform could not be reached. Try again later.',
  'ltiAdmin.problem.bad-configuration':
    "The platform's configuration is incomplete or does not belong to this platform (issuer).",
  'ltiAdmin.problem.refused': 'The platform refused the registration.',
  'ltiAdmin.problem.bad-answer':
    "The platform's answer to the registration was unusable (no client ID).",
  'ltiAdmin.problem.duplicate': 'This platform is already registered with this client ID.',
  'ltiAdmin.audit.inviteCreated': 'LTI connection link created',
  'ltiAdmin.audit.registered': 'LTI platform registered',
  'ltiAdmin.audit.confirmed': 'LTI platform confirmed',
  'ltiAdmin.audit.disabled': 'LTI platform disabled',
  'ltiAdmin.audit.enabled': 'LTI platform enabled',
  'ltiAdmin.audit.deleted': 'LTI platform deleted',
  'ltiAdmin.audit.deploymentAdded': 'LTI deployment added',
  'ltiAdmin.audit.deploymentRemoved': 'LTI deployment removed',
}
