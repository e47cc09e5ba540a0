/**
 * The files of the personal data export, with what each holds (Dutch first, then English):
 * the README in the zip is written from this list, and the coverage and tests name these files.
 */
export const EXPORT_FILES = {
  'profile.json': {
    nl: 'Je account: naam, e-mailadres, of je platformbeheerder bent, wanneer het account is gemaakt en je wachtwoord voor het laatst is gewijzigd. Het wachtwoord zelf (alleen als hash bewaard) staat er niet in.',
    en: 'Your account: name, e-mail address, platform admin or not, when it was made and the password last changed (never the password hash).',
  },
  'memberships.json': {
    nl: 'Je plaats in organisaties: organisatie, rollen, teams (met opdrachtgever) en wat het personeelssysteem (SCIM) over je doorgaf.',
    en: 'Your memberships: organisation, roles, teams (with client brand) and what the directory (SCIM) sent about you.',
  },
  'work-process-statuses.json': {
    nl: 'Je stap op de ladder per werkproces (0 niet begonnen tot 4 bekwaam), met de geschiedenis: elke stap die je bereikte en wanneer.',
    en: 'Your ladder step per work process (0 not started to 4 competent), with its history: each step reached and when.',
  },
  'learning-events.json': {
    nl: 'Het leerlogboek zoals het is opgeslagen: elke gebeurtenis (ingeschreven, afgerond, gehaald, gevorderd, en xAPI-statements van lespakketten).',
    en: 'The learning event log as stored: every event, including xAPI statements from content packages.',
  },
  'xapi-statements.json': {
    nl: 'Hetzelfde leerlogboek als xAPI 1.0.3-statements, in te lezen in elke Learning Record Store.',
    en: 'The same event log as xAPI 1.0.3 statements, for any Learning Record Store.',
  },
  'enrolments.json': {
    nl: 'De cursussen waarvoor je bent ingeschreven, door jezelf of toegewezen.',
    en: 'Your course enrolments, self-chosen or assigned.',
  },
  'lesson-completions.json': {
    nl: 'De lessen die je hebt afgerond, hoe en wanneer.',
    en: 'The lessons you completed, how and when.',
  },
  'quiz-attempts.json': {
    nl: 'Je quizpogingen: score, grens, gehaald of niet, en je gekozen antwoorden.',
    en: 'Your quiz attempts: score, pass mark, result and your chosen answers.',
  },
  'reflections.json': {
    nl: 'Je reflecties: wat je in lessen hebt opgeschreven.',
    en: 'Your reflections: what you wrote in lessons.',
  },
  'package-attempts.json': {
    nl: 'Je pogingen in lespakketten (SCORM, cmi5): voortgang, resultaat en de bewaarde gegevens van het pakket.',
    en: 'Your content package attempts (SCORM, cmi5): progress, result and the data the package stored.',
  },
  'xapi-documents.json': {
    nl: 'xAPI-documenten die lespakketten over jou bewaarden (state, agent profile).',
    en: 'xAPI documents content packages stored about you (state, agent profile).',
  },
  'evidence.json': {
    nl: 'Je bewijsstukken uit de praktijk met de beoordelingen erop: besluit, toelichting, de score per criterium en wie beoordeelde. Een bijgevoegd bestand staat in de map evidence-files/.',
    en: 'Your workplace evidence with its assessments: decision, feedback, the score per criterion and the assessor. Attached files are in evidence-files/.',
  },
  'evidence-files/': {
    nl: 'De bestanden bij je bewijsstukken, zoals je ze hebt ingeleverd.',
    en: 'The files attached to your evidence, as handed in.',
  },
  'assessments-given.json': {
    nl: 'Als je beoordelaar bent: de beoordelingen die je gaf (het bewijsstuk alleen met zijn id).',
    en: 'If you are an assessor: the assessments you gave (the evidence by id only).',
  },
  'records.json': {
    nl: 'Je behaalde resultaten (bewijzen van bekwaamheid) met hun status; in de map records/ elk als credential (JSON), als VC-JWT en als credential met Data Integrity-bewijs, precies zoals ondertekend. Ook je aanbiedingen aan een wallet.',
    en: 'Your completion records with their status; in records/ each as the signed credential (JSON), the VC-JWT and the Data Integrity form. Also your wallet offers.',
  },
  'records/': {
    nl: 'Elk resultaat in elke vorm die het platform uitgeeft: <id>.credential.json, <id>.jwt en <id>.data-integrity.json.',
    en: 'Each record in every form the platform issues: <id>.credential.json, <id>.jwt and <id>.data-integrity.json.',
  },
  'assignments.json': {
    nl: 'Opdrachten die je werkgever je gaf, met de deadline.',
    en: 'Assignments your employer gave you, with their due dates.',
  },
  'evaluations.json': {
    nl: 'Kwaliteitsbeoordelingen van je contacten (gesprekken, chats, e-mails): score per onderdeel, opmerkingen, je reactie en bezwaar. Een bijgevoegd bestand staat in evaluation-files/. Ook de beoordelingen die je zelf als beoordelaar gaf (role: evaluator).',
    en: 'Quality evaluations of your contacts: item scores, comments, acknowledgement and disputes; files in evaluation-files/. Also evaluations you gave as an evaluator (role: evaluator).',
  },
  'evaluation-files/': {
    nl: 'De bestanden bij kwaliteitsbeoordelingen over jou (bijvoorbeeld een gespreksopname).',
    en: 'The files attached to evaluations about you (a call recording, for example).',
  },
  'calibration-sessions.json': {
    nl: 'Kalibratiesessies over een contact van jou, of waarin je beoordelaar was.',
    en: 'Calibration sessions about a contact of yours, or in which you were an evaluator.',
  },
  'coaching-sessions.json': {
    nl: 'Coachgesprekken die je kreeg (role: agent) of voerde (role: coach): wat besproken is en de afspraken.',
    en: 'Coaching sessions you received (role: agent) or held (role: coach): what was discussed and agreed.',
  },
  'quality-rule-firings.json': {
    nl: 'Wat de kwaliteitsregels van je organisatie automatisch voor je deden (een les toegewezen, bewijs ingediend).',
    en: "What your organisation's quality rules did for you automatically (a lesson assigned, evidence handed in).",
  },
  'kpi-weeks.json': {
    nl: 'Je KPI’s per week zoals je organisatie ze importeerde (AHT, FCR, CSAT, NPS, adherence).',
    en: 'Your weekly KPIs as your organisation imported them (AHT, FCR, CSAT, NPS, adherence).',
  },
  'sso-identities.json': {
    nl: 'Hoe de inlogdienst van je organisatie (SSO) je kent: uitgever en kenmerk.',
    en: "How your organisation's sign-in provider (SSO) knows you: issuer and subject.",
  },
  'lti-users.json': {
    nl: 'Hoe leeromgevingen (LTI) je kennen, en welke links je daar opende met de scores die zijn teruggestuurd.',
    en: 'How learning platforms (LTI) know you, the links you launched there and the scores sent back.',
  },
  'sessions.json': {
    nl: 'Je inlogsessies: wanneer, met welk apparaat en vanaf welk adres. Het sessiekenmerk (een geheim) staat er niet in.',
    en: 'Your sign-in sessions: when, which device, which address. Never the session id (a secret).',
  },
  'uploads.json': {
    nl: 'Bestanden die je in delen uploadde (grote opnames): naam, grootte en status.',
    en: 'Files you uploaded in parts (large recordings): name, size and status.',
  },
  'invitations.json': {
    nl: 'Uitnodigingen aan jouw e-mailadres en uitnodigingen die je zelf verstuurde (zonder de geheime link).',
    en: 'Invitations to your address and invitations you sent (without the secret link).',
  },
  'emails.json': {
    nl: 'E-mails die het platform je stuurde: onderwerp en tijdstip. De tekst niet: die kan een eenmalige inloglink bevatten.',
    en: 'E-mails the platform sent you: subject and time, not the text (it can hold a one-time link).',
  },
  'audit-events.json': {
    nl: 'Het controlespoor: wat je deed (als beoordelaar, trainer, beheerder) en wat er met jou of je bewijsstukken, resultaten, beoordelingen en coachgesprekken gebeurde, door wie (als id).',
    en: 'The audit trail: what you did, and what was done to you or your evidence, records, evaluations and coaching sessions, by whom (as an id).',
  },
  'access-log.json': {
    nl: 'Wie je persoonsgegevens bekeek en wanneer: een leidinggevende die je voortgang opende, een beoordelaar die je bewijsstuk downloadde, een HR-koppeling die je gegevens las.',
    en: 'Who viewed your personal data and when: a manager opening your progress, an assessor downloading your evidence, an HR system reading your data.',
  },
  'privacy-requests.json': {
    nl: 'Verzoeken om je gegevens te wissen met hun besluit, en of er een bewaarplicht (legal hold) op je gegevens rust en waarom.',
    en: 'Requests to erase your data with their decision, and any legal hold on your data with its reason.',
  },
} as const satisfies Record<string, { nl: string; en: string }>

export type ExportFile = keyof typeof EXPORT_FILES
