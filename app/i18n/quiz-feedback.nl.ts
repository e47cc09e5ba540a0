/** Dutch messages: How a quiz attempt is answered and when the key is revealed (#19). Spread into nl.ts. */
export const quizFeedbackNl = {} as const
