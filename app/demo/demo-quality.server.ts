import { getMemberships } from '#app/auth/authorize.server.ts'
import { prisma } from '#app/db.server.ts'
import { findPublishedLesson, recordCompletion } from '#app/domain/progress.server.ts'
import {
  confirmCoaching,
  handInCoaching,
  logCoachingSession,
} from '#app/quality/coaching.server.ts'
import {
  insertEvaluation,
  insertEvaluations,
  type NewEvaluation,
} from '#app/quality/evaluations.server.ts'
import type { ItemAnswer, ScorecardDefinition } from '#app/quality/scorecard-definition.ts'
import { guessKpiMapping, importKpis } from '#app/quality/kpi-import.server.ts'
import { qualityScopeOf } from '#app/quality/quality-access.server.ts'
import { createRule, setRuleEnabled } from '#app/quality/rules.server.ts'
import { STARTER_DOSSIER, STARTER_SCORECARD } from '#app/quality/starter-scorecard.ts'
import { readTabularFile } from '#app/quality/tabular-file.server.ts'

/**
 * Demo quality monitoring: Klantcontact Noord scores its agents' contacts every week for half a
 * year on a scorecard that changed once, with a plausible trend (most agents improve slowly;
 * Lotte Visser's after-contact registration is weak until she is coached and takes the lesson;
 * Kevin Vos's and Iris Kok's have slipped lately, so the registration rule has fired for them),
 * two calibration sessions, and disputes; CallForce has a scorecard per client brand. Written
 * through insertEvaluations, so every score is computed exactly as the scoring form computes it.
 * Numbers come from a seeded generator: every fresh demo looks the same.
 */

const WEEK = 7 * 24 * 3600 * 1000
const WEEKS = 26

/** mulberry32: small, seeded, good enough to make demo scores vary. */
function generator(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Version 2 asks the agent to summarise the agreements when closing (week 16 onwards). */
export function noordScorecardV2(): ScorecardDefinition {
  const v2 = structuredClone(STARTER_SCORECARD)
  v2.sections
    .find((s) => s.key === 'closing')!
    .items.push({
      key: 'summary',
      nl: 'Vat de gemaakte afspraken samen',
      en: 'Summarises the agreements made',
      scale: 'yes_no',
      weight: 1,
      critical: false,
    })
  return v2
}

function brandScorecard(brand: 'energie' | 'telecom'): ScorecardDefinition {
  const card = structuredClone(STARTER_SCORECARD)
  const solution = card.sections.find((s) => s.key === 'solution')!
  if (brand === 'energie') {
    solution.items.push({
      key: 'meter-reading',
      nl: 'Legt de meterstand en de jaarafrekening juist uit',
      en: 'Explains the meter reading and the annual bill correctly',
      scale: 'one_to_five',
      weight: 2,
      critical: false,
    })
  } else {
    card.sections.push({
      key: 'offer',
      nl: 'Passend aanbod',
      en: 'Fitting offer',
      weight: 10,
      threshold: 70,
      workProcesses: ['CM-K2-W1'],
      items: [
        {
          key: 'needs-offer',
          nl: 'Doet een aanbod dat past bij het gebruik van de klant',
          en: 'Makes an offer that fits the customer usage',
          scale: 'one_to_five',
          weight: 1,
          critical: false,
        },
      ],
    })
  }
  return card
}

/**
 * Answers for one contact: `skill` (0-1) is how well this agent does in general, `weak` lists
 * items this agent struggles with at this moment.
 */
function answersFor(
  definition: ScorecardDefinition,
  skill: number,
  weak: ReadonlySet<string>,
  random: () => number,
): Record<string, ItemAnswer> {
  const answers: Record<string, ItemAnswer> = {}
  for (const section of definition.sections)
    for (const item of section.items) {
      const p = weak.has(item.key) ? 0.3 : item.critical ? 0.985 : skill
      if (item.scale === 'yes_no') answers[item.key] = { value: random() < p ? 1 : 0 }
      else {
        const point = Math.round(1 + 4 * p + (random() - 0.5) * 1.6)
        answers[item.key] = { value: Math.min(5, Math.max(1, point)) }
      }
      if (item.key === 'check' && random() < 0.08) answers[item.key] = { value: null }
    }
  if (weak.has('notes'))
    answers.notes = { value: 2, comment: 'Notitie mist de afspraak met de klant.' }
  return answers
}

async function userIds(emails: string[]) {
  const users = await prisma.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true },
  })
  return new Map(users.map((u) => [u.email, u.id]))
}

async function agentsOf(organisationId: string, team: string) {
  return prisma.membership.findMany({
    where: {
      organisationId,
      roles: { some: { role: 'learner' } },
      NOT: { roles: { some: { role: 'team_leader' } } },
      teams: { some: { team: { name: team } } },
    },
    orderBy: { user: { email: 'asc' } },
    select: { userId: true, user: { select: { email: true } } },
  })
}

/** A weekday working moment in week `w` (0 = 26 weeks ago), never in the future. */
function contactMoment(now: Date, w: number, random: () => number) {
  const start = now.getTime() - (WEEKS - w) * WEEK
  const day = Math.floor(random() * 5) * 24 * 3600 * 1000
  const hour = (9 + Math.floor(random() * 8)) * 3600 * 1000
  return new Date(Math.min(start + day + hour, now.getTime() - 3600 * 1000))
}

export async function seedDemoQuality(now = new Date()) {
  const noord = await prisma.organisation.findUniqueOrThrow({
    where: { slug: 'klantcontact-noord' },
    select: { id: true },
  })
  if (await prisma.scorecard.count({ where: { organisationId: noord.id } })) return
  const ids = await userIds([
    'werkgever@noord.demo.test',
    'teamleider@noord.demo.test',
    'kwaliteit@noord.demo.test',
    'werkgever@callforce.demo.test',
    'kwaliteit@callforce.demo.test',
  ])
  const admin = ids.get('werkgever@noord.demo.test')!
  const teamLeader = ids.get('teamleider@noord.demo.test')!
  const coach = ids.get('kwaliteit@noord.demo.test')!
  const random = generator(2026)

  const card = await prisma.scorecard.create({
    data: {
      organisationId: noord.id,
      name: 'Kwaliteitsscorekaart Klantcontact',
      channels: '["phone","chat","email"]',
      createdAt: new Date(now.getTime() - WEEKS * WEEK),
      versions: {
        create: [
          {
            version: 1,
            dossierSlug: STARTER_DOSSIER,
            definition: JSON.stringify(STARTER_SCORECARD),
            createdById: admin,
            createdAt: new Date(now.getTime() - WEEKS * WEEK),
          },
          {
            version: 2,
            dossierSlug: STARTER_DOSSIER,
            definition: JSON.stringify(noordScorecardV2()),
            createdById: admin,
            createdAt: new Date(now.getTime() - 10 * WEEK),
          },
        ],
      },
    },
    select: { versions: { orderBy: { version: 'asc' }, select: { id: true } } },
  })
  const [v1, v2] = card.versions as [{ id: string }, { id: string }]

  const plan: NewEvaluation[] = []
  const service = await agentsOf(noord.id, 'Team Service')
  const retentie = await agentsOf(noord.id, 'Team Retentie')
  for (const [team, evaluator] of [
    [service, teamLeader],
    [retentie, coach],
  ] as const) {
    for (const [i, agent] of team.entries()) {
      // Everyone starts somewhere between 0.70 and 0.86 and grows a little every week.
      const base = 0.7 + ((i * 37) % 17) / 100
      for (let w = 0; w < WEEKS; w++) {
        if (random() < 0.12) continue // holidays, sick days, quiet weeks
        const lotte = agent.user.email === 'leerling@noord.demo.test'
        // Lotte's registration is weak until her coaching in week 13 and the lesson after it.
        // Kevin's and Iris's notes have slipped lately: the registration rule fires for them.
        const slipping =
          (agent.user.email === 'kevin.vos@noord.demo.test' ||
            agent.user.email === 'iris.kok@noord.demo.test') &&
          w >= WEEKS - 5
        const weak = new Set((lotte && w < 14) || slipping ? ['notes', 'disposition'] : [])
        const skill = Math.min(0.97, base + w * 0.006)
        const definition = w >= WEEKS - 10 ? noordScorecardV2() : STARTER_SCORECARD
        plan.push({
          organisationId: noord.id,
          scorecardVersionId: w >= WEEKS - 10 ? v2.id : v1.id,
          dossierSlug: STARTER_DOSSIER,
          definition,
          evaluatorId: evaluator,
          agentId: agent.userId,
          contact: {
            externalId: `NRD-${2026_0000 + plan.length}`,
            contactAt: contactMoment(now, w, random),
            channel: random() < 0.7 ? 'phone' : random() < 0.6 ? 'chat' : 'email',
            durationSeconds: 180 + Math.floor(random() * 420),
            clientBrand: null,
          },
          answers: answersFor(definition, skill, weak, random),
          comment: weak.size
            ? 'Let op de registratie na het gesprek: afspraken en afhandelcode.'
            : '',
        })
      }
    }
  }
  await writeEvaluations(plan, now)
  await seedCalibrations(noord.id, v2.id, [admin, teamLeader, coach], now, random)
  await seedCoaching(noord.id, now)
  await seedRules(noord.id, now)
  await seedKpis(noord.id, now, random)
  await seedCallForce(ids, now, random)
}

/** The quality scope of a demo person in an organisation, as their request would get it. */
async function scopeOf(email: string, organisationId: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
  const membership = (await getMemberships(user)).find((m) => m.organisation.id === organisationId)!
  return (await qualityScopeOf(user.id, membership))!
}

const COACHING: Array<{
  agent: string
  weeksAgo: number
  code: string
  discussed: string
  agreements: string
  confirmed: boolean
}> = [
  {
    agent: 'leerling@noord.demo.test',
    weeksAgo: 13,
    code: 'CM-K3-W2',
    discussed:
      'Samen twee gesprekken teruggeluisterd en de notities in het CRM erbij gepakt. De oplossing was goed, maar de afspraak met de klant stond niet in de notitie en de afhandelcode was twee keer "overig".',
    agreements:
      'Lotte doet de micro-les over registreren en overdragen. Na elk gesprek eerst de afspraak en de termijn noteren, dan pas de afhandelcode kiezen. Over drie weken kijken we samen naar vijf notities.',
    confirmed: true,
  },
  {
    agent: 'daan.mulder@noord.demo.test',
    weeksAgo: 9,
    code: 'CM-K1-W2',
    discussed:
      'Klachtgesprek over een dubbele incasso: Daan bleef rustig, maar beloofde een terugbetaling zonder het te controleren.',
    agreements: 'Eerst nagaan, dan toezeggen; bij twijfel de klant binnen een dag terugbellen.',
    confirmed: true,
  },
  {
    agent: 'sanne.hendriks@noord.demo.test',
    weeksAgo: 5,
    code: 'CM-K1-W4',
    discussed: 'Afsluiten van gesprekken: Sanne checkt niet altijd of de klant verder geholpen is.',
    agreements: 'Elke afsluiting met de vraag of er nog iets is; in twee weken samen meeluisteren.',
    confirmed: true,
  },
  {
    agent: 'tim.dekker@noord.demo.test',
    weeksAgo: 1,
    code: 'CM-K1-W1',
    discussed: 'Doorvragen bij vage vragen: Tim gaat snel zoeken in de kennisbank.',
    agreements: 'Eerst de vraag samenvatten en laten bevestigen, dan pas zoeken.',
    confirmed: false,
  },
]

/**
 * Joost Bakker's coaching log: sessions linked to the scores they were about, confirmed by the
 * agents; the first two handed in as evidence for his own TL-K2-W3. Lotte takes the
 * registration micro-lesson the week after her session, which her trend shows.
 */
async function seedCoaching(organisationId: string, now: Date) {
  const scope = await scopeOf('teamleider@noord.demo.test', organisationId)
  const sessions: string[] = []
  for (const c of COACHING) {
    const agent = await prisma.user.findUniqueOrThrow({
      where: { email: c.agent },
      select: { id: true },
    })
    const heldAt = new Date(now.getTime() - c.weeksAgo * WEEK)
    const about = await prisma.evaluation.findMany({
      where: {
        agentId: agent.id,
        calibrationSessionId: null,
        contactAt: { lt: heldAt },
        workProcesses: { some: { workProcessCode: c.code } },
      },
      orderBy: { contactAt: 'desc' },
      take: 2,
      select: { id: true },
    })
    const { id } = await logCoachingSession(scope, {
      agentId: agent.id,
      heldAt,
      evaluationIds: about.map((e) => e.id),
      workProcesses: [`${STARTER_DOSSIER}/${c.code}`],
      discussed: c.discussed,
      agreements: c.agreements,
      followUpAt: new Date(heldAt.getTime() + 3 * WEEK),
    })
    if (c.confirmed) await confirmCoaching(agent.id, id)
    sessions.push(id)
  }
  await handInCoaching(scope, { sessionIds: sessions.slice(0, 2), workProcessCodes: ['TL-K2-W3'] })
  const lotte = await prisma.user.findUniqueOrThrow({
    where: { email: 'leerling@noord.demo.test' },
    select: { id: true },
  })
  const lesson = await findPublishedLesson('cm-k3-w2-registreren-overdragen')
  if (lesson) {
    await recordCompletion(lotte.id, lesson, 'done')
    await prisma.lessonCompletion.update({
      where: { userId_lessonKey: { userId: lotte.id, lessonKey: lesson.lessonKey } },
      data: { completedAt: new Date(now.getTime() - 12 * WEEK) },
    })
  }
}

/**
 * Two rules, switched on through the same path as the rules page (so the registration rule
 * has fired for agents whose notes fell short twice in their last four contacts).
 */
async function seedRules(organisationId: string, _now: Date) {
  const scope = await scopeOf('werkgever@noord.demo.test', organisationId)
  const assign = await createRule(scope, {
    kind: 'assign_lesson',
    workProcess: `${STARTER_DOSSIER}/CM-K3-W2`,
    parameters: { below: 2, window: 4, dueDays: 14 },
  })
  await setRuleEnabled(scope, assign.id, true)
  const demonstrated = await createRule(scope, {
    kind: 'demonstrated',
    workProcess: `${STARTER_DOSSIER}/CM-K1-W1`,
    parameters: { passing: 30 },
  })
  await setRuleEnabled(scope, demonstrated.id, true)
}

/** Twelve weeks of KPIs per agent, imported as the weekly report of the telephony platform. */
async function seedKpis(organisationId: string, now: Date, random: () => number) {
  const scope = await scopeOf('werkgever@noord.demo.test', organisationId)
  const agents = await prisma.membership.findMany({
    where: { organisationId, roles: { some: { role: 'learner' } } },
    select: { user: { select: { email: true } } },
  })
  const lines = ['Agent e-mail;Week;AHT;FCR %;CSAT;NPS;Adherence %']
  for (let w = 12; w >= 1; w--) {
    const monday = new Date(now.getTime() - w * WEEK)
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7))
    const week = monday.toISOString().slice(0, 10)
    for (const a of agents) {
      const aht = 300 + Math.floor(random() * 140) - w * 2
      const fcr = (72 + random() * 14 + (12 - w) * 0.3).toFixed(1)
      const csat = (7.4 + random() * 1.2).toFixed(1)
      const nps = Math.round(10 + random() * 35)
      const adherence = (88 + random() * 9).toFixed(1)
      lines.push(`${a.user.email};${week};${aht};${fcr};${csat};${nps};${adherence}`)
    }
  }
  const file = await readTabularFile(new TextEncoder().encode(lines.join('\r\n')))
  await importKpis({
    scope,
    mapping: guessKpiMapping(file.headers),
    file,
    fileName: 'kpi-week-rapport-telefonie.csv',
  })
}

/** One transaction; the older ones seen by the agent (a day later), the newest still open. */
async function writeEvaluations(plan: NewEvaluation[], now: Date) {
  const day = 24 * 3600 * 1000
  await prisma.$transaction(
    (tx) =>
      insertEvaluations(
        tx,
        plan.map((input) => ({
          ...input,
          acknowledgedAt:
            now.getTime() - input.contact.contactAt.getTime() > 10 * day
              ? new Date(input.contact.contactAt.getTime() + day + 2 * 3600 * 1000)
              : null,
        })),
      ),
    { timeout: 120_000 },
  )
}

/** Two closed calibration sessions on one contact each, scored by three evaluators. */
async function seedCalibrations(
  organisationId: string,
  versionId: string,
  evaluators: string[],
  now: Date,
  random: () => number,
) {
  const agent = await prisma.user.findUniqueOrThrow({
    where: { email: 'daan.mulder@noord.demo.test' },
    select: { id: true },
  })
  const definition = noordScorecardV2()
  for (const [title, weeksAgo] of [
    ['Kalibratie: klacht over dubbele incasso', 8],
    ['Kalibratie: opzegging met retentieaanbod', 3],
  ] as const) {
    const contactAt = new Date(now.getTime() - weeksAgo * WEEK)
    await prisma.$transaction(async (tx) => {
      const session = await tx.calibrationSession.create({
        data: {
          organisationId,
          scorecardVersionId: versionId,
          title,
          agentId: agent.id,
          externalId: `NRD-KAL-${weeksAgo}`,
          contactAt,
          channel: 'phone',
          createdById: evaluators[0]!,
          createdAt: contactAt,
          closedAt: new Date(contactAt.getTime() + 2 * 24 * 3600 * 1000),
          evaluators: { create: evaluators.map((userId) => ({ userId })) },
        },
        select: { id: true },
      })
      // Each evaluator a little stricter or milder: the spread the session is about.
      for (const [n, evaluatorId] of evaluators.entries())
        await insertEvaluation(tx, {
          organisationId,
          scorecardVersionId: versionId,
          dossierSlug: STARTER_DOSSIER,
          definition,
          evaluatorId,
          agentId: agent.id,
          calibrationSessionId: session.id,
          contact: {
            externalId: null,
            contactAt,
            channel: 'phone',
            durationSeconds: 412,
            clientBrand: null,
          },
          answers: answersFor(definition, 0.62 + n * 0.12, new Set(), random),
          comment: '',
        })
    })
  }
}

/** CallForce: one scorecard per client brand, and two months of scores by its quality coach. */
async function seedCallForce(ids: Map<string, string>, now: Date, random: () => number) {
  const callforce = await prisma.organisation.findUniqueOrThrow({
    where: { slug: 'callforce' },
    select: { id: true, clients: { select: { id: true, name: true } } },
  })
  const admin = ids.get('werkgever@callforce.demo.test')!
  const coach = ids.get('kwaliteit@callforce.demo.test')!
  for (const [brand, client, team] of [
    ['energie', 'Energiek Nederland', 'Team Energiek'],
    ['telecom', 'TelcoPlus', 'Team TelcoPlus'],
  ] as const) {
    const definition = brandScorecard(brand)
    const card = await prisma.scorecard.create({
      data: {
        organisationId: callforce.id,
        name: `Scorekaart ${client}`,
        clientId: callforce.clients.find((c) => c.name === client)!.id,
        channels: brand === 'energie' ? '["phone","email"]' : '["phone","chat","social"]',
        versions: {
          create: {
            version: 1,
            dossierSlug: STARTER_DOSSIER,
            definition: JSON.stringify(definition),
            createdById: admin,
          },
        },
      },
      select: { versions: { select: { id: true } } },
    })
    const plan: NewEvaluation[] = []
    for (const agent of await agentsOf(callforce.id, team))
      for (let w = WEEKS - 8; w < WEEKS; w++)
        plan.push({
          organisationId: callforce.id,
          scorecardVersionId: card.versions[0]!.id,
          dossierSlug: STARTER_DOSSIER,
          definition,
          evaluatorId: coach,
          agentId: agent.userId,
          contact: {
            externalId: `CF-${brand}-${plan.length + 1}`,
            contactAt: contactMoment(now, w, random),
            channel: 'phone',
            durationSeconds: 240 + Math.floor(random() * 300),
            clientBrand: client,
          },
          answers: answersFor(definition, 0.78 + random() * 0.12, new Set(), random),
          comment: '',
        })
    await writeEvaluations(plan, now)
  }
}
