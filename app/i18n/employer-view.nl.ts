/** Dutch messages: The employer matrix and team views on laptop and phone (#19). Spread into nl.ts. */
export const employerViewNl = {
  'employerView.collapse': 'Kerntaak {code} inklappen',
  'employerView.expand': 'Kerntaak {code} uitklappen',
  'employerView.expandAll': 'Alles uitklappen',
  'employerView.collapseHint': 'Klap een kerntaak in (−) voor een samenvatting per medewerker.',
  'employerView.summary':
    '{code}: {competent} van {total} werkprocessen bekwaam; {started} begonnen',
  'employerView.scrollRegion': 'Voortgangsmatrix, scrolt horizontaal',
  'employerView.person': 'Medewerker bekijken',
  'employerView.personHint': 'Kies een medewerker om zijn of haar werkprocessen te zien.',
  'employerView.personHeading': 'Werkprocessen van {name}',
  'employerView.personProfile': 'Naar het profiel van {name}',
  'employerView.competentOf': '{competent}/{total} bekwaam',
} as const
