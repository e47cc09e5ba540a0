import { OutboundError, outboundRequest } from '#app/utils/outbound-request.server.ts'

/**
 * One outgoing request to a platform's service (token endpoint, line item, roster), through
 * the guarded outbound request (timeout, no redirects: a platform must not send our bearer
 * token elsewhere, bounded body), with its failures as LTI service errors.
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

const MAX_BYTES = 1_000_000

export async function platformRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; maxBytes?: number },
): Promise<PlatformAnswer> {
  try {
    return await outboundRequest(url, { ...init, maxBytes: init.maxBytes ?? MAX_BYTES })
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error
    const invalid = error.reason === 'not-web' || error.reason === 'too-large'
    throw new LtiServiceError(invalid ? 'invalid-response' : 'unreachable', error.message)
  }
}
