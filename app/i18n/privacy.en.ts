import type { AreaCatalog } from './catalog.ts'
import type { privacyNl } from './privacy.nl.ts'

export const privacyEn: AreaCatalog<typeof privacyNl> = {
  'privacy.dataHeading': 'Your data',
  'privacy.dataIntro':
    'Download everything Leerplein holds about you as one zip file: your profile, progress, learning log, evidence with assessments, quality evaluations, coaching sessions, KPIs and records. Readable by people (README) and machines (JSON).',
  'privacy.downloadAll': 'Download all my data',
}
