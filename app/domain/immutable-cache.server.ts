/**
 * A bounded in-process cache for data that never changes once written: published course
 * versions (keyed by version id) and compiled lessons (keyed by content hash). Every instance
 * fills its own; since the keys name immutable rows, no instance can ever serve stale data,
 * so this keeps instances stateless in the sense that matters.
 */
export function immutableCache<T>(max: number) {
  const entries = new Map<string, Promise<T>>()
  return async function get(key: string, load: () => Promise<T>): Promise<T> {
    let value = entries.get(key)
    if (!value) {
      value = load()
      entries.set(key, value)
      // A failed or empty load is not kept: the next request tries again.
      value.then(
        (v) => v === null && entries.delete(key),
        () => entries.delete(key),
      )
      if (entries.size > max) entries.delete(entries.keys().next().value!)
    }
    return value
  }
}
