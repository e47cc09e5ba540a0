/** Dutch messages: LTI Deep Linking: the teacher picks from our catalogue (#20). Spread into nl.ts. */
export const ltiDeepLinkingNl = {
  'ltiDeepLinking.title': 'Inhoud kiezen',
  'ltiDeepLinking.intro': 'Kies wat je in je cursus in {platform} wilt plaatsen.',
  'ltiDeepLinking.introSingle': 'Kies één onderdeel om in je cursus in {platform} te plaatsen.',
  'ltiDeepLinking.search': 'Zoeken',
  'ltiDeepLinking.searchHint': 'Filter op titel of code, bijvoorbeeld TL-K2-W3',
  'ltiDeepLinking.courses': 'Cursussen',
  'ltiDeepLinking.wholeCourse': 'De hele cursus',
  'ltiDeepLinking.workProcesses': 'Werkprocessen',
  'ltiDeepLinking.workProcessPage': 'De werkprocespagina',
  'ltiDeepLinking.allLessons': 'Alle lessen van werkproces {code} ({count})',
  'ltiDeepLinking.submit': 'Plaatsen in {platform}',
  'ltiDeepLinking.empty': 'Er zijn nog geen gepubliceerde cursussen voor jouw organisatie.',
  'ltiDeepLinking.pickOne': 'Kies minstens één onderdeel.',
  'ltiDeepLinking.badPick': 'Dit onderdeel bestaat niet.',
  'ltiDeepLinking.tooMany': 'Kies hooguit 100 onderdelen tegelijk.',
  'ltiDeepLinking.unknownPick': 'Dit onderdeel staat niet in jouw catalogus: {pick}',
  'ltiDeepLinking.oneItemOnly':
    '{platform} accepteert hier één onderdeel; je keuze levert er {count} op. Kies één les, cursus of werkproces.',
  'ltiDeepLinking.returning': 'Terug naar {platform}…',
  'ltiDeepLinking.returningText':
    'Je keuze wordt naar {platform} gestuurd. Gebeurt er niets, klik dan op de knop.',
  'ltiDeepLinking.back': 'Terug naar {platform}',
  'ltiDeepLinking.signedOutTitle': 'Begin opnieuw vanuit je leeromgeving',
  'ltiDeepLinking.signedOutText':
    'Je bent hier niet (meer) aangemeld. Sluit dit venster en kies opnieuw ‘externe tool’ of ‘inhoud toevoegen’ in je leeromgeving.',
  'ltiDeepLinking.notFoundTitle': 'Deze aanvraag bestaat niet',
  'ltiDeepLinking.notFoundText':
    'Deze aanvraag is onbekend of niet van jou. Begin opnieuw vanuit je leeromgeving.',
  'ltiDeepLinking.usedTitle': 'Deze aanvraag is al afgehandeld',
  'ltiDeepLinking.usedText':
    'Je keuze is al naar je leeromgeving gestuurd. Wil je nog iets plaatsen? Begin opnieuw vanuit je leeromgeving.',
  'ltiDeepLinking.expiredTitle': 'Deze aanvraag is verlopen',
  'ltiDeepLinking.expiredText':
    'Een aanvraag is een uur geldig. Begin opnieuw vanuit je leeromgeving.',
  'ltiDeepLinking.lessons': { one: '1 les', other: '{count} lessen' },
} as const
