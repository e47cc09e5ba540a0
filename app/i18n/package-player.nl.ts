/** Dutch messages: Playing SCORM and cmi5 packages (#21). Spread into nl.ts. */
export const packagePlayerNl = {
  'packagePlayer.title': 'Pakket afspelen',
  'packagePlayer.frameTitle': 'Lesinhoud: {title}',
  'packagePlayer.start': 'Start',
  'packagePlayer.continue': 'Verder',
  'packagePlayer.close': 'Sluiten en later verder',
  'packagePlayer.statusDone': 'Afgerond',
  'packagePlayer.statusBusy': 'Bezig',
  'packagePlayer.logIn': 'Log in om dit pakket te spelen',
  'packagePlayer.intro':
    'Deze les is een lespakket. Wat je doet wordt bewaard, zodat je later op elk apparaat verder kunt.',
  'packagePlayer.missing': 'Dit pakket kan nu niet worden gestart.',
  'packagePlayer.status': 'Status',
  'packagePlayer.completesWhen.completed':
    'Dit pakket telt als afgerond zodra je het tot het einde hebt doorlopen.',
  'packagePlayer.completesWhen.passed': 'Dit pakket telt als afgerond zodra je het haalt.',
  'packagePlayer.completesWhen.score':
    'Dit pakket telt als afgerond zodra je een score van minimaal {score}% haalt.',
}
