import type { PluralForms } from './catalog.ts'

/**
 * Dutch messages of quality monitoring and coaching (app/quality), spread into nl.ts: one file
 * per area keeps the catalog readable. Every key must exist in quality.en.ts too.
 */
export const qualityNl = {
  'audit.action.scorecard.changed': 'Scorekaart opgeslagen (nieuwe versie)',
  'audit.action.evaluation.recorded': 'Contact beoordeeld',
  'audit.action.evaluation.acknowledged': 'Beoordeling gezien door medewerker',
  'audit.action.evaluation.disputed': 'Bezwaar tegen beoordeling',
  'audit.action.evaluation.dispute-resolved': 'Bezwaar afgehandeld',
  'audit.action.evaluations.imported': 'Beoordelingen geïmporteerd',
  'audit.action.kpis.imported': 'KPI’s geïmporteerd',
  'audit.action.calibration.created': 'Kalibratiesessie gestart',
  'audit.action.calibration.closed': 'Kalibratiesessie afgesloten',
  'audit.action.coaching.logged': 'Coachingsgesprek vastgelegd',
  'audit.action.coaching.confirmed': 'Coachingsverslag bevestigd door medewerker',
  'audit.action.coaching.handed-in': 'Coachingsgesprekken ingeleverd als bewijs',
  'audit.action.quality-rule.changed': 'Kwaliteitsregel gewijzigd',
  'audit.action.quality-rule.fired': 'Kwaliteitsregel uitgevoerd',
} as const satisfies Record<string, string | PluralForms>
