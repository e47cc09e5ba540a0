import type { AreaCatalog } from './catalog.ts'
import type { qualityExportsNl } from './quality-exports.nl.ts'

export const qualityExportsEn: AreaCatalog<typeof qualityExportsNl> = {
  'qualityExport.contactAt': 'Contact time',
  'qualityExport.evaluator': 'Evaluator',
  'qualityExport.scorecard': 'Scorecard',
  'qualityExport.version': 'Version',
  'qualityExport.channel': 'Channel',
  'qualityExport.externalId': 'External id',
  'qualityExport.clientBrand': 'Client brand',
  'qualityExport.score': 'Score',
  'qualityExport.passed': 'Passed',
  'qualityExport.criticalFailed': 'Critical item failed',
  'qualityExport.yes': 'yes',
  'qualityExport.no': 'no',
  'qualityExport.sheet': 'Evaluations',
  'qualityExport.download': 'Download (without comments):',
  'qualityExport.csv': 'CSV',
  'qualityExport.xlsx': 'Excel',
  'api.scope.quality': 'contact evaluations (personal data, without comments)',
}
