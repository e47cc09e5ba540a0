/** Contact-center KPI formulas, shared by the lesson calculator (browser and server) and tests. */

/** Average handling time in seconds: (talk + hold + after-call work) / contacts. */
export function averageHandlingTime(
  talk: number,
  hold: number,
  afterCallWork: number,
  contacts: number,
) {
  return contacts > 0 ? (talk + hold + afterCallWork) / contacts : null
}

/** Service level in %: contacts answered within the threshold / contacts offered. */
export function serviceLevel(answeredWithinThreshold: number, offered: number) {
  return offered > 0 ? (100 * answeredWithinThreshold) / offered : null
}

/** Occupancy in %: handling time / (handling time + available idle time). */
export function occupancy(handlingTime: number, availableTime: number) {
  const loggedIn = handlingTime + availableTime
  return loggedIn > 0 ? (100 * handlingTime) / loggedIn : null
}
