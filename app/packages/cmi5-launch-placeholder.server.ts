/**
 * TODO(#21, xAPI helper): replace by app/packages/cmi5-launch.server.ts's startCmi5Launch
 * and delete this file. Until then a cmi5 AU is opened without the cmi5 launch parameters
 * (endpoint, fetch, registration, activityId, actor), so it cannot report yet.
 */
export type Cmi5LaunchInput = {
  userId: string
  attemptId: string
  launchId: string
  fetchToken: string
  activity: {
    identifier: string
    launchPath: string
    launchParameters: string | null
    moveOn: string | null
    masteryScore: number | null
  }
  /** '/package-content/<token>/' */
  contentBase: string
  origin: string
}

/** The full AU launch URL. */
export async function startCmi5Launch(input: Cmi5LaunchInput): Promise<string> {
  return `${input.origin}${input.contentBase}${input.activity.launchPath}`
}
