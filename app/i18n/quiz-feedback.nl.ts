/** Dutch messages: How a quiz attempt is answered and when the key is revealed (#19). Spread into nl.ts. */
export const quizFeedbackNl = {
  'quizFeedback.chosenWrong': '(jouw keuze, niet juist)',
  'quizFeedback.missing': 'Wat je koos klopt, maar er hoort nog een juist antwoord bij.',
  'quizFeedback.nothingChosen': 'Je hebt hier niets gekozen.',
  'quizFeedback.keyAfterPass': 'De juiste antwoorden zie je zodra je de toets haalt.',
  'quizFeedback.keyRevealed': 'De juiste antwoorden staan nu bij de vragen.',
  'quizFeedback.keyAfterAttempts': {
    one: 'Na nog {count} poging zie je de juiste antwoorden, of eerder als je de toets haalt.',
    other: 'Na nog {count} pogingen zie je de juiste antwoorden, of eerder als je de toets haalt.',
  },
} as const
