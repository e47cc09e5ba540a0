/** Set by server/worker.mjs from the socket (or a trusted proxy); any client-sent value is replaced. */
const CLIENT_ADDRESS_HEADER = 'x-leerplein-client-address'

export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) || 'unknown'
}
