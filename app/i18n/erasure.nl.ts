/** Dutch messages: erasing an account under the AVG (#22). Spread into nl.ts. */
export const erasureNl = {
  'erasure.audit.requested': 'Verzoek tot wissen ingediend',
  'erasure.audit.approved': 'Verzoek tot wissen goedgekeurd',
  'erasure.audit.rejected': 'Verzoek tot wissen afgewezen',
  'erasure.audit.done': 'Account gewist',
  'erasure.accountLink': 'Mijn account laten wissen',
  'erasure.title': 'Account laten wissen',
  'erasure.intro':
    'Je hebt het recht om je gegevens te laten wissen (AVG artikel 17). Na het wissen kun je niet meer inloggen en staat nergens meer je naam, e-mailadres, wat je schreef of wat je uploadde.',
  'erasure.whatGoes': 'Wat verdwijnt',
  'erasure.whatGoesList':
    'Je naam en e-mailadres, je wachtwoord en sessies, je reflecties, de tekst en bestanden van je bewijsstukken, opmerkingen in beoordelingen en coachgesprekken over jou, en je koppelingen met SSO, LTI en wallets.',
  'erasure.whatStays': 'Wat blijft, zonder jouw naam',
  'erasure.whatStaysList':
    'Cijfers die je organisatie telt (voortgang per werkproces, scores, KPI’s) blijven bestaan onder een willekeurig kenmerk dat niet meer naar jou te herleiden is. Bewijzen die je kreeg blijven controleerbaar: bewaar je eigen exemplaar (download eerst al je gegevens), want het platform houdt alleen de status bij, niet meer je naam.',
  'erasure.waitNote':
    'Je werkgever beslist over het verzoek. Staat er een bewaarplicht op je gegevens (een lopende procedure, of examenmateriaal dat na je diploma nog 18 maanden bewaard moet blijven), dan wordt het wissen uitgesteld tot die voorbij is.',
  'erasure.organisation': 'Bij welke organisatie dien je het verzoek in?',
  'erasure.confirm': 'Ik begrijp dat dit niet ongedaan kan worden gemaakt',
  'erasure.confirmRequired': 'Bevestig dat je begrijpt dat wissen definitief is.',
  'erasure.submit': 'Verzoek tot wissen indienen',
  'erasure.submitted': 'Je verzoek is ingediend.',
  'erasure.openRequest': 'Je verzoek van {date}: {status}.',
  'erasure.status.requested': 'wacht op een besluit van je werkgever',
  'erasure.orgStatus.requested': 'wacht op een besluit',
  'erasure.status.approved': 'goedgekeurd, wordt uitgevoerd',
  'erasure.status.rejected': 'afgewezen',
  'erasure.status.done': 'uitgevoerd',
  'erasure.waiting.legal_hold':
    'Het wissen wacht: er rust een bewaarplicht (legal hold) op je gegevens.',
  'erasure.waiting.exam_retention':
    'Het wissen wacht tot {date}: examenmateriaal moet tot dan bewaard blijven.',
  'erasure.error.open_request': 'Er loopt al een verzoek.',
  'erasure.error.not_member': 'Deze persoon is geen lid van deze organisatie.',
  'erasure.error.not_open': 'Over dit verzoek is al besloten.',
  'erasure.error.erased': 'Dit account is al gewist.',
  'erasure.orgTitle': 'Verzoeken tot wissen',
  'erasure.orgIntro':
    'Medewerkers kunnen vragen hun gegevens te wissen (AVG artikel 17). Beslis binnen een maand. Na goedkeuring wist het platform het account zodra er geen bewaarplicht meer op rust; organisatiecijfers blijven kloppen en uitgegeven bewijzen blijven controleerbaar.',
  'erasure.none': 'Er zijn geen verzoeken.',
  'erasure.col.person': 'Medewerker',
  'erasure.col.requested': 'Ingediend',
  'erasure.col.status': 'Status',
  'erasure.col.decision': 'Besluit',
  'erasure.byThePerson': 'door de medewerker zelf',
  'erasure.byAdmin': 'door {name}',
  'erasure.approve': 'Goedkeuren',
  'erasure.reject': 'Afwijzen',
  'erasure.rejectNote': 'Reden van afwijzing',
  'erasure.noteRequired': 'Geef een reden van minstens 10 tekens.',
  'erasure.decided': 'Het besluit is vastgelegd.',
  'erasure.fileFor': 'Verzoek indienen namens een medewerker',
  'erasure.member': 'Medewerker',
  'erasure.chooseMember': 'Kies een medewerker.',
  'erasure.erasedPerson': 'Gewist account',
  'erasure.record.erased':
    'De houder van dit bewijs heeft zijn gegevens laten wissen. Dit platform bewaart alleen nog wat er behaald is en de status; het exemplaar van de houder blijft controleerbaar.',
  'erasure.record.gone':
    'De houder van dit bewijs heeft zijn gegevens laten wissen: het platform heeft geen ondertekend exemplaar meer. Vraag de houder om zijn exemplaar en controleer dat op /verify.',
}
