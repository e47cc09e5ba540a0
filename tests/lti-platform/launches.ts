/**
 * The platform side of a launch: the login initiation it sends, and its OIDC authorisation
 * endpoint, which checks our authentication request like Moodle's mod/lti/auth.php does
 * (scope, response type and mode, prompt, client id, redirect URI, login hint) and answers
 * with a self-posting form that carries the signed id_token and our state to our redirect URI.
 */
import { randomUUID } from 'node:crypto'
import { launchClaims, type LaunchShape } from './claim-sets.ts'
import type { TestPlatform } from './platform.ts'

export const AUTH_PATH = '/mod/lti/auth.php'

export type PreparedLaunch = {
  /** The login initiation parameters the platform sends to our login URL. */
  initiation: Record<string, string>
}

export type LaunchOptions = {
  /** Sign with this payload change after the claims are built (bad-input tests). */
  tamper?: (claims: Record<string, unknown>) => Record<string, unknown>
  /** Seconds the id_token lives (default 60; negative: already expired). */
  lifetimeSeconds?: number
  /** Sign with another key than the platform's published one. */
  signWith?: (claims: object) => string
}

export type LaunchDesk = {
  prepare: (shape: LaunchShape, options?: LaunchOptions) => PreparedLaunch
  /** The id_tokens the platform issued, newest last. */
  issued: string[]
}

export function addLaunches(
  platform: TestPlatform,
  registered: { redirectUri: string; authPath?: string },
): LaunchDesk {
  const pending = new Map<string, { shape: LaunchShape; options: LaunchOptions }>()
  const issued: string[] = []

  platform.route('GET', registered.authPath ?? AUTH_PATH, (request) => {
    const q = request.url.searchParams
    const problems = [
      q.get('scope') === 'openid' ? null : 'scope',
      q.get('response_type') === 'id_token' ? null : 'response_type',
      q.get('response_mode') === 'form_post' ? null : 'response_mode',
      q.get('prompt') === 'none' ? null : 'prompt',
      q.get('redirect_uri') === registered.redirectUri ? null : 'redirect_uri',
      q.get('nonce') ? null : 'nonce',
      q.get('state') ? null : 'state',
    ].filter(Boolean)
    const launch = pending.get(q.get('lti_message_hint') ?? '')
    if (!launch || launch.shape.person.sub !== q.get('login_hint')) problems.push('login_hint')
    if (launch && q.get('client_id') !== launch.shape.clientId) problems.push('client_id')
    if (problems.length > 0 || !launch) {
      return { status: 400, body: { error: 'invalid_request', problems } }
    }
    const now = Math.floor(Date.now() / 1000)
    let claims: Record<string, unknown> = {
      ...launchClaims(launch.shape),
      nonce: q.get('nonce'),
      iat: now,
      exp: now + (launch.options.lifetimeSeconds ?? 60),
    }
    if (launch.options.tamper) claims = launch.options.tamper(claims)
    const idToken = launch.options.signWith
      ? launch.options.signWith(claims)
      : platform.sign(claims)
    issued.push(idToken)
    return {
      body: autoPostForm(registered.redirectUri, { id_token: idToken, state: q.get('state')! }),
    }
  })

  return {
    issued,
    prepare(shape, options = {}) {
      const hint = randomUUID()
      pending.set(hint, { shape, options })
      return {
        initiation: {
          iss: shape.issuer,
          login_hint: shape.person.sub,
          target_link_uri: shape.targetLinkUri,
          lti_message_hint: hint,
          client_id: shape.clientId,
          lti_deployment_id: shape.deploymentId,
        },
      }
    },
  }
}

/** A page that posts its fields to `action` at once, as platforms answer an auth request. */
export function autoPostForm(action: string, fields: Record<string, string>) {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`)
    .join('')
  return `<!doctype html><html><body onload="document.forms[0].submit()"><form method="post" action="${escape(action)}">${inputs}<noscript><button>Doorgaan</button></noscript></form></body></html>`
}

/** The fields of an auto-post form page (what a browser would submit). */
export function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1]!] = unescape(match[2]!)
  }
  return fields
}

function escape(value: string) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

function unescape(value: string) {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

/**
 * The platform's course page that opens the tool inside an iframe, as Moodle does with
 * "display in: embed": the iframe starts the login initiation (a GET, as Canvas sends it).
 * `pageFor` gives the page's address for one prepared launch. `browserHost` is how the
 * browser reaches the platform: `localhost` keeps it another site than an app on 127.0.0.1.
 */
export function addCoursePage(
  platform: TestPlatform,
  toolLoginUrl: string,
  browserHost = 'localhost',
) {
  const launches = new Map<string, PreparedLaunch>()
  platform.route('GET', '/course/view.php', (request) => {
    const launch = launches.get(request.url.searchParams.get('launch') ?? '')
    if (!launch) return { status: 404, body: 'no such launch' }
    const src = `${toolLoginUrl}?${new URLSearchParams(launch.initiation)}`
    return {
      body: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Cursus – test platform</title></head><body><h1>Teamleider contactcenter</h1><iframe title="Leerplein" src="${escape(src)}" style="width:1000px;height:700px"></iframe></body></html>`,
    }
  })
  return {
    pageFor(launch: PreparedLaunch) {
      const key = randomUUID()
      launches.set(key, launch)
      const url = new URL(platform.url(`/course/view.php?launch=${key}`))
      url.hostname = browserHost
      return url.href
    },
  }
}
