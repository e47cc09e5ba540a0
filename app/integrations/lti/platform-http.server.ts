import { BodyTooLarge, readBoundedBody } from '#app/utils/bounded-body.server.ts'

/**
 * One outgoing request to a platform's service (token endpoint, line item, roster). What a
 * platform answers is untrusted: every request has a timeout, never follows a redirect (a
 * platform must not send our bearer token elsewhere) and reads at most `maxBytes` of body.
 */
export type LtiServiceFailure = 'unreachable' | 'refused' | 'invalid-response'

/** A platform service that could not be reached, said no, or answered nonsense. */
export class LtiServiceError extends Error {
  constructor(
    readonly reason: LtiServiceFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'LtiServiceError'
  }
}

export type PlatformAnswer = { status: number; headers: Headers; body: string }

const TIMEOUT_MS = 15_000
const MAX_BYTES = 1_000_000

export async function platformRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; maxBytes?: number },
): Promise<PlatformAnswer> {
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new LtiServiceError('invalid-response', `not a web address: ${parsed.protocol}`)
  }
  let response: Response
  try {
    response = await fetch(parsed, {
      method: init.method ?? 'GET',
      headers: init.headers,
      body: init.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    throw new LtiServiceError('unreachable', `${parsed.origin} did not answer: ${String(error)}`)
  }
  const body = await readLimited(response, init.maxBytes ?? MAX_BYTES, parsed.origin)
  return { status: response.status, headers: response.headers, body }
}

async function readLimited(response: Response, maxBytes: number, origin: string) {
  try {
    return await readBoundedBody(response, maxBytes)
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      throw new LtiServiceError(
        'invalid-response',
        `${origin} answered more than ${maxBytes} bytes`,
      )
    }
    throw new LtiServiceError('unreachable', `${origin} broke off its answer: ${String(error)}`)
  }
}
