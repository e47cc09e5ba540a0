import type { AreaCatalog } from './catalog.ts'
import type { worksCouncilNl } from './works-council.nl.ts'

/** English messages of the works-council pack (#22). Spread into en.ts. */
export const worksCouncilEn: AreaCatalog<typeof worksCouncilNl> = {
  'wc.tab': 'Works council',
  'wc.pageIntro':
    'This is the document you give your works council (ondernemingsraad). It is written from your organisation’s current settings: change a setting and the document changes with it. Download the PDF to share it.',
  'wc.downloadPdf': 'Download as PDF',
  'wc.languageNote': 'The document follows the site’s language; so does the PDF.',
  'wc.title': 'Information for the works council',
  'wc.subtitle': '{organisation} · Leerplein · compiled on {date}',
  'wc.page': 'Page {page} of {pages}',

  'wc.about.heading': 'About this document',
  'wc.about.purpose':
    '{organisation} uses Leerplein to train employees, follow their progress, evaluate the quality of their customer contacts and coach them. As the system can be used to monitor employees’ performance, the employer needs the consent of the works council to introduce it and for significant changes (Dutch Works Councils Act, WOR art. 27(1)(l)).',
  'wc.about.generated':
    'This document was compiled on {date} from the settings of {organisation} in Leerplein at that moment. When a setting changes, the document changes with it: the administrator can download a new version at any time.',
  'wc.about.members': 'Active members (all roles)',
  'wc.about.deactivated': 'Deactivated accounts (data still kept)',
  'wc.about.teams': 'Teams',

  'wc.recorded.heading': 'What is recorded',
  'wc.recorded.intro':
    'Leerplein records the following about each employee. In brackets: how much is recorded for {organisation} now.',
  'wc.recorded.account':
    'Account: name, e-mail address, roles and teams, and sign-in sessions (time, device and IP address).',
  'wc.recorded.learning':
    'Learning: courses, completed lessons, quiz attempts with the chosen answers, reflections and a log of learning events (what and when).',
  'wc.recorded.ladder':
    'Progress per work process of the qualification file, in steps from ‘not started’ to ‘competent’, with its history.',
  'wc.recorded.evidence':
    'Workplace evidence with an assessor’s assessment, and completion records (certificates) ({evidence} pieces of evidence, {records} records).',
  'wc.recorded.quality':
    'Quality evaluations of customer contacts (calls, chats, e-mails): score per item, comments, sometimes a recording, and the employee’s acknowledgement or dispute ({count} evaluations).',
  'wc.recorded.coaching': 'Coaching sessions: what was discussed and agreed ({count} sessions).',
  'wc.recorded.kpi':
    'Weekly KPIs (average handling time, first-contact resolution, customer satisfaction, NPS, schedule adherence), if the organisation imports them ({count} weekly rows).',
  'wc.recorded.assignments': 'Assignments from the employer, with their due dates.',
  'wc.recorded.logs':
    'An audit trail (who decided what, when) and an access log (who viewed another person’s personal data).',
  'wc.recorded.notRecorded':
    'Not recorded: attendance, working hours, location, screen activity or keystrokes. Leerplein does not record calls itself; a recording only enters Leerplein when someone attaches it to a quality evaluation.',
  'wc.recorded.appendix':
    'The full list, as an employee finds it in the download of their own data, is in the appendix.',

  'wc.roles.heading': 'Who sees what',
  'wc.roles.intro':
    'Everyone sees their own data. What someone sees about others depends on their role in {organisation}. What each role may do is fixed in the software and checked on the server for every page; an employer never sees data of another organisation. One person can hold several roles.',
  'wc.roles.holders': {
    one: '{role}: {count} person',
    other: '{role}: {count} people',
  },
  'wc.roles.nobody': 'Nobody in {organisation} holds this role now.',
  'wc.role.learner': 'Employee (learner)',
  'wc.role.team_leader': 'Team leader',
  'wc.role.employer_admin': 'Administrator for the employer',
  'wc.role.quality_coach': 'Quality coach',
  'wc.role.trainer': 'Trainer',
  'wc.role.assessor': 'Assessor (of workplace evidence)',
  'wc.can.learn:courses:own':
    'Takes courses and sees their own progress, evidence, records, quality evaluations, coaching sessions and KPIs; nothing of colleagues.',
  'wc.can.read:members:org':
    'Sees the list of employees (name, e-mail address, roles, teams) and the organisation’s audit trail.',
  'wc.can.manage:members:org':
    'Invites people, changes roles, deactivates accounts and switches the integrations on or off (SSO, SCIM, LTI, LRS, HR API).',
  'wc.can.manage:teams:org': 'Manages the teams and who is in them.',
  'wc.can.read:progress:org':
    'Sees for every employee the progress per work process, records, assignments, a summary of learning activity (how much, when) and weekly KPIs; can export these (CSV, Excel) and download an employee’s learning log (with quiz scores). The employer never sees quiz answers or reflections.',
  'wc.can.read:progress:team':
    'Sees for the employees of their own teams the progress per work process, records, assignments, a summary of learning activity and weekly KPIs, and can export these. No quiz scores, quiz answers or reflections.',
  'wc.can.author:courses:org':
    'Writes and publishes courses for the organisation; sees no employee data doing so.',
  'wc.can.assess:evidence:org':
    'Assesses the workplace evidence employees hand in (with attached files) and signs work processes off as competent.',
  'wc.can.evaluate:contacts:org':
    'Evaluates customer contacts of every employee, sees the evaluations and coaching sessions they gave themselves, and every employee’s score trend per work process.',
  'wc.can.evaluate:contacts:team':
    'Evaluates and coaches the employees of their own teams and sees their quality evaluations, coaching sessions and score trends.',
  'wc.can.read:evaluations:org':
    'Sees every quality evaluation and coaching session of the organisation, with attached recordings and disputes.',
  'wc.can.calibrate:org':
    'Runs calibration sessions and sees per evaluator how far they deviate from the group (this concerns the evaluators: team leaders and quality coaches).',
  'wc.can.manage:quality:org':
    'Manages scorecards and quality rules, decides on disputes and imports evaluations and KPIs.',
  'wc.roles.platform':
    'Platform administrator (the supplier or the in-house IT department): sees which organisations exist with their member counts, outgoing e-mails and the job queue; the organisation’s pages only with a role in it. Whoever runs the server can technically reach the database: agree what they may do in the data processing agreement.',

  'wc.rules.heading': 'Rules that act on employees automatically',
  'wc.rules.none':
    'No quality rules are switched on: Leerplein does nothing automatically based on quality scores.',
  'wc.rules.intro':
    'Quality rules turn evaluated customer contacts into learning automatically. These rules are switched on:',
  'wc.rules.kind.assign_lesson': 'assign lessons on failing scores',
  'wc.rules.kind.demonstrated': 'hand in workplace evidence on passing scores',
  'wc.rules.ruleHeading': '{code} {title}: {kind}',
  'wc.rules.assign_lesson':
    'When an employee fails this work process in {below} of their last {window} evaluated contacts, its lessons are assigned to them, due within {dueDays} days. The employee and their team leader get an e-mail about it. Someone who already has an open assignment for this work process, or has completed its knowledge, is skipped.',
  'wc.rules.demonstrated':
    'After {passing} passing evaluated contacts on this work process (counted since the last time), the rule hands those contacts in as workplace evidence. An assessor assesses the evidence; the rule decides nothing.',
  'wc.rules.firings': {
    one: 'Carried out {count} time so far.',
    other: 'Carried out {count} times so far.',
  },
  'wc.rules.neverFired': 'Not carried out yet.',
  'wc.rules.when':
    'A rule runs whenever an evaluation of an employee is saved or imported, and once for everyone when the administrator switches it on (after a dry run that shows whom it would affect).',
  'wc.rules.limits':
    'No rule makes anyone competent or not competent, and no rule touches pay, performance appraisal or employment: rules only assign learning or hand in evidence. Every run is in the audit trail and in the employee’s download.',
  'wc.rules.switchedOff': {
    one: '{count} rule is switched off and does nothing.',
    other: '{count} rules are switched off and do nothing.',
  },

  'wc.integrations.heading': 'Integrations with other systems',
  'wc.integrations.intro':
    'Which integrations are on decides which data Leerplein exchanges with systems of {organisation} or others.',
  'wc.sso.title': 'Sign-in through the organisation’s identity provider (SSO)',
  'wc.sso.on':
    'On. Employees with an e-mail address at {domains} sign in through {issuer}. Leerplein keeps only the identifier the provider knows them by.',
  'wc.sso.noDomains': 'On, through {issuer}. No e-mail domain is linked yet.',
  'wc.sso.createsAccounts':
    'Someone signing in this way for the first time gets an account with the role ‘{role}’ automatically.',
  'wc.sso.invitedOnly': 'Accounts are not created automatically: people must be invited first.',
  'wc.sso.passwordOff': 'Signing in with a Leerplein password is switched off.',
  'wc.sso.off': 'Off: employees sign in with a Leerplein password.',
  'wc.scim.title': 'Accounts kept up to date from the HR directory (SCIM)',
  'wc.scim.on':
    'On ({tokens}). The directory creates and deactivates accounts, puts people in teams and sends name, e-mail address, department and manager.',
  'wc.scim.brand': 'The attribute ‘{attribute}’ decides the client brand of someone’s team.',
  'wc.scim.off': 'Off: accounts are kept by hand or through invitations.',
  'wc.lti.title': 'Lessons opened from a learning platform (LTI)',
  'wc.lti.on':
    'On for {platforms}. Such a platform opens Leerplein lessons; Leerplein keeps how the platform knows the employee, sends lesson scores back and can take over class lists.',
  'wc.lti.pending': '{name} (awaiting confirmation)',
  'wc.lti.off': 'Off.',
  'wc.lrs.title': 'Learning data forwarded to an own Learning Record Store (LRS)',
  'wc.lrs.on':
    'On: every learning event of the active employees (lesson completed, quiz result, progress) goes to {host} as an xAPI statement. The agreements and retention periods of that system apply there.',
  'wc.lrs.paused': 'Set up (to {host}) but paused: nothing is sent.',
  'wc.lrs.off': 'Off: learning data stays in Leerplein.',
  'wc.hrApi.title': 'HR integration (API)',
  'wc.hrApi.on':
    'On. An HR system reads with a key; it cannot change anything. Each key and what it may read:',
  'wc.hrApi.token': '{name}: {scopes}; {lastUsed}.',
  'wc.hrApi.nothing': 'nothing',
  'wc.hrApi.off': 'Off: there is no active key.',
  'wc.scope.progress:read': 'progress per work process of every employee',
  'wc.scope.records:read': 'completion records',
  'wc.scope.quality:read':
    'quality evaluations (scores and facts of the contact, without comments or dispute texts)',
  'wc.lastUsed': 'last used on {date}',
  'wc.neverUsed': 'never used',

  'wc.retention.heading': 'How long data is kept',
  'wc.retention.own': '{organisation} has set its own retention periods:',
  'wc.retention.default': '{organisation} uses Leerplein’s default periods:',
  'wc.retention.examEvidence': 'Workplace evidence and its assessments (exam material)',
  'wc.retention.learningEvents': 'Learning log, quiz attempts and content package attempts',
  'wc.retention.evaluations': 'Quality evaluations and the coaching sessions built on them',
  'wc.retention.kpis': 'Weekly KPIs',
  'wc.retention.months': { one: '{count} month', other: '{count} months' },
  'wc.retention.afterQualification': '{months} after the qualification record',
  'wc.retention.afterRecorded': '{months} after being recorded',
  'wc.retention.job':
    'Leerplein removes what is older than its period every night. A legal hold (for example during a dispute or an exam appeal) keeps one person’s data for as long as it stands. Issued records stay verifiable.',
  'wc.retention.holds': {
    one: '{count} legal hold is in force now.',
    other: '{count} legal holds are in force now.',
  },
  'wc.retention.noHolds': 'No legal hold is in force now.',

  'wc.rights.heading': 'Employees’ rights',
  'wc.rights.download':
    'Access and portability (GDPR art. 15 and 20): on the Account page every employee downloads everything Leerplein keeps about them in one click.',
  'wc.rights.accessLog':
    'Who looked: employees see who viewed their data (a manager opening their progress, an assessor downloading their evidence, an HR system reading their data).',
  'wc.rights.erasure':
    'Erasure (GDPR art. 17): an employee or administrator can ask for the account to be erased; an administrator decides. Exam material and a legal hold can postpone erasure. Issued records stay verifiable without more personal data than needed.',
  'wc.rights.dispute':
    'Responding to an evaluation: employees see every quality evaluation of their contacts and can dispute it; an administrator decides on the dispute.',
  'wc.rights.contact':
    '{organisation} is the controller: questions and requests go to the administrator of {organisation}.',

  'wc.appendix.heading': 'Appendix: the files of the personal download',
  'wc.appendix.intro':
    'How an employee’s download describes its contents (in the words the employee reads):',
}
