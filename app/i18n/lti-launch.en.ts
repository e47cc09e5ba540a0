import type { AreaCatalog } from './catalog.ts'
import type { ltiLaunchNl } from './lti-launch.nl.ts'

export const ltiLaunchEn: AreaCatalog<typeof ltiLaunchNl> = {
  'audit.action.lti.account-created': 'Account created at an LTI launch',
  'ltiLaunch.title': 'Starting from your learning platform',
  'ltiLaunch.again':
    'Open the lesson again from your learning platform (Moodle, Canvas, itslearning). If this keeps happening, pass this message on to the administrator.',
  'ltiLaunch.code': 'Code for the administrator: {code}',
  'ltiLaunch.reason.get':
    'This address only receives launch messages from a learning platform. Open the lesson from your learning platform.',
  'ltiLaunch.reason.missing': 'The learning platform sent an incomplete launch request.',
  'ltiLaunch.reason.unknown-platform':
    "This learning platform is not registered with Leerplein. Ask your organisation's administrator to connect it.",
  'ltiLaunch.reason.ambiguous':
    'This learning platform is registered more than once and did not say which registration it means.',
  'ltiLaunch.reason.pending':
    'The connection with this learning platform is waiting for an administrator of the organisation to confirm it.',
  'ltiLaunch.reason.disabled': 'The connection with this learning platform is switched off.',
  'ltiLaunch.reason.platform':
    'The connection with this learning platform is not active (any more).',
  'ltiLaunch.reason.state':
    'This launch has expired, was used already or was started in another browser window.',
  'ltiLaunch.reason.signature': "The launch message's signature is not valid.",
  'ltiLaunch.reason.expired': 'The launch message has expired.',
  'ltiLaunch.reason.issuer':
    'The launch message does not come from the registered learning platform.',
  'ltiLaunch.reason.audience': 'The launch message is not meant for this registration.',
  'ltiLaunch.reason.nonce': 'This launch message has been used before.',
  'ltiLaunch.reason.unreachable':
    "The learning platform's keys cannot be reached right now. Try again in a few minutes.",
  'ltiLaunch.reason.claims':
    'The launch message is incomplete or does not match the launch request.',
  'ltiLaunch.reason.deployment':
    'This installation of Leerplein in the learning platform (deployment) is not registered.',
  'ltiLaunch.reason.unknown-target':
    'The course, lesson or work process of this link does not exist (any more).',
  'ltiLaunch.reason.foreign-course':
    'This course belongs to another organisation and cannot be opened from this learning platform.',
  'ltiLaunch.reason.not-instructor':
    'Only teachers and content developers can pick lessons from Leerplein.',
  'ltiLaunch.reason.no-access': 'Your account at this organisation has been deactivated.',
  'ltiLaunch.reason.platform-error': 'The learning platform reported an error while signing in.',
}
