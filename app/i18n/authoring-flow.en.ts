import type { AreaCatalog } from './catalog.ts'
import type { authoringFlowNl } from './authoring-flow.nl.ts'

export const authoringFlowEn: AreaCatalog<typeof authoringFlowNl> = {
  'authoringFlow.languages': 'Course languages',
  'authoringFlow.languagesHint':
    'Dutch is always there. Add English only if you write every text in English as well.',
  'authoringFlow.languageNl': 'Dutch only',
  'authoringFlow.languageNlEn': 'Dutch and English (every lesson gets an English text too)',
  'authoringFlow.englishTexts': 'English texts',
  'authoringFlow.madeQuiz': 'This lesson now holds a quiz, so its type is now Quiz.',
  'authoringFlow.emptyModuleSkipped': 'An empty module does not count: publishing leaves it out.',
  'authoringFlow.revealAfter':
    'Show the correct answers after this many attempts without a pass (empty: the default)',
  'authoringFlow.revealAfterNumber': 'Enter a whole number of attempts, from 1 to 100.',
  'authoringFlow.questionCount': {
    one: 'This quiz has 1 question now.',
    other: 'This quiz has {count} questions now.',
  },
}
