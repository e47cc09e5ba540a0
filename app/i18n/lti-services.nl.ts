/** Dutch messages: LTI grades (AGS) and rosters (NRPS) (#20). Spread into nl.ts. */
export const ltiServicesNl = {} as const
