import { pino } from 'pino'

/**
 * The server's log: one JSON object per line on stdout (what log collectors read), with the
 * request id where there is one. LOG_LEVEL: trace, debug, info (default), warn, error, silent.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  // The pid tells which worker of an instance (server.mjs) wrote a line.
  base: { service: 'leerplein', pid: process.pid },
  // Never the contents of forms, cookies or tokens: only what each call passes explicitly.
  redact: ['headers.cookie', 'headers.authorization'],
})

/** The header the HTTP server puts each request's id in (from the load balancer or new). */
export const REQUEST_ID_HEADER = 'x-request-id'

export function requestLogger(request: Request) {
  const requestId = request.headers.get(REQUEST_ID_HEADER)
  return requestId ? logger.child({ requestId }) : logger
}
