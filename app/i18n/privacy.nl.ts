/** Dutch messages: privacy under the AVG (#22). Spread into nl.ts. */
export const privacyNl = {
  'privacy.dataHeading': 'Je gegevens',
  'privacy.dataIntro':
    'Download alles wat Leerplein over je bewaart in één zip-bestand: je profiel, voortgang, leerlogboek, bewijsstukken met beoordelingen, kwaliteitsbeoordelingen, coachgesprekken, KPI’s en resultaten. Leesbaar voor mensen (README) en machines (JSON).',
  'privacy.downloadAll': 'Download al mijn gegevens',
}
