/** Dutch messages: Course languages and the course/quiz builder flow (#19). Spread into nl.ts. */
export const authoringFlowNl = {
  'authoringFlow.languages': 'Talen van de cursus',
  'authoringFlow.languagesHint':
    'Nederlands is er altijd. Kies Engels erbij alleen als je elke tekst ook in het Engels schrijft.',
  'authoringFlow.languageNl': 'Alleen Nederlands',
  'authoringFlow.languageNlEn': 'Nederlands en Engels (elke les krijgt ook een Engelse tekst)',
  'authoringFlow.englishTexts': 'Engelse teksten',
  'authoringFlow.madeQuiz': 'Deze les heeft nu een toets, dus het soort is Toets geworden.',
  'authoringFlow.emptyModuleSkipped':
    'Een lege module telt niet mee: bij publiceren wordt ze overgeslagen.',
  'authoringFlow.revealAfter':
    'Juiste antwoorden tonen na zoveel pogingen zonder te halen (leeg: de standaard)',
  'authoringFlow.revealAfterNumber': 'Vul een heel aantal pogingen in, van 1 tot 100.',
  'authoringFlow.questionCount': {
    one: 'Deze toets heeft nu 1 vraag.',
    other: 'Deze toets heeft nu {count} vragen.',
  },
} as const
