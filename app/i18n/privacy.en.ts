import type { AreaCatalog } from './catalog.ts'
import type { privacyNl } from './privacy.nl.ts'

export const privacyEn: AreaCatalog<typeof privacyNl> = {
  'privacy.dataHeading': 'Your data',
  'privacy.dataIntro':
    'Download everything Leerplein holds about you as one zip file: your profile, progress, learning log, evidence with assessments, quality evaluations, coaching sessions, KPIs and records. Readable by people (README) and machines (JSON).',
  'privacy.downloadAll': 'Download all my data',
  'privacy.orgTab': 'Privacy',
  'privacy.orgTitle': 'Privacy (GDPR)',
  'privacy.orgIntro':
    'What this organisation arranges for its staff’s privacy: the information for the works council, how long data is kept, requests to erase data, and who viewed which personal data.',
  'privacy.org.worksCouncil':
    'What the platform records, who sees what and which integrations and rules are on: as a page and a PDF for the works council.',
  'privacy.org.retention':
    'How long evidence, learning events, evaluations and KPIs are kept, what goes tonight, and legal holds per staff member.',
  'privacy.org.erasure':
    'Staff requests to have their data erased: decide, or file a request for a staff member.',
  'privacy.org.erasureOpen': '{count} open',
  'privacy.org.accessLog': 'Who viewed staff members’ personal data, what and when.',
}
