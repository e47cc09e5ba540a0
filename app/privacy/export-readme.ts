import { EXPORT_COVERAGE } from './export-coverage.ts'
import { EXPORT_FILES } from './export-files.ts'

/**
 * The README.md of the personal data export: what each file holds (Dutch, then a short English
 * part), and what is deliberately left out and why.
 */
export function exportReadme(options: {
  name: string
  createdAt: Date
  filesLeftOut: Array<{ path: string; size: number }>
}): string {
  const files = Object.entries(EXPORT_FILES)
  const excluded = Object.entries(EXPORT_COVERAGE).flatMap(([model, c]) =>
    'excluded' in c ? [`- ${model}: ${c.excluded}`] : [],
  )
  const withheld = Object.entries(EXPORT_COVERAGE).flatMap(([model, c]) =>
    'without' in c ? [`- ${model}: ${c.without.join(', ')}`] : [],
  )
  const leftOut =
    options.filesLeftOut.length === 0
      ? []
      : [
          '',
          '## Niet meegenomen bestanden',
          '',
          'Deze bestanden passen niet meer in één download. Je kunt ze los downloaden bij het bewijsstuk of de beoordeling in Leerplein:',
          '',
          ...options.filesLeftOut.map((f) => `- ${f.path} (${f.size} bytes)`),
        ]
  return [
    '# Al je gegevens in Leerplein Contactcenter',
    '',
    `Gemaakt op ${options.createdAt.toISOString()} voor ${options.name}.`,
    '',
    'Dit is alles wat Leerplein Contactcenter over je bewaart (inzage en dataportabiliteit, AVG artikel 15 en 20). ' +
      'Alle bestanden zijn JSON (UTF-8), tijden in UTC (ISO 8601). Ids verwijzen naar elkaar tussen de bestanden; ' +
      'andere personen (een beoordelaar, coach of werkgever) staan er alleen met hun naam of id in waar dat bij jouw gegevens hoort.',
    '',
    '## Bestanden',
    '',
    ...files.map(([file, d]) => `- \`${file}\`: ${d.nl}`),
    ...leftOut,
    '',
    '## Wat er bewust niet in staat',
    '',
    'Geheimen staan nooit in deze download: geen wachtwoord-hash, geen sessiekenmerken, geen hashes van links, codes of pincodes, en geen versleutelde sleutels. Per gegevenssoort:',
    '',
    ...withheld,
    '',
    'Niet geëxporteerd (met de reden, in het Engels):',
    '',
    ...excluded,
    '',
    '## English',
    '',
    'Everything Leerplein Contactcenter holds about you (GDPR articles 15 and 20), as JSON files (UTF-8, times in UTC). ' +
      'No secrets are included (no password hash, session ids, token or PIN hashes, sealed keys).',
    '',
    ...files.map(([file, d]) => `- \`${file}\`: ${d.en}`),
    '',
  ].join('\n')
}
