/** Dutch messages: The learner work-process page, achievement images and records pages (#19). Spread into nl.ts. */
export const learnerPathNl = {} as const
