/**
 * The demo organisations and people: realistic Dutch contact centers. Every account has the
 * password DEMO_PASSWORD. Listed in the README; e-mail addresses on .test never reach anyone.
 */
export const DEMO_PASSWORD = 'Demo-Wachtwoord-2026'

/** `assessor`: also a workplace assessor (the second signature on a proeve). */
type Person = { email: string; name: string; team?: string; assessor?: boolean }

export const DEMO_ADMIN: Person = { email: 'admin@demo.test', name: 'Eva Smit' }
export const DEMO_TRAINER: Person = { email: 'trainer@demo.test', name: 'Peter van Dijk' }

export const DEMO_ORGANISATIONS = [
  {
    slug: 'klantcontact-noord',
    name: 'Klantcontact Noord',
    kind: 'in_house' as const,
    clients: [] as string[],
    teams: [
      { name: 'Team Service', client: null },
      { name: 'Team Retentie', client: null },
    ],
    employers: [{ email: 'werkgever@noord.demo.test', name: 'Marieke de Boer' }],
    qualityCoaches: [{ email: 'kwaliteit@noord.demo.test', name: 'Esther Jansen' }] as Person[],
    teamLeaders: [
      {
        email: 'teamleider@noord.demo.test',
        name: 'Joost Bakker',
        team: 'Team Service',
        assessor: true,
      },
    ],
    learners: [
      { email: 'leerling@noord.demo.test', name: 'Lotte Visser', team: 'Team Service' },
      { email: 'daan.mulder@noord.demo.test', name: 'Daan Mulder', team: 'Team Service' },
      { email: 'fatima.bouzid@noord.demo.test', name: 'Fatima Bouzid', team: 'Team Service' },
      { email: 'tim.dekker@noord.demo.test', name: 'Tim Dekker', team: 'Team Service' },
      { email: 'sanne.hendriks@noord.demo.test', name: 'Sanne Hendriks', team: 'Team Service' },
      { email: 'ricardo.martins@noord.demo.test', name: 'Ricardo Martins', team: 'Team Service' },
      {
        email: 'anouk.vandenberg@noord.demo.test',
        name: 'Anouk van den Berg',
        team: 'Team Retentie',
      },
      { email: 'kevin.vos@noord.demo.test', name: 'Kevin Vos', team: 'Team Retentie' },
      {
        email: 'yasmina.elidrissi@noord.demo.test',
        name: 'Yasmina El Idrissi',
        team: 'Team Retentie',
      },
      { email: 'bram.peters@noord.demo.test', name: 'Bram Peters', team: 'Team Retentie' },
      { email: 'iris.kok@noord.demo.test', name: 'Iris Kok', team: 'Team Retentie' },
      { email: 'niels.jacobs@noord.demo.test', name: 'Niels Jacobs', team: 'Team Retentie' },
      { email: 'chantal.smits@noord.demo.test', name: 'Chantal Smits', team: 'Team Service' },
    ] as Person[],
  },
  {
    slug: 'callforce',
    name: 'CallForce BV',
    kind: 'outsourced' as const,
    clients: ['Energiek Nederland', 'TelcoPlus'],
    teams: [
      { name: 'Team Energiek', client: 'Energiek Nederland' },
      { name: 'Team TelcoPlus', client: 'TelcoPlus' },
    ],
    employers: [{ email: 'werkgever@callforce.demo.test', name: 'Ahmed El Amrani' }],
    qualityCoaches: [{ email: 'kwaliteit@callforce.demo.test', name: 'Rachid Bouali' }] as Person[],
    teamLeaders: [] as Person[],
    learners: [
      {
        email: 'jeroen.willems@callforce.demo.test',
        name: 'Jeroen Willems',
        team: 'Team Energiek',
      },
      { email: 'priya.ramdin@callforce.demo.test', name: 'Priya Ramdin', team: 'Team Energiek' },
      {
        email: 'lisa.vanleeuwen@callforce.demo.test',
        name: 'Lisa van Leeuwen',
        team: 'Team Energiek',
      },
      { email: 'mohamed.ouali@callforce.demo.test', name: 'Mohamed Ouali', team: 'Team Energiek' },
      { email: 'femke.brouwer@callforce.demo.test', name: 'Femke Brouwer', team: 'Team TelcoPlus' },
      {
        email: 'stefan.degroot@callforce.demo.test',
        name: 'Stefan de Groot',
        team: 'Team TelcoPlus',
      },
      { email: 'naomi.koster@callforce.demo.test', name: 'Naomi Koster', team: 'Team TelcoPlus' },
      { email: 'thomas.meijer@callforce.demo.test', name: 'Thomas Meijer', team: 'Team TelcoPlus' },
      {
        email: 'ilse.verhoeven@callforce.demo.test',
        name: 'Ilse Verhoeven',
        team: 'Team TelcoPlus',
      },
    ] as Person[],
  },
]

/**
 * Single sign-on for Klantcontact Noord through the local demo provider (`npm run demo:idp`).
 * Password login stays on, so the demo works without the provider running. The provider
 * knows every Noord person (their groups claim names their team) and one newcomer, whom the
 * first login creates just-in-time in Team Retentie.
 */
export const DEMO_SSO = {
  organisation: 'klantcontact-noord',
  issuer: 'http://localhost:3555',
  port: 3555,
  clientId: 'leerplein-demo',
  clientSecret: 'demo-sso-geheim-2026',
  domains: ['noord.demo.test'],
  newcomer: { email: 'nieuw@noord.demo.test', name: 'Noor Nieuwenhuis', team: 'Team Retentie' },
}

/**
 * Klantcontact Noord's own learning platform, "Noord Academy" (a Moodle), registered as an
 * LTI 1.3 platform: two links in its course for new team leaders, launched by two learners
 * (their scores go back at their next launch); and a school's Canvas waiting for the org
 * admin's confirmation.
 * `npm run demo:lms` runs a stand-in for Noord Academy at its issuer's address.
 */
export const DEMO_LTI = {
  organisation: 'klantcontact-noord',
  academy: {
    name: 'Noord Academy (Moodle)',
    issuer: 'http://127.0.0.1:3556',
    port: 3556,
    clientId: 'Hk3vQ9bL2mXw7Tz',
    deploymentId: '1',
    context: { contextId: '12', title: 'Teamleider in opleiding – cohort 2026' },
    links: [
      {
        resourceLinkId: '31',
        lineItemId: '40',
        title: 'Het coachingsgesprek',
        targetKind: 'lesson',
        targetRef: 'tl-k2-coachen/tl-k2-w3-coachgesprek',
      },
      {
        resourceLinkId: '32',
        lineItemId: '41',
        title: 'Werkproces: coacht medewerkers (TL-K2-W3)',
        targetKind: 'work-process',
        targetRef: 'contactcenter-teamleider/TL-K2-W3',
      },
    ],
    learners: [
      { email: 'leerling@noord.demo.test', name: 'Lotte Visser', subject: '204' },
      { email: 'daan.mulder@noord.demo.test', name: 'Daan Mulder', subject: '205' },
    ],
    teacher: { subject: '7', name: 'Ingrid Smeets', email: 'i.smeets@academy.noord.demo.test' },
  },
  pending: {
    name: 'ROC Noord (Canvas)',
    issuer: 'https://canvas.instructure.com',
    clientId: '10000000000042',
    deploymentId: '17:5d1c0a9e8b7f6e5d4c3b2a19081726354a5b6c7d',
  },
}

/**
 * Klantcontact Noord's bought e-learning (#21): a SCORM 2004 package kept as a folder in
 * courses/packages/, mapped to "Handelt klachten af" of the employee dossier.
 */
export const DEMO_PACKAGE = {
  organisation: 'klantcontact-noord',
  folder: 'klacht-deescaleren',
  identifier: 'klacht-deescaleren',
  dossierSlug: 'contactcenter-medewerker',
  workProcessCode: 'CM-K1-W2',
  title: 'Een klacht de-escaleren',
}

/**
 * Everyone the demo data names, once: what must never show up in the server's log
 * (e2e/personal-data-in-logs.teardown.ts scans an e2e run's log for these).
 */
export function everyDemoPerson(): Array<{ name: string; email: string }> {
  const people = [
    DEMO_ADMIN,
    DEMO_TRAINER,
    ...DEMO_ORGANISATIONS.flatMap((o) => [
      ...o.employers,
      ...o.qualityCoaches,
      ...o.teamLeaders,
      ...o.learners,
    ]),
    DEMO_SSO.newcomer,
    ...DEMO_LTI.academy.learners,
    DEMO_LTI.academy.teacher,
  ]
  const byEmail = new Map(people.map((p) => [p.email, { name: p.name, email: p.email }]))
  return [...byEmail.values()]
}
