import type { AreaCatalog } from './catalog.ts'
import type { quizFeedbackNl } from './quiz-feedback.nl.ts'

export const quizFeedbackEn: AreaCatalog<typeof quizFeedbackNl> = {
  'quizFeedback.chosenWrong': '(your choice, not correct)',
  'quizFeedback.missing': 'What you chose is right, but a correct answer is missing.',
  'quizFeedback.nothingChosen': 'You chose nothing here.',
  'quizFeedback.keyAfterPass': 'You see the correct answers once you pass.',
  'quizFeedback.keyRevealed': 'The correct answers are now marked at the questions.',
  'quizFeedback.keyAfterAttempts': {
    one: 'After {count} more attempt you see the correct answers, or sooner once you pass.',
    other: 'After {count} more attempts you see the correct answers, or sooner once you pass.',
  },
}
