/** Dutch messages: LTI registrations: dynamic and manual registration, the org admin pages (#20). Spread into nl.ts. */
export const ltiAdminNl = {
  'ltiAdmin.title': 'LTI-koppelingen',
  'ltiAdmin.intro':
    'Koppel de leeromgeving van een school of werkgever (Moodle, Canvas, itslearning) via LTI 1.3. Elke koppeling hoort bij deze organisatie: wie via het platform binnenkomt, leert als lid van deze organisatie.',
  'ltiAdmin.coursesLink': 'Cursussen en roosters',
  'ltiAdmin.toolUrls': 'Onze adressen voor het platform',
  'ltiAdmin.url.login': 'Login-initiatie (OIDC login URL)',
  'ltiAdmin.url.launch': 'Redirect-URI (launch)',
  'ltiAdmin.url.jwks': 'Publieke sleutels (JWKS-URL)',
  'ltiAdmin.url.deepLinking': 'Deep linking (inhoud kiezen)',
  'ltiAdmin.url.targetLink': 'Tool-URL (target link URI)',
  'ltiAdmin.url.domain': 'Domein',
  'ltiAdmin.dynamic': 'Dynamische registratie',
  'ltiAdmin.dynamicIntro':
    'Maak een koppellink en geef die aan de beheerder van het platform. Die plakt hem in Moodle of Canvas; het platform registreert zich dan zelf. Daarna bevestigt u de koppeling hieronder. De link werkt één keer en zeven dagen lang.',
  'ltiAdmin.createInvite': 'Koppellink voor dynamische registratie maken',
  'ltiAdmin.inviteCreated':
    'Koppellink gemaakt. Kopieer hem nu: hij wordt maar één keer getoond en is geldig tot {date}.',
  'ltiAdmin.platforms': 'Gekoppelde platforms',
  'ltiAdmin.noPlatforms': 'Nog geen platforms gekoppeld.',
  'ltiAdmin.manual': 'Handmatig registreren',
  'ltiAdmin.manualIntro':
    'Voor platforms zonder dynamische registratie (zoals itslearning): vul de gegevens in die het platform bij onze tool toont.',
  'ltiAdmin.field.name': 'Naam',
  'ltiAdmin.field.issuer': 'Issuer (platform-ID)',
  'ltiAdmin.field.clientId': 'Client-ID',
  'ltiAdmin.field.authLoginUrl': 'Authenticatie-URL (OIDC auth endpoint)',
  'ltiAdmin.field.authTokenUrl': 'Token-URL (OAuth2 access token)',
  'ltiAdmin.field.jwksUrl': 'Sleutelset-URL (JWKS)',
  'ltiAdmin.field.deploymentIds': "Deployment-ID's, één per regel",
  'ltiAdmin.register': 'Platform registreren',
  'ltiAdmin.status': 'Status',
  'ltiAdmin.status.pending': 'Wacht op bevestiging',
  'ltiAdmin.status.active': 'Actief',
  'ltiAdmin.status.disabled': 'Uitgeschakeld',
  'ltiAdmin.productFamily': 'Platform',
  'ltiAdmin.registeredVia': 'Geregistreerd via',
  'ltiAdmin.via.dynamic': 'dynamische registratie',
  'ltiAdmin.via.manual': 'handmatige registratie',
  'ltiAdmin.registeredAt': 'Geregistreerd op',
  'ltiAdmin.pendingHint':
    'Dit platform heeft zich zelf geregistreerd. Pas na uw bevestiging laten we launches ervan toe.',
  'ltiAdmin.confirm': 'Bevestigen',
  'ltiAdmin.disable': 'Uitschakelen',
  'ltiAdmin.enable': 'Weer inschakelen',
  'ltiAdmin.delete': '{name} verwijderen',
  'ltiAdmin.deployments': 'Deployments',
  'ltiAdmin.noDeployments':
    'Nog geen deployment-ID: voeg de ID toe die het platform toont, anders worden launches geweigerd.',
  'ltiAdmin.deploymentId': 'Deployment-ID',
  'ltiAdmin.removeDeployment': 'Deployment {id} verwijderen',
  'ltiAdmin.addDeployment': 'Deployment toevoegen',
  'ltiAdmin.badUrl': 'Vul een https-adres in.',
  'ltiAdmin.needDeployment': 'Vul minstens één deployment-ID in.',
  'ltiAdmin.duplicatePlatform': 'Deze combinatie van issuer en client-ID is al geregistreerd.',
  'ltiAdmin.duplicateDeployment': 'Deze deployment-ID staat er al.',
  'ltiAdmin.register.title': 'Leerplein koppelen',
  'ltiAdmin.register.intro':
    'Met deze link koppelt u uw leeromgeving aan Leerplein voor {organisation}. Een beheerder van {organisation} bevestigt de koppeling daarna.',
  'ltiAdmin.register.submit': 'Registreren bij Leerplein',
  'ltiAdmin.register.noConfiguration':
    'Open deze link vanuit de registratie van uw platform (Moodle: Tool URL, Canvas: dynamische registratie); het platform voegt zijn configuratie-adres toe.',
  'ltiAdmin.register.done':
    'Geregistreerd; een beheerder van {organisation} bevestigt de koppeling.',
  'ltiAdmin.register.closeHint': 'U kunt dit venster sluiten en verdergaan in uw platform.',
  'ltiAdmin.problem.invite-unknown':
    'Deze koppellink bestaat niet. Vraag een nieuwe aan bij de beheerder in Leerplein.',
  'ltiAdmin.problem.invite-used':
    'Deze koppellink is al gebruikt. Vraag een nieuwe aan bij de beheerder in Leerplein.',
  'ltiAdmin.problem.invite-expired':
    'Deze koppellink is verlopen. Vraag een nieuwe aan bij de beheerder in Leerplein.',
  'ltiAdmin.problem.bad-request':
    'Het platform gaf geen geldig configuratie-adres (openid_configuration) mee.',
  'ltiAdmin.problem.unreachable': 'Het platform was niet bereikbaar. Probeer het later opnieuw.',
  'ltiAdmin.problem.bad-configuration':
    'De configuratie van het platform is onvolledig of hoort niet bij dit platform (issuer).',
  'ltiAdmin.problem.refused': 'Het platform weigerde de registratie.',
  'ltiAdmin.problem.bad-answer':
    'Het platform gaf een onbruikbaar antwoord op de registratie (geen client-ID).',
  'ltiAdmin.problem.duplicate': 'Dit platform is met deze client-ID al geregistreerd.',
  'ltiAdmin.audit.inviteCreated': 'LTI-koppellink gemaakt',
  'ltiAdmin.audit.registered': 'LTI-platform geregistreerd',
  'ltiAdmin.audit.confirmed': 'LTI-platform bevestigd',
  'ltiAdmin.audit.disabled': 'LTI-platform uitgeschakeld',
  'ltiAdmin.audit.enabled': 'LTI-platform ingeschakeld',
  'ltiAdmin.audit.deleted': 'LTI-platform verwijderd',
  'ltiAdmin.audit.deploymentAdded': 'LTI-deployment toegevoegd',
  'ltiAdmin.audit.deploymentRemoved': 'LTI-deployment verwijderd',
} as const
