/** Dutch messages: the source language. Every key here must exist in en.ts too (typechecked). */
export const nl = {
  'app.name': 'Leerplein Contactcenter',
  'app.tagline': 'Leren en ontwikkelen langs het kwalificatiedossier',
  'nav.label': 'Hoofdmenu',
  'nav.home': 'Home',
  'nav.dossiers': 'Dossiers',
  'nav.competencies': 'Competenties',
  'nav.skip': 'Naar de inhoud',
  'lang.label': 'Taal',
  'lang.switchTo': 'English',
  'lang.switchToHint': 'Switch to English',
  'footer.text':
    'Leerplein Contactcenter: competentiegericht leren voor Nederlandse contactcenters. De dossierteksten zijn een eigen weergave, geen officiële tekst.',

  'home.title': 'Groeien van medewerker naar teamleider',
  'home.intro':
    'Leerplein Contactcenter koppelt cursussen, oefeningen en praktijkopdrachten aan het kwalificatiedossier Contactcenter teamleider. Zo zie je per werkproces waar je staat en wat de volgende stap is.',
  'home.cta': 'Bekijk de kwalificatiedossiers',
  'home.audiences': 'Voor wie',
  'home.learners.title': 'Lerenden',
  'home.learners.text':
    'Medewerkers die doorgroeien naar teamleider volgen modules, quizzen en gespreksscenario’s en leveren bewijs uit de praktijk. Voortgang is per werkproces zichtbaar.',
  'home.trainers.title': 'Trainers en assessoren',
  'home.trainers.text':
    'Trainers schrijven cursussen die aansluiten op kerntaken en werkprocessen; assessoren beoordelen praktijkbewijs met een rubric en tekenen af.',
  'home.employers.title': 'Werkgevers',
  'home.employers.text':
    'Contactcentermanagement volgt de ontwikkeling van de eigen medewerkers per werkproces, en alleen die van de eigen organisatie.',
  'home.records.title': 'Verifieerbare resultaten',
  'home.records.text':
    'Afgeronde werkprocessen en kerntaken leveren digitale certificaten (Open Badges 3.0) op die iedereen kan controleren.',

  'dossiers.title': 'Kwalificatiedossiers',
  'dossiers.intro':
    'Een kwalificatiedossier beschrijft een beroep in kerntaken, werkprocessen en competenties. Alle cursussen en beoordelingen op dit platform zijn daaraan gekoppeld.',
  'dossiers.empty': 'Er zijn nog geen dossiers geladen.',
  'dossiers.level': 'mbo-niveau {level}',
  'dossiers.crebo': 'crebo {crebo}',
  'dossiers.counts': '{coreTasks} kerntaken, {workProcesses} werkprocessen',
  'dossiers.allCompetencies': 'Alle 25 competenties (A-Y)',

  'dossier.qualificationCrebo': 'Kwalificatie crebo',
  'dossier.dossierCrebo': 'Dossier crebo',
  'dossier.level': 'Niveau',
  'dossier.edition': 'Editie',
  'dossier.validity': 'Geldig',
  'dossier.validFromTo': '{from} t/m {to}',
  'dossier.validFrom': 'vanaf {from}',
  'dossier.version': 'Versie op dit platform',
  'dossier.olderVersion': 'Je bekijkt versie {version}. Een nieuwere versie is beschikbaar.',
  'dossier.viewCurrent': 'Bekijk de huidige versie',
  'dossier.source': 'Bron en betrouwbaarheid',
  'dossier.confidence.official': 'officiële tekst',
  'dossier.confidence.paraphrased': 'eigen weergave van de officiële tekst',
  'dossier.confidence.reconstructed': 'reconstructie in eigen woorden',
  'dossier.structure': 'Kerntaken en werkprocessen',
  'dossier.matrix': 'Werkprocessen × competenties',
  'dossier.matrixCaption':
    'Welke competenties elk werkproces vraagt. Een vinkje betekent: dit werkproces doet een beroep op deze competentie.',
  'dossier.matrixWorkProcess': 'Werkproces',
  'dossier.matrixLinked': 'gekoppeld',
  'dossier.matrixNotLinked': 'niet gekoppeld',

  'workProcess.coreTask': 'Kerntaak',
  'workProcess.description': 'Omschrijving',
  'workProcess.result': 'Resultaat',
  'workProcess.indicators': 'Indicatoren',
  'workProcess.indicatorsIntro': 'Waar een assessor op let bij de beoordeling:',
  'workProcess.competencies': 'Competenties',
  'workProcess.back': 'Terug naar {dossier}',

  'competencies.title': 'De 25 competenties',
  'competencies.intro':
    'Werkprocessen in mbo-kwalificatiedossiers verwijzen naar één landelijke set van 25 competenties, met de letters A tot en met Y.',
  'competencies.code': 'Code',
  'competencies.name': 'Competentie',
  'competencies.description': 'Wat het betekent in een contactcenter',

  'error.notFound.title': 'Pagina niet gevonden',
  'error.notFound.text':
    'Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar de startpagina.',
  'error.forbidden.title': 'Geen toegang',
  'error.forbidden.text': 'Je hebt geen rechten voor deze pagina.',
  'error.generic.title': 'Er ging iets mis',
  'error.generic.text':
    'Probeer het later opnieuw. Blijft het misgaan, neem dan contact op met de beheerder.',
  'error.backHome': 'Naar de startpagina',
} as const

export type MessageKey = keyof typeof nl
