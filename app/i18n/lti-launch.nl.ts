/** Dutch messages: LTI launches: login initiation, launch refusals, the embedded view (#20). Spread into nl.ts. */
export const ltiLaunchNl = {
  'audit.action.lti.account-created': 'Account aangemaakt bij een LTI-start',
  'ltiLaunch.title': 'Starten vanuit je leeromgeving',
  'ltiLaunch.again':
    'Open de les opnieuw vanuit je leeromgeving (Moodle, Canvas, itslearning). Blijft dit gebeuren, geef dan deze melding door aan de beheerder.',
  'ltiLaunch.code': 'Code voor de beheerder: {code}',
  'ltiLaunch.reason.get':
    'Dit adres ontvangt alleen startberichten van een leeromgeving. Open de les vanuit je leeromgeving.',
  'ltiLaunch.reason.missing': 'De leeromgeving stuurde een onvolledig startverzoek.',
  'ltiLaunch.reason.unknown-platform':
    'Deze leeromgeving is niet bij Leerplein geregistreerd. Vraag de beheerder van je organisatie om de koppeling te maken.',
  'ltiLaunch.reason.ambiguous':
    'Deze leeromgeving is meer dan eens geregistreerd en stuurde niet mee welke koppeling bedoeld is.',
  'ltiLaunch.reason.pending':
    'De koppeling met deze leeromgeving wacht nog op bevestiging door een beheerder van de organisatie.',
  'ltiLaunch.reason.disabled': 'De koppeling met deze leeromgeving staat uit.',
  'ltiLaunch.reason.platform': 'De koppeling met deze leeromgeving is niet (meer) actief.',
  'ltiLaunch.reason.state':
    'Deze start is verlopen, al gebruikt of in een ander browservenster begonnen.',
  'ltiLaunch.reason.signature': 'De ondertekening van het startbericht klopt niet.',
  'ltiLaunch.reason.expired': 'Het startbericht is verlopen.',
  'ltiLaunch.reason.issuer': 'Het startbericht komt niet van de geregistreerde leeromgeving.',
  'ltiLaunch.reason.audience': 'Het startbericht is niet voor deze koppeling bedoeld.',
  'ltiLaunch.reason.nonce': 'Dit startbericht is al eens gebruikt.',
  'ltiLaunch.reason.unreachable':
    'De sleutels van de leeromgeving zijn nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  'ltiLaunch.reason.claims': 'Het startbericht is onvolledig of past niet bij het startverzoek.',
  'ltiLaunch.reason.deployment':
    'Deze installatie van Leerplein in de leeromgeving (deployment) is niet geregistreerd.',
  'ltiLaunch.reason.unknown-target':
    'De cursus, les of het werkproces van deze link bestaat niet (meer).',
  'ltiLaunch.reason.foreign-course':
    'Deze cursus hoort bij een andere organisatie en kan vanuit deze leeromgeving niet worden geopend.',
  'ltiLaunch.reason.not-instructor':
    'Alleen docenten en ontwikkelaars kunnen lessen uit Leerplein kiezen.',
  'ltiLaunch.reason.no-access': 'Je account bij deze organisatie is gedeactiveerd.',
  'ltiLaunch.reason.platform-error': 'De leeromgeving meldde een fout bij het aanmelden.',
} as const
