/**
 * The platform side of grades and rosters, as Moodle's mod/lti serves them: an OAuth 2 token
 * endpoint that checks our client assertion (signed with our tool key, checked here with
 * jsonwebtoken against our JWKS), Assignment and Grade Services line items that record the
 * scores they receive, and a Names and Role Provisioning Services roster with paging.
 */
import { randomUUID } from 'node:crypto'
import type { PlatformRequest, PlatformResponse, TestPlatform } from './platform.ts'

const SCORE_SCOPE = 'https://purl.imsglobal.org/spec/lti-ags/scope/score'
const MEMBERSHIP_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly'
const SCORE_MEDIA_TYPE = 'application/vnd.ims.lis.v1.score+json'
const MEMBERSHIP_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json'

/** A member as Moodle's and Canvas's NRPS answer it. */
export type NrpsMember = {
  status?: 'Active' | 'Inactive' | 'Deleted'
  name?: string
  given_name?: string
  family_name?: string
  email?: string | null
  user_id: string
  lis_person_sourcedid?: string
  roles: string[]
}

export type ReceivedScore = {
  userId: string
  scoreGiven?: number
  scoreMaximum?: number
  activityProgress: string
  gradingProgress: string
  timestamp: string
  comment?: string
}

export type ServicesOptions = {
  /** Our client id at this platform: the client assertion's iss and sub. */
  clientId: string
  /** Our tool's JWKS (a URL, or the document: `await ltiJwks()` in unit tests). */
  toolJwks: string | { keys: object[] }
  /** The scopes the token endpoint grants (default: all that were asked for). */
  grantScopes?: string[]
  expiresIn?: number
}

export type PlatformServices = {
  tokenUrl: string
  /** A line item's URL in a context, as Moodle names it (with Moodle's `type_id` query). */
  lineItemUrl: (contextId: string, lineItemId: string) => string
  /** Every score a line item accepted, oldest first. */
  scores: (contextId: string, lineItemId: string) => ReceivedScore[]
  /** The gradebook: the latest accepted score per user on a line item. */
  gradebook: (contextId: string, lineItemId: string) => Map<string, ReceivedScore>
  /** The score endpoints answer 500 the next `times` requests. */
  failScores: (times: number) => void
  /** The token endpoint refuses (400 invalid_client) while set. */
  refuseTokens: (refuse: boolean) => void
  membershipsUrl: (contextId: string) => string
  /** The roster of a context, served `pageSize` members a page. */
  setRoster: (contextId: string, members: NrpsMember[], pageSize?: number) => void
  /** The memberships endpoint answers 500 the next `times` requests. */
  failRoster: (times: number) => void
  /** Tokens the token endpoint handed out, with their scopes. */
  tokens: Map<string, string[]>
}

export function addServices(platform: TestPlatform, options: ServicesOptions): PlatformServices {
  const tokenPath = '/mod/lti/token.php'
  const tokenUrl = platform.url(tokenPath)
  const tokens = new Map<string, string[]>()
  const received = new Map<string, ReceivedScore[]>()
  const rosters = new Map<string, { members: NrpsMember[]; pageSize: number }>()
  let scoreFailures = 0
  let rosterFailures = 0
  let refusing = false

  platform.route('POST', tokenPath, async (request) => {
    const form = request.form
    if (refusing) return { status: 400, body: { error: 'invalid_client' } }
    if (form.get('grant_type') !== 'client_credentials') {
      return { status: 400, body: { error: 'unsupported_grant_type' } }
    }
    if (
      form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
    ) {
      return { status: 400, body: { error: 'invalid_request' } }
    }
    try {
      const claims = await platform.verifyToolJwt(
        form.get('client_assertion') ?? '',
        options.toolJwks,
        { audience: tokenUrl, issuer: options.clientId, subject: options.clientId },
      )
      if (!claims.jti) throw new Error('no jti')
    } catch (error) {
      return { status: 401, body: { error: 'invalid_client', error_description: String(error) } }
    }
    const asked = (form.get('scope') ?? '').split(' ').filter(Boolean)
    const scope = asked.filter((s) => !options.grantScopes || options.grantScopes.includes(s))
    const token = randomUUID()
    tokens.set(token, scope)
    return {
      body: {
        access_token: token,
        token_type: 'Bearer',
        expires_in: options.expiresIn ?? 3600,
        scope: scope.join(' '),
      },
    }
  })

  const bearer = (request: PlatformRequest, scope: string): PlatformResponse | null => {
    const header = String(request.headers.authorization ?? '')
    const granted = tokens.get(header.replace(/^Bearer /, ''))
    if (!header.startsWith('Bearer ') || !granted) return { status: 401, body: 'no valid token' }
    if (!granted.includes(scope)) return { status: 403, body: 'scope not granted' }
    return null
  }

  const scorePath = (contextId: string, lineItemId: string) =>
    `/mod/lti/services.php/${contextId}/lineitems/${lineItemId}/lineitem/scores`
  const scoresOf = (contextId: string, lineItemId: string) => {
    const key = `${contextId}/${lineItemId}`
    if (!received.has(key)) {
      received.set(key, [])
      platform.route('POST', scorePath(contextId, lineItemId), (request) => {
        const refused = bearer(request, SCORE_SCOPE)
        if (refused) return refused
        if (scoreFailures > 0) {
          scoreFailures -= 1
          return { status: 500, body: 'gradebook unavailable' }
        }
        if (request.headers['content-type'] !== SCORE_MEDIA_TYPE) {
          return { status: 415, body: 'not a score' }
        }
        if (request.url.searchParams.get('type_id') !== '1') {
          return { status: 400, body: 'the line item query string got lost' }
        }
        const score = JSON.parse(request.body) as ReceivedScore
        if (!score.userId || !score.activityProgress || !score.gradingProgress) {
          return { status: 400, body: 'incomplete score' }
        }
        received.get(key)!.push(score)
        return { status: 204 }
      })
    }
    return received.get(key)!
  }

  const membershipsPath = (contextId: string) =>
    `/mod/lti/services.php/CourseSection/${contextId}/bindings/1/memberships`

  return {
    tokenUrl,
    lineItemUrl: (contextId, lineItemId) => {
      scoresOf(contextId, lineItemId)
      return platform.url(
        `/mod/lti/services.php/${contextId}/lineitems/${lineItemId}/lineitem?type_id=1`,
      )
    },
    scores: (contextId, lineItemId) => [...scoresOf(contextId, lineItemId)],
    gradebook: (contextId, lineItemId) => {
      const book = new Map<string, ReceivedScore>()
      for (const score of scoresOf(contextId, lineItemId)) book.set(score.userId, score)
      return book
    },
    failScores: (times) => {
      scoreFailures = times
    },
    refuseTokens: (refuse) => {
      refusing = refuse
    },
    membershipsUrl: (contextId) => platform.url(membershipsPath(contextId)),
    setRoster: (contextId, members, pageSize = 50) => {
      rosters.set(contextId, { members, pageSize })
      platform.route('GET', membershipsPath(contextId), (request) => {
        const refused = bearer(request, MEMBERSHIP_SCOPE)
        if (refused) return refused
        if (rosterFailures > 0) {
          rosterFailures -= 1
          return { status: 500, body: 'roster unavailable' }
        }
        if (!String(request.headers.accept).includes(MEMBERSHIP_MEDIA_TYPE)) {
          return { status: 406, body: 'not acceptable' }
        }
        const roster = rosters.get(contextId)!
        const page = Number(request.url.searchParams.get('page') ?? 0)
        const slice = roster.members.slice(page * roster.pageSize, (page + 1) * roster.pageSize)
        const hasNext = (page + 1) * roster.pageSize < roster.members.length
        const next = platform.url(`${membershipsPath(contextId)}?page=${page + 1}`)
        return {
          headers: {
            'Content-Type': MEMBERSHIP_MEDIA_TYPE,
            ...(hasNext ? { Link: `<${next}>; rel="next"` } : {}),
          },
          body: JSON.stringify({
            id: request.url.href,
            context: { id: contextId, label: 'TL-2026', title: 'Teamleider contactcenter 2026' },
            members: slice,
          }),
        }
      })
    },
    failRoster: (times) => {
      rosterFailures = times
    },
    tokens,
  }
}
