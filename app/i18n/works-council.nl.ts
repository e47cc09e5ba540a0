/**
 * Dutch messages of the works-council pack (informatie voor de ondernemingsraad, #22): the
 * page, and the document it and the PDF are written in. Spread into nl.ts.
 */
export const worksCouncilNl = {
  'wc.tab': 'Ondernemingsraad',
  'wc.pageIntro':
    'Dit document geef je aan de ondernemingsraad. Het is samengesteld uit de actuele instellingen van je organisatie: verander je een instelling, dan verandert het document mee. Download de PDF om het te delen.',
  'wc.downloadPdf': 'Download als PDF',
  'wc.languageNote': 'Het document volgt de taal van de site; de PDF ook.',
  'wc.title': 'Informatie voor de ondernemingsraad',
  'wc.subtitle': '{organisation} · Leerplein · samengesteld op {date}',
  'wc.page': 'Pagina {page} van {pages}',

  'wc.about.heading': 'Over dit document',
  'wc.about.purpose':
    '{organisation} gebruikt Leerplein om medewerkers op te leiden, hun voortgang te volgen, hun klantcontacten op kwaliteit te beoordelen en hen te coachen. Omdat het systeem geschikt is om de prestaties van medewerkers te volgen, heeft de werkgever voor de invoering en voor belangrijke wijzigingen de instemming van de ondernemingsraad nodig (artikel 27 lid 1 sub l Wet op de ondernemingsraden).',
  'wc.about.generated':
    'Dit document is op {date} samengesteld uit de instellingen van {organisation} in Leerplein, op dat moment. Verandert een instelling, dan verandert dit document mee: de beheerder kan altijd een nieuwe versie downloaden.',
  'wc.about.members': 'Actieve leden (alle rollen)',
  'wc.about.deactivated': 'Gedeactiveerde accounts (gegevens nog bewaard)',
  'wc.about.teams': 'Teams',

  'wc.recorded.heading': 'Wat er wordt vastgelegd',
  'wc.recorded.intro':
    'Leerplein legt per medewerker het volgende vast. Tussen haakjes staat hoeveel er nu voor {organisation} is vastgelegd.',
  'wc.recorded.account':
    'Account: naam, e-mailadres, rollen en teams, en inlogsessies (tijdstip, apparaat en IP-adres).',
  'wc.recorded.learning':
    'Leren: cursussen, afgeronde lessen, quizpogingen met de gekozen antwoorden, reflecties en een logboek van leergebeurtenissen (wat en wanneer).',
  'wc.recorded.ladder':
    'Voortgang per werkproces van het kwalificatiedossier, in stappen van ‘niet begonnen’ tot ‘bekwaam’, met de geschiedenis.',
  'wc.recorded.evidence':
    'Praktijkbewijs met de beoordeling door een assessor, en behaalde resultaten (certificaten) ({evidence} bewijsstukken, {records} resultaten).',
  'wc.recorded.quality':
    'Kwaliteitsbeoordelingen van klantcontacten (gesprekken, chats, e-mails): score per onderdeel, opmerkingen, soms een opname, en de reactie of het bezwaar van de medewerker ({count} beoordelingen).',
  'wc.recorded.coaching': 'Coachgesprekken: wat besproken is en de afspraken ({count} gesprekken).',
  'wc.recorded.kpi':
    'KPI’s per week (gemiddelde gespreksduur, oplossing bij eerste contact, klanttevredenheid, NPS, roosterdiscipline), als de organisatie die importeert ({count} weekregels).',
  'wc.recorded.assignments': 'Opdrachten van de werkgever, met de deadline.',
  'wc.recorded.logs':
    'Een controlespoor (wie besliste wat en wanneer) en een toegangslog (wie de persoonsgegevens van een ander bekeek).',
  'wc.recorded.notRecorded':
    'Niet vastgelegd: aanwezigheid, werktijden, locatie, schermactiviteit of toetsaanslagen. Leerplein neemt zelf geen gesprekken op; een opname komt alleen in Leerplein als iemand die bij een kwaliteitsbeoordeling voegt.',
  'wc.recorded.appendix':
    'De volledige lijst, zoals een medewerker die in de download van zijn of haar eigen gegevens vindt, staat in de bijlage.',

  'wc.roles.heading': 'Wie ziet wat',
  'wc.roles.intro':
    'Iedereen ziet zijn of haar eigen gegevens. Wat iemand over anderen ziet, hangt af van de rol in {organisation}. Welke rol wat mag, ligt vast in de software en wordt bij elke pagina op de server gecontroleerd; een werkgever ziet nooit gegevens van een andere organisatie. Iemand kan meer rollen hebben.',
  'wc.roles.holders': {
    one: '{role}: {count} persoon',
    other: '{role}: {count} personen',
  },
  'wc.roles.nobody': 'Niemand in {organisation} heeft nu deze rol.',
  'wc.role.learner': 'Medewerker (lerende)',
  'wc.role.team_leader': 'Teamleider',
  'wc.role.employer_admin': 'Beheerder namens de werkgever',
  'wc.role.quality_coach': 'Kwaliteitscoach',
  'wc.role.trainer': 'Trainer',
  'wc.role.assessor': 'Assessor (beoordelaar van praktijkbewijs)',
  'wc.can.learn:courses:own':
    'Volgt cursussen en ziet de eigen voortgang, bewijsstukken, resultaten, kwaliteitsbeoordelingen, coachgesprekken en KPI’s; niets van collega’s.',
  'wc.can.read:members:org':
    'Ziet de lijst van medewerkers (naam, e-mailadres, rollen, teams) en het controlespoor van de organisatie.',
  'wc.can.manage:members:org':
    'Nodigt mensen uit, wijzigt rollen, deactiveert accounts en zet de koppelingen aan of uit (SSO, SCIM, LTI, LRS, HR-koppeling).',
  'wc.can.manage:teams:org': 'Beheert de teams en wie erin zit.',
  'wc.can.read:progress:org':
    'Ziet van alle medewerkers de voortgang per werkproces, de resultaten, opdrachten, een samenvatting van de leeractiviteit (hoeveel en wanneer) en de KPI’s per week; kan dit exporteren (CSV, Excel) en het leerlogboek van een medewerker downloaden (met quizscores). Quizantwoorden en reflecties ziet de werkgever niet.',
  'wc.can.read:progress:team':
    'Ziet van de medewerkers in de eigen teams de voortgang per werkproces, de resultaten, opdrachten, een samenvatting van de leeractiviteit en de KPI’s per week, en kan dat exporteren. Geen quizscores, quizantwoorden of reflecties.',
  'wc.can.author:courses:org':
    'Schrijft en publiceert cursussen voor de organisatie; ziet daarbij geen gegevens van medewerkers.',
  'wc.can.assess:evidence:org':
    'Beoordeelt het praktijkbewijs dat medewerkers inleveren (met de bijgevoegde bestanden) en tekent werkprocessen af als bekwaam.',
  'wc.can.evaluate:contacts:org':
    'Beoordeelt klantcontacten van alle medewerkers, ziet de beoordelingen en coachgesprekken die hij of zij zelf gaf, en van elke medewerker het verloop van de scores per werkproces.',
  'wc.can.evaluate:contacts:team':
    'Beoordeelt en coacht de medewerkers van de eigen teams en ziet hun kwaliteitsbeoordelingen, coachgesprekken en het verloop van hun scores.',
  'wc.can.read:evaluations:org':
    'Ziet alle kwaliteitsbeoordelingen en coachgesprekken van de organisatie, met bijgevoegde opnames en bezwaren.',
  'wc.can.calibrate:org':
    'Houdt kalibratiesessies en ziet per beoordelaar hoeveel die afwijkt van de groep (dit gaat over de beoordelaars: teamleiders en kwaliteitscoaches).',
  'wc.can.manage:quality:org':
    'Beheert scorekaarten en kwaliteitsregels, beslist over bezwaren en importeert beoordelingen en KPI’s.',
  'wc.roles.platform':
    'Platformbeheerder (de leverancier of de eigen IT-afdeling): ziet welke organisaties er zijn met hun aantallen leden, de uitgaande e-mails en de wachtrij van taken; de pagina’s van de organisatie alleen met een rol daarin. Wie de server beheert, kan technisch bij de database: leg vast wat die mag in de verwerkersovereenkomst.',

  'wc.rules.heading': 'Regels die automatisch op medewerkers werken',
  'wc.rules.none':
    'Er staan geen kwaliteitsregels aan: Leerplein doet niets automatisch op grond van kwaliteitsscores.',
  'wc.rules.intro':
    'Kwaliteitsregels zetten beoordeelde klantcontacten automatisch om in leren. Deze regels staan aan:',
  'wc.rules.kind.assign_lesson': 'lessen toewijzen bij onvoldoende scores',
  'wc.rules.kind.demonstrated': 'praktijkbewijs inleveren bij voldoende scores',
  'wc.rules.ruleHeading': '{code} {title}: {kind}',
  'wc.rules.assign_lesson':
    'Scoort een medewerker in {below} van de laatste {window} beoordeelde contacten onvoldoende op dit werkproces, dan krijgt hij of zij de lessen ervan als opdracht, af binnen {dueDays} dagen. De medewerker en zijn of haar teamleider krijgen daarover een e-mail. Wie al een openstaande opdracht voor dit werkproces heeft of de kennis al heeft afgerond, wordt overgeslagen.',
  'wc.rules.demonstrated':
    'Na {passing} voldoende beoordeelde contacten op dit werkproces (geteld sinds de vorige keer) levert de regel die contacten in als praktijkbewijs. Een assessor beoordeelt het bewijs; de regel beslist niets.',
  'wc.rules.firings': {
    one: 'Tot nu toe {count} keer uitgevoerd.',
    other: 'Tot nu toe {count} keer uitgevoerd.',
  },
  'wc.rules.neverFired': 'Nog niet uitgevoerd.',
  'wc.rules.when':
    'Een regel wordt uitgevoerd zodra een beoordeling van een medewerker wordt opgeslagen of geïmporteerd, en één keer voor iedereen wanneer de beheerder de regel aanzet (na een proefrun die laat zien wie hij zou raken).',
  'wc.rules.limits':
    'Geen regel maakt iemand bekwaam of onbekwaam, en geen regel raakt beloning, beoordeling van het functioneren of het dienstverband: regels wijzen alleen leren toe of leveren bewijs in. Elke uitvoering staat in het controlespoor en in de download van de medewerker.',
  'wc.rules.switchedOff': {
    one: '{count} regel staat uit en doet niets.',
    other: '{count} regels staan uit en doen niets.',
  },

  'wc.integrations.heading': 'Koppelingen met andere systemen',
  'wc.integrations.intro':
    'Welke koppelingen aan staan, bepaalt welke gegevens Leerplein uitwisselt met systemen van {organisation} of anderen.',
  'wc.sso.title': 'Inloggen via de eigen inlogdienst (SSO)',
  'wc.sso.on':
    'Aan. Medewerkers met een e-mailadres op {domains} loggen in via {issuer}. Leerplein bewaart daarvan alleen het kenmerk waaronder de inlogdienst iemand kent.',
  'wc.sso.noDomains': 'Aan, via {issuer}. Er is nog geen e-maildomein aan gekoppeld.',
  'wc.sso.createsAccounts':
    'Wie voor het eerst zo inlogt, krijgt automatisch een account met de rol ‘{role}’.',
  'wc.sso.invitedOnly':
    'Accounts worden niet automatisch gemaakt: iemand moet eerst worden uitgenodigd.',
  'wc.sso.passwordOff': 'Inloggen met een wachtwoord van Leerplein staat uit.',
  'wc.sso.off': 'Uit: medewerkers loggen in met een wachtwoord van Leerplein.',
  'wc.scim.title': 'Accounts bijhouden vanuit het personeelssysteem (SCIM)',
  'wc.scim.on':
    'Aan ({tokens}). Het personeelssysteem maakt accounts aan en deactiveert ze, zet mensen in teams en geeft naam, e-mailadres, afdeling en leidinggevende door.',
  'wc.scim.brand': 'Het kenmerk ‘{attribute}’ bepaalt de opdrachtgever van iemands team.',
  'wc.scim.off': 'Uit: accounts worden met de hand of via uitnodigingen bijgehouden.',
  'wc.lti.title': 'Lessen openen vanuit een leeromgeving (LTI)',
  'wc.lti.on':
    'Aan voor {platforms}. Zo’n leeromgeving opent lessen van Leerplein; Leerplein bewaart hoe de leeromgeving de medewerker kent, stuurt de scores van lessen terug en kan deelnemerslijsten overnemen.',
  'wc.lti.pending': '{name} (wacht op bevestiging)',
  'wc.lti.off': 'Uit.',
  'wc.lrs.title': 'Leergegevens doorsturen naar een eigen Learning Record Store (LRS)',
  'wc.lrs.on':
    'Aan: elke leergebeurtenis van de actieve medewerkers (les afgerond, quizresultaat, voortgang) gaat als xAPI-statement naar {host}. Daar gelden de afspraken en bewaartermijnen van dat systeem.',
  'wc.lrs.paused': 'Ingesteld (naar {host}), maar gepauzeerd: er gaat niets heen.',
  'wc.lrs.off': 'Uit: leergegevens blijven in Leerplein.',
  'wc.hrApi.title': 'HR-koppeling (API)',
  'wc.hrApi.on':
    'Aan. Een HR-systeem leest met een sleutel; het kan niets wijzigen. Elke sleutel en wat hij mag lezen:',
  'wc.hrApi.token': '{name}: {scopes}; {lastUsed}.',
  'wc.hrApi.nothing': 'niets',
  'wc.hrApi.off': 'Uit: er is geen actieve sleutel.',
  'wc.scope.progress:read': 'voortgang per werkproces van alle medewerkers',
  'wc.scope.records:read': 'behaalde resultaten',
  'wc.scope.quality:read':
    'kwaliteitsbeoordelingen (scores en feiten van het contact, zonder opmerkingen of bezwaarteksten)',
  'wc.lastUsed': 'laatst gebruikt op {date}',
  'wc.neverUsed': 'nog nooit gebruikt',

  'wc.retention.heading': 'Hoe lang gegevens worden bewaard',
  'wc.retention.own': '{organisation} heeft eigen bewaartermijnen ingesteld:',
  'wc.retention.default': '{organisation} gebruikt de standaardtermijnen van Leerplein:',
  'wc.retention.examEvidence': 'Praktijkbewijs en de beoordelingen ervan (examenmateriaal)',
  'wc.retention.learningEvents': 'Leerlogboek, quizpogingen en pogingen in lespakketten',
  'wc.retention.evaluations': 'Kwaliteitsbeoordelingen en de coachgesprekken die erop voortbouwen',
  'wc.retention.kpis': 'KPI’s per week',
  'wc.retention.months': { one: '{count} maand', other: '{count} maanden' },
  'wc.retention.afterQualification': '{months} na het resultaat van de kwalificatie',
  'wc.retention.afterRecorded': '{months} na het vastleggen',
  'wc.retention.job':
    'Wat ouder is dan de termijn, verwijdert Leerplein elke nacht. Een bewaarplicht (legal hold, bijvoorbeeld bij een geschil of een bezwaar tegen een examen) houdt de gegevens van één persoon vast zolang die geldt. Uitgegeven resultaten blijven controleerbaar.',
  'wc.retention.holds': {
    one: 'Er geldt nu {count} bewaarplicht.',
    other: 'Er gelden nu {count} bewaarplichten.',
  },
  'wc.retention.noHolds': 'Er geldt nu geen bewaarplicht.',

  'wc.rights.heading': 'Rechten van medewerkers',
  'wc.rights.download':
    'Inzage en overdraagbaarheid (AVG art. 15 en 20): op de pagina Account downloadt iedere medewerker met één klik alles wat Leerplein over hem of haar bewaart.',
  'wc.rights.accessLog':
    'Wie keek: de medewerker ziet wie zijn of haar gegevens bekeek (een leidinggevende die de voortgang opende, een beoordelaar die een bewijsstuk downloadde, een HR-koppeling die gegevens las).',
  'wc.rights.erasure':
    'Wissen (AVG art. 17): een medewerker of beheerder kan vragen het account te wissen; een beheerder beslist. Examenmateriaal en een bewaarplicht kunnen het wissen uitstellen. Uitgegeven resultaten blijven controleerbaar zonder meer persoonsgegevens dan nodig.',
  'wc.rights.dispute':
    'Reageren op een beoordeling: een medewerker ziet elke kwaliteitsbeoordeling van zijn of haar contacten en kan er bezwaar tegen maken; een beheerder beslist over het bezwaar.',
  'wc.rights.contact':
    '{organisation} is verwerkingsverantwoordelijke: vragen en verzoeken gaan naar de beheerder van {organisation}.',

  'wc.appendix.heading': 'Bijlage: de bestanden van de persoonlijke download',
  'wc.appendix.intro':
    'Zo beschrijft de download van een medewerker wat erin zit (in de woorden waarin de medewerker het leest):',
}
