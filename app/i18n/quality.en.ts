import type { AreaCatalog } from './catalog.ts'
import type { qualityNl } from './quality.nl.ts'

export const qualityEn: AreaCatalog<typeof qualityNl> = {
  'audit.action.scorecard.changed': 'Scorecard saved (new version)',
  'audit.action.evaluation.recorded': 'Contact evaluated',
  'audit.action.evaluation.acknowledged': 'Evaluation seen by the agent',
  'audit.action.evaluation.disputed': 'Evaluation disputed',
  'audit.action.evaluation.dispute-resolved': 'Dispute decided',
  'audit.action.evaluations.imported': 'Evaluations imported',
  'audit.action.kpis.imported': 'KPIs imported',
  'audit.action.calibration.created': 'Calibration session started',
  'audit.action.calibration.closed': 'Calibration session closed',
  'audit.action.coaching.logged': 'Coaching session logged',
  'audit.action.coaching.confirmed': 'Coaching record confirmed by the agent',
  'audit.action.coaching.handed-in': 'Coaching sessions handed in as evidence',
  'audit.action.quality-rule.changed': 'Quality rule changed',
  'audit.action.quality-rule.fired': 'Quality rule fired',
}
