/** Dutch messages: privacy under the AVG (#22). Spread into nl.ts. */
export const privacyNl = {
  'privacy.dataHeading': 'Je gegevens',
  'privacy.dataIntro':
    'Download alles wat Leerplein over je bewaart in één zip-bestand: je profiel, voortgang, leerlogboek, bewijsstukken met beoordelingen, kwaliteitsbeoordelingen, coachgesprekken, KPI’s en resultaten. Leesbaar voor mensen (README) en machines (JSON).',
  'privacy.downloadAll': 'Download al mijn gegevens',
  'privacy.orgTab': 'Privacy',
  'privacy.orgTitle': 'Privacy (AVG)',
  'privacy.orgIntro':
    'Wat deze organisatie regelt voor de privacy van haar medewerkers: de informatie voor de ondernemingsraad, hoe lang gegevens bewaard blijven, verzoeken om gegevens te wissen, en wie welke persoonsgegevens inzag.',
  'privacy.org.worksCouncil':
    'Wat het platform vastlegt, wie wat ziet en welke koppelingen en regels aanstaan: als pagina en PDF voor de ondernemingsraad.',
  'privacy.org.retention':
    'Hoe lang bewijsstukken, leergebeurtenissen, beoordelingen en KPI’s bewaard blijven, wat er vannacht verdwijnt, en bewaarplichten (legal holds) per medewerker.',
  'privacy.org.erasure':
    'Verzoeken van medewerkers om hun gegevens te wissen: beslissen, of een verzoek indienen namens een medewerker.',
  'privacy.org.erasureOpen': '{count} open',
  'privacy.org.accessLog': 'Wie persoonsgegevens van medewerkers bekeek, wat en wanneer.',
}
