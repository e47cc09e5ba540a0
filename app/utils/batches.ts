/**
 * Split a list of ids into batches a query may bind: SQLite through the driver adapter takes
 * at most 999 bound values per statement, so an `in` list of a thousand ids fails whole.
 */
export const MAX_BOUND_IDS = 500

export function batches<T>(items: readonly T[], size = MAX_BOUND_IDS): T[][] {
  const result: T[][] = []
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size))
  return result
}
