/**
 * The names of LTI 1.3 claims and message types (IMS LTI Core 1.3, Deep Linking 2.0,
 * Assignment and Grade Services 2.0, Names and Role Provisioning Services 2.0), in one
 * place so no module spells a URI differently.
 */
const LTI = 'https://purl.imsglobal.org/spec/lti/claim/'

export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  toolPlatform: `${LTI}tool_platform`,
  launchPresentation: `${LTI}launch_presentation`,
  custom: `${LTI}custom`,
  lis: `${LTI}lis`,
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  deepLinkingContentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  deepLinkingData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  deepLinkingMessage: 'https://purl.imsglobal.org/spec/lti-dl/claim/msg',
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
} as const

export const MESSAGE_TYPE = {
  resourceLink: 'LtiResourceLinkRequest',
  deepLinkingRequest: 'LtiDeepLinkingRequest',
  deepLinkingResponse: 'LtiDeepLinkingResponse',
} as const

export const LTI_VERSION = '1.3.0'

export const SCOPE = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  lineItemReadOnly: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  resultReadOnly: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  contextMembership: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
} as const

/** LIS role URIs (membership roles of a context; institution roles are ignored here). */
export const ROLE = {
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  contentDeveloper: 'http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper',
  administrator: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator',
  teachingAssistant:
    'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant',
} as const

/**
 * Our role for a platform person: instructors, content developers and administrators of
 * the context are trainers; everyone else learns. NRPS sends short names ("Instructor"),
 * launches send full URIs; both are understood.
 */
export function roleForLtiRoles(roles: readonly string[]): 'trainer' | 'learner' {
  const teaching = ['Instructor', 'ContentDeveloper', 'Administrator', 'TeachingAssistant']
  const isTeacher = roles.some((role) => {
    const short = role.includes('#') ? role.slice(role.lastIndexOf('#') + 1) : role
    return teaching.includes(short) && !role.includes('/institution/')
  })
  return isTeacher ? 'trainer' : 'learner'
}
