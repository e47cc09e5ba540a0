/** What an API token may read. Tokens are read-only by design. */
export const API_SCOPES = ['progress:read', 'records:read', 'quality:read'] as const
export type ApiScope = (typeof API_SCOPES)[number]
/**
 * Scopes ticked on the new-token form. Evaluations are personal data about named agents, so
 * `quality:read` is never handed out by default: an admin ticks it on purpose.
 */
export const DEFAULT_API_SCOPES: readonly ApiScope[] = ['progress:read', 'records:read']
/** Requests per token per minute. */
export const API_RATE_LIMIT = 120
