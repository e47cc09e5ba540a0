/**
 * A moment some whole months earlier (negative: later), on the same day of the month, or the
 * month's last day when it has no such day (31 March less one month is 28 or 29 February):
 * the way people read "18 months after the diploma". Counted in UTC, like every stored time.
 */
export function addMonths(moment: Date, months: number): Date {
  const day = moment.getUTCDate()
  const result = new Date(moment)
  result.setUTCDate(1)
  result.setUTCMonth(result.getUTCMonth() + months)
  const lastDay = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate()
  result.setUTCDate(Math.min(day, lastDay))
  return result
}

/** The moment before which data kept for `months` has had its time. */
export const monthsBefore = (now: Date, months: number) => addMonths(now, -months)
