/**
 * id_token claim sets shaped like real launches: Moodle 4.x (mod/lti, LTI Advantage) and
 * Canvas (LTI 1.3 developer key). The shapes follow the platforms' public documentation and
 * example launches: Moodle's numeric ids, its `ext` claim and its
 * `services.php` AGS and NRPS URLs; Canvas's `azp`, opaque ids, `validation_context`/`errors`
 * members and nulls in every object, its own issuer and legacy-id claims.
 */
import { randomUUID } from 'node:crypto'

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/'
const ROLE = 'http://purl.imsglobal.org/vocab/lis/v2/'

export type LaunchPerson = {
  sub: string
  name: string
  givenName: string
  familyName: string
  email: string
  teacher?: boolean
}

export type LaunchShape = {
  family: 'moodle' | 'canvas'
  /** The platform's issuer (`iss`). */
  issuer: string
  /** Where the platform's own pages and services live. */
  platformUrl: string
  clientId: string
  deploymentId: string
  person: LaunchPerson
  targetLinkUri: string
  messageType?: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest'
  resourceLink?: { id: string; title: string }
  context?: { id: string; label: string; title: string }
  /** The AGS line item URL of this link (absent: no grade service). */
  lineItem?: string | null
  /** NRPS (absent: no roster service). */
  membershipsUrl?: string | null
  deepLinkReturnUrl?: string
  deepLinkData?: string
  acceptMultiple?: boolean
  custom?: Record<string, string>
}

const AGS_SCOPES = [
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
]

function roles(shape: LaunchShape) {
  return shape.person.teacher
    ? [
        `${ROLE}institution/person#Instructor`,
        `${ROLE}membership#Instructor`,
        ...(shape.family === 'canvas' ? [`${ROLE}system/person#User`] : []),
      ]
    : [
        `${ROLE}institution/person#Student`,
        `${ROLE}membership#Learner`,
        ...(shape.family === 'canvas' ? [`${ROLE}system/person#User`] : []),
      ]
}

/** The claims (without iat/exp/nonce, which the platform adds when it signs). */
export function launchClaims(shape: LaunchShape): Record<string, unknown> {
  return shape.family === 'moodle' ? moodle(shape) : canvas(shape)
}

function deepLinking(shape: LaunchShape, extra: Record<string, unknown> = {}) {
  return {
    'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': {
      deep_link_return_url: shape.deepLinkReturnUrl,
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['frame', 'iframe', 'window'],
      accept_copy_advice: false,
      accept_multiple: shape.acceptMultiple ?? true,
      accept_unsigned: false,
      auto_create: false,
      can_confirm: false,
      data: shape.deepLinkData ?? null,
      ...extra,
    },
  }
}

function moodle(shape: LaunchShape) {
  const messageType = shape.messageType ?? 'LtiResourceLinkRequest'
  const context = shape.context ?? { id: '2', label: 'TL-BBL', title: 'Teamleider contactcenter' }
  return {
    iss: shape.issuer,
    aud: shape.clientId,
    sub: shape.person.sub,
    [`${LTI}deployment_id`]: shape.deploymentId,
    [`${LTI}target_link_uri`]: shape.targetLinkUri,
    [`${LTI}lis`]: { person_sourcedid: '', course_section_sourcedid: '' },
    [`${LTI}roles`]: roles(shape),
    [`${LTI}context`]: { ...context, type: ['CourseSection'] },
    ...(messageType === 'LtiResourceLinkRequest'
      ? {
          [`${LTI}resource_link`]: {
            title: shape.resourceLink?.title ?? 'Les',
            description: '',
            id: shape.resourceLink?.id ?? '3',
          },
        }
      : deepLinking(shape)),
    given_name: shape.person.givenName,
    family_name: shape.person.familyName,
    name: shape.person.name,
    [`${LTI}ext`]: { user_username: shape.person.email.split('@')[0], lms: 'moodle-2' },
    email: shape.person.email,
    [`${LTI}launch_presentation`]: {
      locale: 'nl',
      document_target: 'iframe',
      return_url: `${shape.platformUrl}/mod/lti/return.php?course=${context.id}&launch_container=3&instanceid=3&sesskey=x1y2z3`,
    },
    [`${LTI}tool_platform`]: {
      product_family_code: 'moodle',
      version: '2024100700',
      guid: new URL(shape.platformUrl).host,
      name: 'ROC Noord Moodle',
      description: 'ROC Noord – leeromgeving',
    },
    [`${LTI}version`]: '1.3.0',
    [`${LTI}message_type`]: messageType,
    ...(shape.custom ? { [`${LTI}custom`]: shape.custom } : {}),
    ...(shape.lineItem
      ? {
          'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
            scope: AGS_SCOPES,
            lineitems: `${shape.platformUrl}/mod/lti/services.php/${context.id}/lineitems?type_id=1`,
            lineitem: shape.lineItem,
          },
        }
      : {}),
    ...(shape.membershipsUrl
      ? {
          'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': {
            context_memberships_url: shape.membershipsUrl,
            service_versions: ['1.0', '2.0'],
          },
        }
      : {}),
  }
}

function canvas(shape: LaunchShape) {
  const messageType = shape.messageType ?? 'LtiResourceLinkRequest'
  const context = shape.context ?? {
    id: '4dde05e8ca1973bcca9bffc13e1548820eee93a3',
    label: 'TL',
    title: 'Teamleider contactcenter (BBL)',
  }
  const noErrors = { validation_context: null, errors: { errors: {} } }
  return {
    [`${LTI}message_type`]: messageType,
    [`${LTI}version`]: '1.3.0',
    ...(messageType === 'LtiResourceLinkRequest'
      ? {
          [`${LTI}resource_link`]: {
            id: shape.resourceLink?.id ?? randomUUID(),
            description: null,
            title: shape.resourceLink?.title ?? null,
            ...noErrors,
          },
        }
      : deepLinking(shape, noErrors)),
    ...(shape.lineItem
      ? {
          'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
            scope: AGS_SCOPES,
            lineitems: `${shape.platformUrl}/api/lti/courses/1/line_items`,
            lineitem: shape.lineItem,
            ...noErrors,
          },
        }
      : {}),
    aud: shape.clientId,
    azp: shape.clientId,
    [`${LTI}deployment_id`]: shape.deploymentId,
    iss: shape.issuer,
    sub: shape.person.sub,
    [`${LTI}target_link_uri`]: shape.targetLinkUri,
    picture: `${shape.platformUrl}/images/messages/avatar-50.png`,
    email: shape.person.email,
    name: shape.person.name,
    given_name: shape.person.givenName,
    family_name: shape.person.familyName,
    [`${LTI}lis`]: {
      person_sourcedid: null,
      course_offering_sourcedid: null,
      ...noErrors,
    },
    [`${LTI}context`]: {
      ...context,
      type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'],
      ...noErrors,
    },
    [`${LTI}tool_platform`]: {
      guid: 'a1b2c3d4e5f6:canvas-lms',
      name: 'Canvas – Hogeschool Contact',
      version: 'cloud',
      product_family_code: 'canvas',
      ...noErrors,
    },
    [`${LTI}launch_presentation`]: {
      document_target: 'iframe',
      return_url: `${shape.platformUrl}/courses/1/external_content/success/external_tool_redirect`,
      locale: 'nl',
      height: 400,
      width: 800,
      ...noErrors,
    },
    locale: 'nl',
    [`${LTI}roles`]: roles(shape),
    [`${LTI}custom`]: shape.custom ?? {},
    ...(shape.membershipsUrl
      ? {
          'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': {
            context_memberships_url: shape.membershipsUrl,
            service_versions: ['2.0'],
            ...noErrors,
          },
        }
      : {}),
    [`${LTI}lti11_legacy_user_id`]: '535fa085f22b4655f48cd5a36a9215f64c062838',
    [`${LTI}lti1p1`]: { user_id: '535fa085f22b4655f48cd5a36a9215f64c062838', ...noErrors },
    errors: { errors: {} },
    'https://www.instructure.com/placement':
      messageType === 'LtiDeepLinkingRequest' ? 'link_selection' : null,
  }
}
