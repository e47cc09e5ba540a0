/** What an API token may read. Tokens are read-only by design. */
export const API_SCOPES = ['progress:read', 'records:read'] as const
export type ApiScope = (typeof API_SCOPES)[number]
/** Requests per token per minute. */
export const API_RATE_LIMIT = 120
