import { PDFDocument, StandardFonts } from 'pdf-lib'
import { prisma } from '#app/db.server.ts'
import { recordAssessment } from '#app/assessment/assessments.server.ts'
import { currentCriteria, saveCriteria } from '#app/assessment/criteria.server.ts'
import { submitEvidence } from '#app/assessment/evidence.server.ts'
import { sniffEvidenceType } from '#app/evidence/file-type.server.ts'

const TL = 'contactcenter-teamleider'

/**
 * Demo workplace evidence and assessments, made with the same functions learners and
 * assessors use, so records are issued and signed exactly as in real use. Lotte Visser passes
 * the proeve of core task K2 (two assessors: trainer Peter van Dijk and her team leader Joost
 * Bakker) and has TL-K1-W1 signed off, so she holds work-process and core-task records; more
 * evidence waits in the assessors' queues.
 */
export async function seedDemoAssessments() {
  // Without the dossiers (DEMO_DATA on an empty content folder) there is nothing to assess.
  if (
    (await prisma.dossier.count({ where: { slug: { in: [TL, 'contactcenter-medewerker'] } } })) < 2
  )
    return
  const id = async (email: string) =>
    (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id
  const orgId = async (slug: string) =>
    (await prisma.organisation.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id
  const [noord, callforce, trainer, joost, lotte, daan, jeroen] = await Promise.all([
    orgId('klantcontact-noord'),
    orgId('callforce'),
    id('trainer@demo.test'),
    id('teamleider@noord.demo.test'),
    id('leerling@noord.demo.test'),
    id('daan.mulder@noord.demo.test'),
    id('jeroen.willems@callforce.demo.test'),
  ])

  // Klantcontact Noord asks explicitly for the development plan (POP) in coaching.
  const seeded = (await currentCriteria(noord, TL, 'TL-K2-W3'))!
  await saveCriteria({
    organisationId: noord,
    dossierSlug: TL,
    workProcessCode: 'TL-K2-W3',
    basedOn: seeded.version,
    criteria: [
      ...seeded.criteria,
      {
        nl: 'Legt de afspraken uit het coachgesprek vast in het POP van de medewerker, met een evaluatiedatum.',
        en: "Records the agreements from the coaching conversation in the agent's development plan (POP), with a review date.",
        requiredLevel: 'gevorderd',
      },
    ],
    actorId: trainer,
  })

  const base = { dossierSlug: TL, coreTaskCode: null, file: null } as const
  const proeve = await submitEvidence({
    ...base,
    userId: lotte,
    organisationId: noord,
    kind: 'proeve',
    coreTaskCode: 'TL-K2',
    title: 'Proeve van bekwaamheid kerntaak 2: begeleiden en coachen in Team Service',
    narrative:
      'Gedurende vier weken heb ik twee nieuwe medewerkers ingewerkt volgens het inwerkplan, wekelijks ' +
      'coachgesprekken gevoerd op basis van beluisterde gesprekken en de afspraken in hun POP vastgelegd. ' +
      'Bij de start van de campagne "Overstapservice" heb ik het team geïnstrueerd over het nieuwe script ' +
      'en de procedure bij opzeggingen. Joost Bakker observeerde op de vloer, Peter van Dijk beoordeelde ' +
      'de verslagen en een opgenomen coachgesprek.',
    workProcessCodes: ['TL-K2-W1', 'TL-K2-W2', 'TL-K2-W3', 'TL-K2-W4'],
    competencies: ['C', 'D', 'H', 'I', 'R', 'T', 'K'],
  })
  for (const code of ['TL-K2-W1', 'TL-K2-W2', 'TL-K2-W3', 'TL-K2-W4']) {
    await signOff(proeve.id, code, trainer, noord, 'Sterke onderbouwing met verslagen en opnames.')
    await signOff(proeve.id, code, joost, noord, 'Op de vloer gezien: consequent en rustig.')
  }

  const briefing = await submitEvidence({
    ...base,
    userId: lotte,
    organisationId: noord,
    kind: 'call_review',
    title: 'Dienstbriefing en bijsturen op het wallboard, dinsdag 10 november',
    narrative:
      'Verslag van de ochtenddienst: briefing met prioriteiten, herverdeling van twee medewerkers van ' +
      'outbound naar de inbound-wachtrij toen het service level onder 70% zakte, en de evaluatie na afloop.',
    workProcessCodes: ['TL-K1-W1'],
    competencies: ['B', 'A', 'Q'],
  })
  await signOff(
    briefing.id,
    'TL-K1-W1',
    trainer,
    noord,
    'Tijdig bijgestuurd en helder gecommuniceerd.',
  )

  // Waiting for an assessor: a roster as a PDF file, and a call review by a colleague.
  const roster = await rosterPdf()
  await submitEvidence({
    ...base,
    userId: lotte,
    organisationId: noord,
    kind: 'upload',
    title: 'Weekrooster Team Service, week 48',
    narrative:
      'Rooster op basis van de verkeersprognose (Erlang C) met 30% shrinkage en de verlofaanvragen ' +
      'van het team. Toelichting op de keuzes staat op de tweede regel.',
    workProcessCodes: ['TL-K3-W1'],
    competencies: ['Q', 'M'],
    file: { bytes: roster, name: 'weekrooster-week-48.pdf', type: sniffEvidenceType(roster)! },
  })
  await submitEvidence({
    ...base,
    userId: daan,
    organisationId: noord,
    kind: 'coaching_log',
    title: 'Coachingslog: drie gesprekken over gespreksafsluiting',
    narrative:
      'Drie coachgesprekken met Kevin over het samenvatten en afsluiten van gesprekken, met afspraken ' +
      'en een evaluatie na twee weken. FCR van Kevin steeg van 68% naar 74%.',
    workProcessCodes: ['TL-K2-W3'],
    competencies: ['C', 'H', 'R'],
  })

  // CallForce: feedback that asks for more.
  const intake = await submitEvidence({
    ...base,
    dossierSlug: 'contactcenter-medewerker',
    userId: jeroen,
    organisationId: callforce,
    kind: 'call_review',
    title: 'Gespreksanalyse inkomend gesprek Energiek Nederland',
    narrative: 'Eigen analyse van een opgenomen gesprek over een hoge jaarafrekening.',
    workProcessCodes: ['CM-K1-W1'],
    competencies: ['R', 'K', 'V'],
  })
  const criteria = (await currentCriteria(callforce, 'contactcenter-medewerker', 'CM-K1-W1'))!
  await recordAssessment({
    evidenceId: intake.id,
    workProcessCode: 'CM-K1-W1',
    assessorId: trainer,
    decision: 'not_yet',
    comment:
      'Goede analyse van je eigen toon. Lever een tweede gesprek aan waarin je de klant zelf de oplossing laat bevestigen.',
    criteriaVersion: criteria.version,
    scores: criteria.criteria.map((_, i) => ({
      level: i === 0 ? 'bekwaam' : 'gevorderd',
      comment: i === 0 ? '' : 'Vraag aan het eind of het probleem is opgelost.',
    })),
  })
}

async function signOff(
  evidenceId: string,
  code: string,
  assessorId: string,
  organisationId: string,
  comment: string,
) {
  const criteria = (await currentCriteria(organisationId, TL, code))!
  await recordAssessment({
    evidenceId,
    workProcessCode: code,
    assessorId,
    decision: 'signed_off',
    comment,
    criteriaVersion: criteria.version,
    scores: criteria.criteria.map(() => ({ level: 'bekwaam', comment: '' })),
  })
}

/** A small, real PDF for the demo upload. */
async function rosterPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const page = pdf.addPage([595, 842])
  const lines = [
    'Weekrooster Team Service, week 48',
    'Prognose: 4.200 contacten, piek maandag 09:00-11:00; shrinkage 30%.',
    'Keuze: twee extra medewerkers op maandagochtend, verlof op donderdag toegekend.',
  ]
  lines.forEach((text, i) => page.drawText(text, { x: 50, y: 780 - i * 24, size: 12, font }))
  return pdf.save()
}
