/**
 * The platform's side of Deep Linking 2.0: where the teacher's browser posts our
 * LtiDeepLinkingResponse (the `JWT` form field), shaped after Moodle's
 * mod/lti/contentitem_return.php. The JWT is verified with jsonwebtoken against our published
 * keys (iss = our client id, aud = the platform), then its claims and content items are
 * checked the way the IMS Deep Linking 2.0 spec describes them. Anything wrong answers 400
 * with the reason; a good response's items are recorded.
 */
import type { TestPlatform } from './platform.ts'

export const DEEP_LINKING_RETURN_PATH = '/mod/lti/contentitem_return.php'

const CLAIM = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  data: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  msg: 'https://purl.imsglobal.org/spec/lti-dl/claim/msg',
}

/** An ltiResourceLink content item as the platform stores it. */
export type ReceivedItem = {
  type: 'ltiResourceLink'
  title?: string
  text?: string
  url?: string
  lineItem?: { scoreMaximum: number; label?: string; resourceId?: string; tag?: string }
  custom?: Record<string, string>
}

export type DeepLinkingReturn = {
  /** The deep_link_return_url the platform's deep-linking requests carry. */
  returnUrl: string
  /** The `data` the platform sent with its request; the response must echo it. */
  data: string
  /** Each accepted response: its content items and optional message, oldest first. */
  received: Array<{ items: ReceivedItem[]; msg?: string }>
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const optionalString = (v: unknown) => v === undefined || typeof v === 'string'

/** Why an item is not an acceptable content item, or null when it is. */
function itemProblem(item: unknown): string | null {
  if (!isObject(item)) return 'a content item is not an object'
  // Other item types (link, file, html, image) exist; this platform only places tool links.
  if (item.type !== 'ltiResourceLink') return `content item type ${String(item.type)} not accepted`
  if (!optionalString(item.title) || !optionalString(item.text)) return 'title/text not strings'
  if (item.url !== undefined) {
    if (typeof item.url !== 'string' || !/^https?:\/\//.test(item.url)) return 'url not http(s)'
  }
  if (item.custom !== undefined) {
    if (!isObject(item.custom)) return 'custom is not an object'
    if (!Object.values(item.custom).every((v) => typeof v === 'string')) {
      return 'custom values must be strings'
    }
  }
  if (item.lineItem !== undefined) {
    const lineItem = item.lineItem
    if (!isObject(lineItem)) return 'lineItem is not an object'
    const max = lineItem.scoreMaximum
    if (typeof max !== 'number' || !(max > 0)) return 'lineItem.scoreMaximum must be > 0'
    if (![lineItem.label, lineItem.resourceId, lineItem.tag].every(optionalString)) {
      return 'lineItem label/resourceId/tag not strings'
    }
  }
  return null
}

export function addDeepLinkingReturn(
  platform: TestPlatform,
  {
    clientId,
    toolJwks,
    deploymentId,
    data = 'moodle-course-7-section-2',
  }: {
    clientId: string
    toolJwks: string | { keys: object[] }
    deploymentId: string
    data?: string
  },
): DeepLinkingReturn {
  const received: DeepLinkingReturn['received'] = []
  const refuse = (reason: string) => ({
    status: 400,
    body: `Invalid deep-linking response: ${reason}`,
  })
  platform.route('POST', DEEP_LINKING_RETURN_PATH, async (request) => {
    const token = request.form.get('JWT')
    if (!token) return refuse('no JWT field')
    let claims: Record<string, unknown>
    try {
      claims = await platform.verifyToolJwt(token, toolJwks, {
        issuer: clientId,
        audience: platform.issuer,
      })
    } catch (error) {
      return refuse(`JWT not verified: ${(error as Error).message}`)
    }
    if (typeof claims.nonce !== 'string' || !claims.nonce) return refuse('no nonce')
    if (claims[CLAIM.messageType] !== 'LtiDeepLinkingResponse') return refuse('message_type')
    if (claims[CLAIM.version] !== '1.3.0') return refuse('version')
    if (claims[CLAIM.deploymentId] !== deploymentId) return refuse('deployment_id')
    if (claims[CLAIM.data] !== data) return refuse('data not echoed unchanged')
    if (!optionalString(claims[CLAIM.msg])) return refuse('msg is not a string')
    const items = claims[CLAIM.contentItems]
    // The spec allows an empty list (the teacher cancelled); this platform expects a choice.
    if (!Array.isArray(items) || items.length === 0) return refuse('no content_items')
    for (const item of items) {
      const problem = itemProblem(item)
      if (problem) return refuse(problem)
    }
    received.push({ items: items as ReceivedItem[], msg: claims[CLAIM.msg] as string | undefined })
    return { body: `<p>${items.length} item(s) added to the course.</p>` }
  })
  return { returnUrl: platform.url(DEEP_LINKING_RETURN_PATH), data, received }
}
