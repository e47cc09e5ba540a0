import type { AreaCatalog } from './catalog.ts'
import type { accessLogNl } from './access-log.nl.ts'

export const accessLogEn: AreaCatalog<typeof accessLogNl> = {
  'accessLog.title': 'Access log',
  'accessLog.accountIntro':
    'Who has looked at your data? Every time someone else (your employer, team leader, assessor, quality coach or an HR system of your organisation) views or exports your progress, evidence or evaluations, it is listed here. What you look at yourself is not.',
  'accessLog.accountLink': 'See who has viewed your data',
  'accessLog.orgIntro':
    'Who in this organisation viewed or exported whose data. Staff see their own entries under their account.',
  'accessLog.none': 'Nobody has viewed this data yet.',
  'accessLog.when': 'When',
  'accessLog.who': 'Who',
  'accessLog.person': 'Whose',
  'accessLog.what': 'What',
  'accessLog.organisation': 'Organisation',
  'accessLog.apiToken': 'HR integration “{name}”',
  'accessLog.deletedAccount': 'Deleted account',
  'accessLog.everyone': 'Everyone',
  'accessLog.filterPerson': 'Person',
  'accessLog.filter': 'Show',
  'accessLog.kind.staff.detail': 'Staff member’s progress page',
  'accessLog.kind.member.detail': 'Membership details (name, e-mail, roles)',
  'accessLog.kind.member.xapi': 'Learning log (xAPI) downloaded',
  'accessLog.kind.evidence.view': 'Evidence viewed',
  'accessLog.kind.evidence.file': 'Evidence file downloaded',
  'accessLog.kind.evaluation.view': 'Quality evaluation viewed',
  'accessLog.kind.evaluation.file': 'Recording or transcript of an evaluation downloaded',
  'accessLog.kind.quality.trend': 'Staff member’s quality trend',
  'accessLog.kind.coaching.view': 'Coaching session viewed',
  'accessLog.kind.export.progress': 'Progress export (CSV/Excel)',
  'accessLog.kind.export.records': 'Records export (CSV/Excel)',
  'accessLog.kind.export.evaluations': 'Quality evaluations export (CSV/Excel)',
  'accessLog.kind.api.staff': 'Progress read through the HR API',
  'accessLog.kind.api.records': 'Records read through the HR API',
  'accessLog.kind.api.evaluations': 'Quality evaluations read through the HR API',
}
