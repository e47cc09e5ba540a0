import type { PluralForms } from './catalog.ts'

/** Dutch messages of quality calibration (app/quality), spread into nl.ts. */
export const calibrationNl = {
  'calibration.title': 'Kalibratie',
  'calibration.intro':
    'Meerdere beoordelaars scoren hetzelfde contact, ieder voor zich. Pas als iedereen heeft gescoord, zie je de spreiding per onderdeel. Zo worden jullie beoordelingen gelijker en eerlijker. Kalibratiescores tellen nooit mee voor de medewerker.',
  'calibration.list': 'Kalibratiesessies',
  'calibration.none': 'Nog geen kalibratiesessies.',
  'calibration.evaluatorsLink':
    'Afwijking per beoordelaar en de onderdelen waarover jullie het minst eens zijn',
  'calibration.col.title': 'Sessie',
  'calibration.col.contactAt': 'Contact',
  'calibration.col.scored': 'Gescoord',
  'calibration.col.state': 'Stand',
  'calibration.col.deviation': 'Afwijking',
  'calibration.col.item': 'Onderdeel',
  'calibration.col.min': 'Laagste',
  'calibration.col.max': 'Hoogste',
  'calibration.col.range': 'Verschil',
  'calibration.col.sd': 'Standaardafwijking',
  'calibration.col.sessions': 'Sessies',
  'calibration.col.meanSd': 'Gem. standaardafwijking',
  'calibration.col.meanRange': 'Gem. verschil',
  'calibration.col.closedAt': 'Afgesloten',
  'calibration.open': 'open',
  'calibration.yourTurn': 'jouw score ontbreekt nog',
  'calibration.closedOn': 'afgesloten op {date}',
  'calibration.start': 'Een sessie starten',
  'calibration.noScorecard':
    'Maak eerst een scorekaart: een sessie scoort op de nieuwste versie ervan.',
  'calibration.field.title': 'Titel',
  'calibration.field.scorecard': 'Scorekaart',
  'calibration.field.agent': 'Medewerker van het contact',
  'calibration.field.externalId': 'Contact-ID (optioneel)',
  'calibration.field.contactAt': 'Datum van het contact',
  'calibration.field.channel': 'Kanaal',
  'calibration.field.evaluators': 'Beoordelaars',
  'calibration.field.evaluatorsHint':
    'Kies minstens twee: org-beheerders, teamleiders en kwaliteitscoaches.',
  'calibration.field.reference': 'Referentie',
  'calibration.field.referenceHint':
    'De score van deze beoordelaar telt als de juiste; zonder referentie telt het gemiddelde van alle beoordelaars (de consensus).',
  'calibration.consensus': 'Consensus (gemiddelde van alle beoordelaars)',
  'calibration.startButton': 'Sessie starten',
  'calibration.back': 'Terug naar kalibratie',
  'calibration.scored': 'Je score is opgeslagen.',
  'calibration.closedNotice': 'De sessie is afgesloten.',
  'calibration.evaluators': 'Beoordelaars',
  'calibration.hasScored': 'heeft gescoord',
  'calibration.notScored': 'nog niet gescoord',
  'calibration.closeHint':
    'Nog niet iedereen heeft gescoord. Je kunt de sessie afsluiten zodra er minstens twee scores zijn.',
  'calibration.close': 'Sessie afsluiten',
  'calibration.yourScore': 'Jouw score',
  'calibration.independent':
    'Scoor zelfstandig: de scores van anderen zie je pas als de sessie is afgesloten.',
  'calibration.comment': 'Toelichting',
  'calibration.submit': 'Score insturen',
  'calibration.ownScore': 'Jouw score:',
  'calibration.waiting': 'De spreiding verschijnt als iedereen heeft gescoord.',
  'calibration.totals': 'Totaal per beoordelaar',
  'calibration.basis.reference':
    'Afwijking ten opzichte van de referentiescore {benchmark}; meer dan {target} punten valt buiten de norm.',
  'calibration.basis.consensus':
    'Afwijking ten opzichte van de consensus (gemiddelde) {benchmark}; meer dan {target} punten valt buiten de norm.',
  'calibration.points': '{points} punten',
  'calibration.beyondTarget': 'buiten de norm',
  'calibration.spread': 'Spreiding per onderdeel',
  'calibration.spreadHint':
    'Laagste, hoogste, verschil en standaardafwijking in punten van 0 tot 100 (nee 0, ja 100; 1 tot 5 als 0, 25, 50, 75, 100); n.v.t. telt niet mee.',
  'calibration.evaluatorsTitle': 'Kalibratie: afwijking per beoordelaar',
  'calibration.evaluatorsIntro':
    'Uit {sessions} afgesloten sessies. Alleen org-beheerders en kwaliteitscoaches zien deze pagina. Meer dan {target} punten afwijking valt buiten de norm.',
  'calibration.disagreement': 'Onderdelen waarover jullie het minst eens zijn',
  'calibration.noHistory': 'Nog geen afgesloten sessies.',
  'calibration.perEvaluator': 'Afwijking per beoordelaar door de tijd',
  'calibration.meanDeviation': 'gemiddeld {points} punten afwijking',
  'calibration.timeline': 'Afwijking van {name} per sessie',
  'calibration.error.title': 'Geef de sessie een titel van 3 tot 120 tekens.',
  'calibration.error.scorecard': 'Kies een scorekaart van deze organisatie.',
  'calibration.error.agent': 'Kies een medewerker van deze organisatie.',
  'calibration.error.contactAt': 'Vul de datum van het contact in (niet in de toekomst).',
  'calibration.error.channel': 'Kies het kanaal.',
  'calibration.error.evaluators': 'Kies minstens twee beoordelaars.',
  'calibration.error.evaluator':
    'Alleen org-beheerders, teamleiders en kwaliteitscoaches van deze organisatie kunnen beoordelaar zijn.',
  'calibration.error.agentEvaluates':
    'De medewerker van het contact kan het eigen contact niet scoren.',
  'calibration.error.reference': 'De referentie moet een van de gekozen beoordelaars zijn.',
  'calibration.error.closed': 'Deze sessie is al afgesloten.',
  'calibration.error.alreadyScored': 'Je hebt dit contact in deze sessie al gescoord.',
  'calibration.error.tooFewScores': 'Afsluiten kan pas als er minstens twee scores zijn.',
} as const satisfies Record<string, string | PluralForms>
