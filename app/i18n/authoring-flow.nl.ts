/** Dutch messages: Course languages and the course/quiz builder flow (#19). Spread into nl.ts. */
export const authoringFlowNl = {} as const
