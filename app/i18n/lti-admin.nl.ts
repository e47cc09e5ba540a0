/** Dutch messages: LTI registrations: dynamic and manual registration, the org admin pages (#20). Spread into nl.ts. */
export const ltiAdminNl = {} as const
