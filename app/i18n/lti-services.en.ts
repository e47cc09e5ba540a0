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
  'ltiServices.courses.title': 'Platform courses (LTI)',
  'ltiServices.courses.intro':
    "The courses in Moodle, Canvas or itslearning where our lessons are placed. Scores and progress flow back to the platform's gradebook by themselves; the roster is imported here.",
  'ltiServices.courses.registrations': 'To the LTI registrations',
  'ltiServices.courses.empty': 'No platform courses yet',
  'ltiServices.courses.emptyHint':
    'A course appears here once a teacher places a link to our lessons in it and opens it.',
  'ltiServices.courses.platform': 'Platform',
  'ltiServices.courses.lastImport': 'Last roster import',
  'ltiServices.courses.never': 'never',
  'ltiServices.courses.noLinks': 'No links in this course yet.',
  'ltiServices.link.title': 'Link',
  'ltiServices.link.target': 'Points at',
  'ltiServices.link.lineItem': 'Grade column',
  'ltiServices.link.launches': 'Opened by',
  'ltiServices.link.sent': 'Scores sent',
  'ltiServices.link.waiting': 'Waiting',
  'ltiServices.link.retrying': 'Failed, will retry',
  'ltiServices.link.gaveUp': 'Given up',
  'ltiServices.yes': 'yes',
  'ltiServices.no': 'no',
  'ltiServices.target.course': 'course',
  'ltiServices.target.lesson': 'lesson',
  'ltiServices.target.workProcess': 'work process',
  'ltiServices.roster.import': 'Import roster',
  'ltiServices.roster.intoTeam': 'In a team named after the course',
  'ltiServices.roster.unavailable':
    'The platform offers no roster for this course, or the registration is not active.',
  'ltiServices.roster.done':
    'Roster imported: {created} new, {linked} linked, {unchanged} unchanged, {skippedInactive} not active in the course, {skippedDeactivated} deactivated here.',
  'ltiServices.error.unreachable': 'The platform cannot be reached. Try again later.',
  'ltiServices.error.refused':
    'The platform refuses the roster. Check that the registration may use the names and roles service.',
  'ltiServices.error.invalidResponse': 'The platform gave an unusable answer.',
  'ltiServices.error.notFound': 'This course does not belong to your organisation.',
  'ltiServices.error.noRosterService': 'The platform offers no roster for this course.',
  'ltiServices.error.platformInactive': 'The registration with this platform is not active.',
  'ltiServices.error.tooLarge': 'The roster is too large to import at once.',
  'ltiServices.form.contextInvalid': 'Choose a course.',
}
