/** Dutch messages: LTI grades (AGS) and rosters (NRPS) (#20). Spread into nl.ts. */
export const ltiServicesNl = {
  'ltiServices.comment.lessonDone': 'Les afgerond',
  'ltiServices.comment.lessonOpen': 'Les nog niet afgerond',
  'ltiServices.comment.quizPassed': 'Toets gehaald, beste score {score}%',
  'ltiServices.comment.quizOpen': 'Toets nog niet gehaald, beste score {score}%',
  'ltiServices.comment.quizNone': 'Toets nog niet gemaakt',
  'ltiServices.comment.course': '{done} van {total} lessen afgerond',
  'ltiServices.comment.workProcess': 'Werkproces: stap {step} van {top}, {label}',
  'ltiServices.audit.rosterImported': 'LTI-rooster geïmporteerd',
} as const
