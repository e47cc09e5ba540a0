import {
  OutboundError,
  outboundRequest,
  type OutboundFailure,
} from '#app/utils/outbound-request.server.ts'

/** An organisation's LRS with its opened secret: only ever in memory, never logged. */
export type LrsTarget = { endpoint: string; username: string; secret: string }

/** A problem with the LRS, worded for the org admin (no response bodies, no secrets). */
export class LrsError extends Error {}

/** We read an LRS's answer only to see that it answered: a few KB is plenty. */
const MAX_BODY_BYTES = 64 * 1024

type Answer = { status: number; body: string }

/**
 * One request to the LRS through the guarded outbound request: no redirects followed (an
 * LRS that moved is a configuration to fix, not a hop to take with our credentials).
 */
async function lrsRequest(
  target: LrsTarget,
  resource: string,
  init: { method: 'GET' | 'POST' | 'PUT'; body?: unknown; authenticated: boolean },
): Promise<Answer> {
  const url = new URL(resource, target.endpoint)
  const headers: Record<string, string> = { 'X-Experience-API-Version': '1.0.3' }
  if (init.authenticated) {
    const basic = Buffer.from(`${target.username}:${target.secret}`).toString('base64')
    headers.Authorization = `Basic ${basic}`
  }
  if (init.body !== undefined) headers['Content-Type'] = 'application/json'
  try {
    return await outboundRequest(url, {
      method: init.method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      maxBytes: MAX_BODY_BYTES,
    })
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error
    // Only the status matters: a long answer is still an answer.
    if (error.reason === 'too-large') return { status: error.status!, body: '' }
    throw new LrsError(`${LRS_FAILURE[error.reason]}: ${error.origin}`)
  }
}

const LRS_FAILURE: Record<Exclude<OutboundFailure, 'too-large'>, string> = {
  'not-web': 'Het adres van de LRS is geen http(s)-adres',
  timeout: 'LRS geen antwoord (time-out)',
  unreachable: 'LRS niet bereikbaar',
  'broken-off': 'LRS brak het antwoord af',
}

const delivered = (status: number) => status === 200 || status === 204

/**
 * Send statements (with our ids) to the LRS. Resolves when the LRS has every one of them;
 * throws LrsError otherwise (the job retries). A 409 on the batch means the LRS has one of
 * the ids already (an earlier try that got through, its answer lost): then each statement
 * goes alone with PUT, where 204 and 409 (id known) both mean the LRS has it.
 */
export async function sendStatements(target: LrsTarget, statements: Array<{ id: string }>) {
  if (statements.length === 0) return
  const batch = await lrsRequest(target, 'statements', {
    method: 'POST',
    body: statements,
    authenticated: true,
  })
  if (delivered(batch.status)) return
  if (batch.status !== 409) throw new LrsError(describeStatus(batch.status))
  for (const statement of statements) {
    const single = await lrsRequest(
      target,
      `statements?statementId=${encodeURIComponent(statement.id)}`,
      { method: 'PUT', body: statement, authenticated: true },
    )
    if (!delivered(single.status) && single.status !== 409)
      throw new LrsError(`${describeStatus(single.status)} (statement ${statement.id})`)
  }
}

function describeStatus(status: number) {
  if (status === 401 || status === 403) return `LRS weigert de inloggegevens (HTTP ${status})`
  if (status === 400) return 'LRS weigert de statements (HTTP 400)'
  return `LRS antwoordde HTTP ${status}`
}

export type ConnectionTest = {
  /** GET <endpoint>about: reachable and speaking xAPI (its versions). */
  about: { ok: boolean; detail: string }
  /** An authenticated GET <endpoint>statements?limit=1: the credentials work. */
  credentials: { ok: boolean; detail: string }
}

/** The "Verbinding testen" button: is the LRS there, and does it take our credentials? */
export async function testConnection(target: LrsTarget): Promise<ConnectionTest> {
  const about = await lrsRequest(target, 'about', { method: 'GET', authenticated: false }).then(
    (answer) => {
      if (answer.status !== 200) return { ok: false, detail: describeStatus(answer.status) }
      try {
        const versions = (JSON.parse(answer.body) as { version?: unknown }).version
        if (!Array.isArray(versions)) return { ok: false, detail: 'Geen xAPI-antwoord op /about' }
        return { ok: true, detail: `xAPI ${versions.map(String).join(', ')}` }
      } catch {
        return { ok: false, detail: 'Geen xAPI-antwoord op /about' }
      }
    },
    (error: unknown) => ({ ok: false, detail: message(error) }),
  )
  const credentials = await lrsRequest(target, 'statements?limit=1', {
    method: 'GET',
    authenticated: true,
  }).then(
    (answer) =>
      answer.status === 200
        ? { ok: true, detail: 'HTTP 200' }
        : { ok: false, detail: describeStatus(answer.status) },
    (error: unknown) => ({ ok: false, detail: message(error) }),
  )
  return { about, credentials }
}

export const message = (error: unknown) =>
  error instanceof LrsError ? error.message : 'Onverwachte fout bij het versturen'
