import type { PluralForms } from './catalog.ts'

/** Dutch messages of evaluation exports and the evaluations in the HR API, spread into nl.ts. */
export const qualityExportsNl = {
  'qualityExport.contactAt': 'Contactmoment',
  'qualityExport.evaluator': 'Beoordelaar',
  'qualityExport.scorecard': 'Scorekaart',
  'qualityExport.version': 'Versie',
  'qualityExport.channel': 'Kanaal',
  'qualityExport.externalId': 'Extern id',
  'qualityExport.clientBrand': 'Opdrachtgever',
  'qualityExport.score': 'Score',
  'qualityExport.passed': 'Voldoende',
  'qualityExport.criticalFailed': 'Kritiek punt gemist',
  'qualityExport.yes': 'ja',
  'qualityExport.no': 'nee',
  'qualityExport.sheet': 'Beoordelingen',
  'qualityExport.download': 'Downloaden (zonder opmerkingen):',
  'qualityExport.csv': 'CSV',
  'qualityExport.xlsx': 'Excel',
  'api.scope.quality': 'beoordelingen van klantcontacten (persoonsgegevens, zonder opmerkingen)',
} as const satisfies Record<string, string | PluralForms>
