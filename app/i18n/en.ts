import type { MessageKey } from './nl.ts'

export const en: Record<MessageKey, string> = {
  'app.name': 'Leerplein Contactcenter',
  'app.tagline': 'Learning and growing along the qualification dossier',
  'nav.label': 'Main menu',
  'nav.home': 'Home',
  'nav.dossiers': 'Dossiers',
  'nav.competencies': 'Competencies',
  'nav.skip': 'Skip to content',
  'lang.label': 'Language',
  'lang.switchTo': 'Nederlands',
  'lang.switchToHint': 'Schakel over naar Nederlands',
  'footer.text':
    'Leerplein Contactcenter: competency-based learning for Dutch contact centres. Dossier texts are our own wording, not the official text.',

  'home.title': 'Growing from agent to team leader',
  'home.intro':
    'Leerplein Contactcenter maps courses, exercises and workplace assignments onto the Contact centre team leader qualification dossier, so you can see per work process where you stand and what comes next.',
  'home.cta': 'Browse the qualification dossiers',
  'home.audiences': 'Who it is for',
  'home.learners.title': 'Learners',
  'home.learners.text':
    'Agents growing into team leaders take modules, quizzes and conversation scenarios and submit workplace evidence. Progress is visible per work process.',
  'home.trainers.title': 'Trainers and assessors',
  'home.trainers.text':
    'Trainers write courses mapped onto core tasks and work processes; assessors judge workplace evidence with a rubric and sign off.',
  'home.employers.title': 'Employers',
  'home.employers.text':
    'Contact-centre management follows the development of its own staff per work process, and only that of its own organisation.',
  'home.records.title': 'Verifiable results',
  'home.records.text':
    'Completed work processes and core tasks earn digital credentials (Open Badges 3.0) that anyone can verify.',

  'dossiers.title': 'Qualification dossiers',
  'dossiers.intro':
    'A qualification dossier describes an occupation as core tasks, work processes and competencies. Every course and assessment on this platform is mapped onto it.',
  'dossiers.empty': 'No dossiers have been loaded yet.',
  'dossiers.level': 'MBO level {level}',
  'dossiers.crebo': 'crebo {crebo}',
  'dossiers.counts': '{coreTasks} core tasks, {workProcesses} work processes',
  'dossiers.allCompetencies': 'All 25 competencies (A-Y)',

  'dossier.qualificationCrebo': 'Qualification crebo',
  'dossier.dossierCrebo': 'Dossier crebo',
  'dossier.level': 'Level',
  'dossier.edition': 'Edition',
  'dossier.validity': 'Valid',
  'dossier.validFromTo': '{from} to {to}',
  'dossier.validFrom': 'from {from}',
  'dossier.version': 'Version on this platform',
  'dossier.olderVersion': 'You are viewing version {version}. A newer version is available.',
  'dossier.viewCurrent': 'View the current version',
  'dossier.source': 'Source and confidence',
  'dossier.confidence.official': 'official text',
  'dossier.confidence.paraphrased': 'our paraphrase of the official text',
  'dossier.confidence.reconstructed': 'reconstruction in our own words',
  'dossier.structure': 'Core tasks and work processes',
  'dossier.matrix': 'Work processes × competencies',
  'dossier.matrixCaption':
    'Which competencies each work process calls on. A tick means: this work process calls on this competency.',
  'dossier.matrixWorkProcess': 'Work process',
  'dossier.matrixLinked': 'linked',
  'dossier.matrixNotLinked': 'not linked',

  'workProcess.coreTask': 'Core task',
  'workProcess.description': 'Description',
  'workProcess.result': 'Result',
  'workProcess.indicators': 'Indicators',
  'workProcess.indicatorsIntro': 'What an assessor looks for:',
  'workProcess.competencies': 'Competencies',
  'workProcess.back': 'Back to {dossier}',

  'competencies.title': 'The 25 competencies',
  'competencies.intro':
    'Work processes in MBO qualification dossiers refer to one national set of 25 competencies, lettered A to Y.',
  'competencies.code': 'Code',
  'competencies.name': 'Competency',
  'competencies.description': 'What it means in a contact centre',

  'error.notFound.title': 'Page not found',
  'error.notFound.text':
    'This page does not exist (any more). Check the address or go back to the home page.',
  'error.forbidden.title': 'No access',
  'error.forbidden.text': 'You do not have permission to see this page.',
  'error.generic.title': 'Something went wrong',
  'error.generic.text': 'Please try again later. If it keeps happening, contact the administrator.',
  'error.backHome': 'Go to the home page',
}
