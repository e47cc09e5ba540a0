import { prisma } from '#app/db.server.ts'
import { addLesson, createBrowserCourse, saveLesson } from '#app/authoring/drafts.server.ts'
import { publishDraft } from '#app/authoring/publish.server.ts'
import { DEMO_TRAINER } from './demo-people.ts'

/**
 * A course Klantcontact Noord's trainer wrote in the browser: published once, and since then
 * edited in the draft, so the trainer area shows a version, a draft that differs from it and
 * a diff. Only Noord's people see it in the catalogue.
 */
const ESCALATIE = `## Wanneer escaleer je?

Een klant vraagt om "de leidinggevende". Dat is geen falen van de medewerker, maar een signaal. Bij Klantcontact Noord neem je het gesprek over als:

- de klant na twee pogingen van de medewerker nog steeds boos is;
- er een toezegging nodig is buiten het mandaat van de medewerker (bijvoorbeeld een vergoeding boven 50 euro);
- de klant dreigt met de media of een juridische stap.

<Callout type="tip" title="Eerst de medewerker">
Vraag de medewerker in tien seconden wat er speelt voordat je het gesprek overneemt. De klant hoeft het verhaal dan niet opnieuw te vertellen.
</Callout>

## Na het gesprek

Leg de afspraak vast in het klantdossier en bespreek het gesprek dezelfde dag kort met de medewerker.
`

const QUIZ = `Vier vragen over escaleren bij Klantcontact Noord. Je haalt de toets met 75 procent goed.

<Quiz passMark="75">
  <Question type="single" prompt="Een klant vraagt naar de leidinggevende. Wat doe je eerst?">
    <Option correct>Kort bij de medewerker navragen wat er speelt</Option>
    <Option>Direct het gesprek overnemen</Option>
    <Option>De klant laten terugbellen</Option>
    <Feedback>Zo hoeft de klant het verhaal niet opnieuw te vertellen.</Feedback>
  </Question>
  <Question type="single" prompt="Tot welk bedrag mag een medewerker zelf een vergoeding toezeggen?">
    <Option>25 euro</Option>
    <Option correct>50 euro</Option>
    <Option>100 euro</Option>
    <Feedback>Daarboven beslist de teamleider.</Feedback>
  </Question>
  <Question type="multiple" prompt="Wanneer neem je het gesprek over?">
    <Option correct>De klant dreigt met een juridische stap</Option>
    <Option correct>De klant is na twee pogingen nog boos</Option>
    <Option>De klant wil een adres wijzigen</Option>
    <Feedback>Adreswijzigingen horen gewoon bij de medewerker.</Feedback>
  </Question>
  <Question type="single" prompt="Wat doe je na een geëscaleerd gesprek?">
    <Option correct>Afspraak vastleggen en het gesprek dezelfde dag met de medewerker bespreken</Option>
    <Option>Niets, het gesprek is afgerond</Option>
    <Feedback>Vastleggen en nabespreken maakt er een leermoment van.</Feedback>
  </Question>
</Quiz>
`

export async function seedDemoAuthoring() {
  const [trainer, noord] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { email: DEMO_TRAINER.email }, select: { id: true } }),
    prisma.organisation.findUniqueOrThrow({
      where: { slug: 'klantcontact-noord' },
      select: { id: true },
    }),
  ])
  const courseId = 'noord-escaleren'
  await createBrowserCourse(
    {
      id: courseId,
      organisationId: noord.id,
      firstModule: 'Escaleren bij Klantcontact Noord',
      fields: {
        dossierSlug: 'contactcenter-teamleider',
        title: { nl: 'Escaleren bij Klantcontact Noord', en: 'Escalations at Klantcontact Noord' },
        summary: {
          nl: 'De werkafspraken van Klantcontact Noord over het overnemen van gesprekken en het nabespreken ervan.',
          en: 'Klantcontact Noord’s working agreements on taking over calls and debriefing them.',
        },
        audience: {
          nl: 'Teamleiders van Klantcontact Noord',
          en: 'Team leaders at Klantcontact Noord',
        },
        languages: ['nl'],
        selfEnrol: true,
      },
    },
    trainer.id,
  )
  const moduleId = (
    await prisma.draftModule.findFirstOrThrow({ where: { courseId }, select: { id: true } })
  ).id
  const lesson = { titleEn: null, competencies: ['H', 'R'], bodyEn: null }
  const reading = await addLesson(
    courseId,
    moduleId,
    {
      ...lesson,
      type: 'lesson',
      duration: 15,
      titleNl: 'Wanneer neem je een gesprek over?',
      workProcesses: ['TL-K2-W2'],
      bodyNl: ESCALATIE,
    },
    trainer.id,
  )
  await addLesson(
    courseId,
    moduleId,
    {
      ...lesson,
      type: 'quiz',
      duration: 10,
      titleNl: 'Toets escaleren',
      workProcesses: ['TL-K2-W2'],
      bodyNl: QUIZ,
    },
    trainer.id,
  )
  const published = await publishDraft(courseId, trainer.id)
  if (!published.ok) throw new Error(`demo course: ${JSON.stringify(published.problems)}`)
  // A later edit, not yet published.
  await saveLesson(
    courseId,
    reading!.id,
    1,
    {
      ...lesson,
      type: 'lesson',
      duration: 15,
      titleNl: 'Wanneer neem je een gesprek over?',
      workProcesses: ['TL-K2-W2'],
      bodyNl: ESCALATIE.replace('boven 50 euro', 'boven 75 euro (per 1 januari)'),
    },
    trainer.id,
  )
}
