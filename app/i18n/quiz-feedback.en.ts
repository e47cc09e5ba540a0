import type { AreaCatalog } from './catalog.ts'
import type { quizFeedbackNl } from './quiz-feedback.nl.ts'

export const quizFeedbackEn: AreaCatalog<typeof quizFeedbackNl> = {}
