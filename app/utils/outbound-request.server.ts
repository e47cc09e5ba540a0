import { BodyTooLarge, readBoundedBody } from './bounded-body.server.ts'

/**
 * One request to another organisation's system (an LMS's services, an LRS). What it answers
 * is untrusted: only http(s), a time limit, no redirect followed (our credentials must not
 * be sent on to another host) and at most `maxBytes` of body read, so a slow or hostile
 * endpoint never stalls or floods us. Each caller words the failure for its own readers.
 */
export type OutboundFailure = 'not-web' | 'timeout' | 'unreachable' | 'too-large' | 'broken-off'

export class OutboundError extends Error {
  constructor(
    readonly reason: OutboundFailure,
    readonly origin: string,
    detail: string,
    /** The status of an answer that came but could not be read whole. */
    readonly status?: number,
  ) {
    super(`${origin}: ${detail}`)
    this.name = 'OutboundError'
  }
}

export type OutboundAnswer = { status: number; headers: Headers; body: string }

export async function outboundRequest(
  url: URL | string,
  init: {
    method?: string
    headers?: Record<string, string>
    body?: string
    maxBytes: number
    timeoutMs?: number
  },
): Promise<OutboundAnswer> {
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new OutboundError('not-web', parsed.origin, `not a web address: ${parsed.protocol}`)
  }
  let response: Response
  try {
    response = await fetch(parsed, {
      method: init.method ?? 'GET',
      headers: init.headers,
      body: init.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
    })
  } catch (error) {
    const timeout = (error as Error).name === 'TimeoutError'
    throw new OutboundError(
      timeout ? 'timeout' : 'unreachable',
      parsed.origin,
      `did not answer: ${String(error)}`,
    )
  }
  try {
    const body = await readBoundedBody(response, init.maxBytes)
    return { status: response.status, headers: response.headers, body }
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      throw new OutboundError(
        'too-large',
        parsed.origin,
        `answered more than ${init.maxBytes} bytes`,
        response.status,
      )
    }
    throw new OutboundError(
      'broken-off',
      parsed.origin,
      `broke off its answer: ${String(error)}`,
      response.status,
    )
  }
}
