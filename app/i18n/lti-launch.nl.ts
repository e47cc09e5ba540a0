/** Dutch messages: LTI launches: login initiation, launch refusals, the embedded view (#20). Spread into nl.ts. */
export const ltiLaunchNl = {} as const
