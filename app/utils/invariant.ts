/** Throw an HTTP response (404 by default) when a condition fails; loaders use it for lookups. */
export function invariantResponse(
  condition: unknown,
  message = 'Not found',
  init: ResponseInit = { status: 404 },
): asserts condition {
  if (!condition) throw new Response(message, init)
}
