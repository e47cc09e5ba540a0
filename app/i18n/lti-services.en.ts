import type { AreaCatalog } from './catalog.ts'
import type { ltiServicesNl } from './lti-services.nl.ts'

export const ltiServicesEn: AreaCatalog<typeof ltiServicesNl> = {
  'ltiServices.comment.lessonDone': 'Lesson completed',
  'ltiServices.comment.lessonOpen': 'Lesson not completed yet',
  'ltiServices.comment.quizPassed': 'Quiz passed, best score {score}%',
  'ltiServices.comment.quizOpen': 'Quiz not passed yet, best score {score}%',
  'ltiServices.comment.quizNone': 'Quiz not taken yet',
  'ltiServices.comment.course': '{done} of {total} lessons completed',
  'ltiServices.comment.workProcess': 'Work process: step {step} of {top}, {label}',
  'ltiServices.audit.rosterImported': 'LTI roster imported',
}
