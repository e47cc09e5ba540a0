import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Memory for one request. React Router hands every loader its own copy of the Request (it
 * strips its internal query parameters into a new object), so a cache keyed by the Request
 * object is a cache per loader, and the session was read once by the root loader and again by
 * the page's. The root middleware runs the whole request inside a scope; whatever is
 * remembered there is gone with the request, so nothing carries over to the next one.
 */
const scope = new AsyncLocalStorage<Map<string, unknown>>()

export function inRequestScope<T>(handle: () => T): T {
  return scope.run(new Map(), handle)
}

/** `load()` once per request and key; outside a request scope (scripts, tests) every time. */
export function oncePerRequest<T>(key: string, load: () => T): T {
  const memory = scope.getStore()
  if (!memory) return load()
  if (!memory.has(key)) memory.set(key, load())
  return memory.get(key) as T
}
