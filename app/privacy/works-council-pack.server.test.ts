import { PDFDocument } from 'pdf-lib'
import { beforeAll, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { seedDemoData } from '#app/demo/demo-data.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { createApiToken } from '#app/employer/api-tokens.server.ts'
import { saveForwarding } from '#app/integrations/lrs/forwarding.server.ts'
import * as pdfRoute from '#app/routes/orgs/$slug/works-council-pdf.ts'
import * as pageRoute from '#app/routes/orgs/$slug/works-council.tsx'
import { cookieFor } from '#tests/factories.ts'
import { drawnLines } from '#tests/pdf-text.ts'
import { call, getRequest } from '#tests/route-call.ts'
import type { WorksCouncilDocument } from './works-council-document.ts'
import { worksCouncilPack } from './works-council-pack.server.ts'
import { renderWorksCouncilPdf } from './works-council-pdf.server.ts'

const NOORD = 'klantcontact-noord'
let noordId: string

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  await seedDemoData()
  noordId = (await prisma.organisation.findUniqueOrThrow({ where: { slug: NOORD } })).id
}, 300_000)

/** Everything the document says, one string per block (headings, paragraphs, list items, pairs). */
function textOf(document: WorksCouncilDocument) {
  return document.sections.flatMap((section) => [
    section.heading,
    ...section.blocks.flatMap((block) =>
      block.kind === 'list'
        ? block.items
        : block.kind === 'facts'
          ? block.items.map((i) => `${i.label}: ${i.value}`)
          : [block.text],
    ),
  ])
}

const section = (document: WorksCouncilDocument, id: string) =>
  textOf({ ...document, sections: document.sections.filter((s) => s.id === id) }).join('\n')

async function pack(locale: 'nl' | 'en') {
  const found = await worksCouncilPack(noordId, locale)
  if (!found) throw new Error('no pack for Klantcontact Noord')
  return found
}

const userId = async (email: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { email } })).id

test('the pack of Klantcontact Noord states its real settings, in Dutch and in English', async () => {
  const { facts, document: nl } = await pack('nl')
  const { document: en } = await pack('en')

  // The facts are the organisation's: its members, rules, integrations and periods.
  const learners = await prisma.membership.count({
    where: { organisationId: noordId, deactivatedAt: null, roles: { some: { role: 'learner' } } },
  })
  expect(facts.members.byRole.learner).toBe(learners)
  expect(facts.members.teams).toBe(2)
  expect(facts.sso).toMatchObject({ domains: ['noord.demo.test'], createsAccounts: true })
  expect(facts.rules.map((r) => [r.kind, r.workProcessCode])).toEqual([
    ['assign_lesson', 'CM-K3-W2'],
    ['demonstrated', 'CM-K1-W1'],
  ])
  expect(facts.hrApi).toEqual([
    { name: 'HR-systeem (demo)', scopes: ['progress:read', 'records:read'], lastUsedAt: null },
  ])
  expect(facts.lrs).toBeNull()
  // The demo sets its own periods: the defaults, with KPI weeks kept for 12 months.
  expect(facts.retention).toMatchObject({ ownPolicy: true, evaluationMonths: 24, kpiMonths: 12 })

  expect(nl.title).toBe('Informatie voor de ondernemingsraad')
  expect(nl.subtitle).toContain('Klantcontact Noord')
  const rules = section(nl, 'rules')
  expect(rules).toContain('CM-K3-W2')
  expect(rules).toContain('in 2 van de laatste 4 beoordeelde contacten onvoldoende')
  expect(rules).toContain('af binnen 14 dagen')
  expect(rules).toContain('Na 30 voldoende beoordeelde contacten')
  const integrations = section(nl, 'integrations')
  expect(integrations).toContain('Medewerkers met een e-mailadres op noord.demo.test loggen in')
  expect(integrations).toContain('rol ‘Medewerker (lerende)’')
  expect(integrations).toContain('Entra ID (demo)')
  expect(integrations).toContain(
    'Noord Academy (Moodle), ROC Noord (Canvas) (wacht op bevestiging)',
  )
  expect(integrations).toContain('Uit: leergegevens blijven in Leerplein.')
  expect(integrations).toContain(
    'HR-systeem (demo): voortgang per werkproces van alle medewerkers, behaalde resultaten; nog nooit gebruikt.',
  )
  expect(section(nl, 'retention')).toContain('eigen bewaartermijnen')
  expect(section(nl, 'retention')).toContain('24 maanden na het vastleggen')
  expect(section(nl, 'retention')).toContain('12 maanden na het vastleggen')
  // Each role with its holders and what the permission table lets it see.
  const roles = section(nl, 'roles')
  expect(roles).toContain(`Medewerker (lerende): ${learners} personen`)
  expect(roles).toContain('Teamleider: 1 persoon')
  expect(roles).toContain('Quizantwoorden en reflecties ziet de werkgever niet.')
  expect(section(nl, 'appendix')).toContain('evaluations.json: Kwaliteitsbeoordelingen')

  expect(en.title).toBe('Information for the works council')
  expect(section(en, 'rules')).toContain('fails this work process in 2 of their last 4')
  expect(section(en, 'integrations')).toContain('Off: learning data stays in Leerplein.')
  expect(section(en, 'integrations')).toContain('at noord.demo.test sign in through')
  expect(section(en, 'retention')).toContain('24 months after being recorded')
  expect(section(en, 'roles')).toContain(`Employee (learner): ${learners} people`)
  // The same sections in both languages, and no message key left untranslated.
  expect(en.sections.map((s) => s.id)).toEqual(nl.sections.map((s) => s.id))
  for (const text of [...textOf(nl), ...textOf(en)]) expect(text).not.toMatch(/\bwc\.|\{\w+\}/)
})

test('the PDF holds the same text over several A4 pages, Dutch characters intact', async () => {
  const { facts, document } = await pack('nl')
  const bytes = await renderWorksCouncilPdf(document, {
    organisation: facts.organisation.name,
    generatedAt: facts.generatedAt,
  })
  // pdf-lib parses it back as a whole document; no independent PDF text extractor is installed,
  // so the text is read from the drawn lines of the content streams (tests/pdf-text.ts).
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  expect(pdf.getPageCount()).toBeGreaterThan(2)
  expect(pdf.getTitle()).toBe('Informatie voor de ondernemingsraad: Klantcontact Noord')
  const pages = await drawnLines(bytes)
  pages.forEach((lines, i) => expect(lines).toContain(`Pagina ${i + 1} van ${pages.length}`))
  const text = pages.flat().join(' ')
  for (const phrase of [
    'Informatie voor de ondernemingsraad',
    'Regels die automatisch op medewerkers werken',
    'CM-K3-W2',
    'KPI’s per week',
    'geïmporteerd',
    'HR-systeem (demo)',
    'noord.demo.test',
  ])
    expect(text).toContain(phrase)
  // Wrapped at word boundaries: a long paragraph reads back whole when the lines are joined.
  expect(text).toContain(
    'Geen regel maakt iemand bekwaam of onbekwaam, en geen regel raakt beloning',
  )
})

test("the page and the PDF are for the organisation's admins only, in the asked language", async () => {
  const admin = await cookieFor(await userId('werkgever@noord.demo.test'))
  const page = await call(
    pageRoute.loader,
    getRequest(`/orgs/${NOORD}/privacy/works-council`, admin),
    {
      slug: NOORD,
    },
  )
  expect(page.status).toBe(200)
  expect((page.data as { document: WorksCouncilDocument }).document.title).toBe(
    'Informatie voor de ondernemingsraad',
  )
  const english = await call(
    pageRoute.loader,
    getRequest(`/orgs/${NOORD}/privacy/works-council`, `${admin}; lang=en`),
    { slug: NOORD },
  )
  expect((english.data as { document: WorksCouncilDocument }).document.title).toBe(
    'Information for the works council',
  )

  const pdf = await call(
    pdfRoute.loader,
    getRequest(`/orgs/${NOORD}/privacy/works-council.pdf?lang=en`, admin),
    { slug: NOORD },
  )
  expect(pdf.status).toBe(200)
  expect(pdf.headers.get('Content-Type')).toBe('application/pdf')
  expect(pdf.headers.get('Content-Disposition')).toContain('works-council-klantcontact-noord.pdf')

  // CallForce's admin does not learn that Noord exists; Noord's team leader is refused.
  const stranger = await cookieFor(await userId('werkgever@callforce.demo.test'))
  const leader = await cookieFor(await userId('teamleider@noord.demo.test'))
  for (const [route, path] of [
    [pageRoute, 'privacy/works-council'],
    [pdfRoute, 'privacy/works-council.pdf'],
  ] as const) {
    const foreign = await call(route.loader, getRequest(`/orgs/${NOORD}/${path}`, stranger), {
      slug: NOORD,
    })
    expect(foreign.status).toBe(404)
    const refused = await call(route.loader, getRequest(`/orgs/${NOORD}/${path}`, leader), {
      slug: NOORD,
    })
    expect(refused.status).toBe(403)
  }
})

test('the pack follows a change of settings at once', async () => {
  const admin = await userId('werkgever@noord.demo.test')
  const saved = await saveForwarding({
    organisationId: noordId,
    actorId: admin,
    endpoint: 'https://lrs.noord.example/xapi/',
    username: 'leerplein',
    secret: 'lrs-geheim-2026',
  })
  expect(saved.ok).toBe(true)
  await createApiToken({
    organisationId: noordId,
    name: 'Salarisadministratie',
    scopes: ['quality:read'],
    actorId: admin,
  })
  await prisma.retentionPolicy.update({
    where: { organisationId: noordId },
    data: { evaluationMonths: 12, kpiMonths: 1 },
  })
  await prisma.qualityRule.updateMany({
    where: { organisationId: noordId, kind: 'demonstrated' },
    data: { enabled: false },
  })

  const { document: nl } = await pack('nl')
  const integrations = section(nl, 'integrations')
  expect(integrations).toContain('gaat als xAPI-statement naar lrs.noord.example')
  expect(integrations).not.toContain('lrs-geheim-2026')
  expect(integrations).toContain(
    'Salarisadministratie: kwaliteitsbeoordelingen (scores en feiten van het contact, zonder opmerkingen of bezwaarteksten)',
  )
  const retention = section(nl, 'retention')
  expect(retention).toContain('eigen bewaartermijnen')
  expect(retention).toContain('12 maanden na het vastleggen')
  expect(retention).toContain('1 maand na het vastleggen')
  const rules = section(nl, 'rules')
  expect(rules).toContain('CM-K3-W2')
  expect(rules).not.toContain('CM-K1-W1')
  expect(rules).toContain('1 regel staat uit en doet niets.')

  const { document: en } = await pack('en')
  expect(section(en, 'retention')).toContain('12 months after being recorded')
  expect(section(en, 'rules')).toContain('1 rule is switched off and does nothing.')
})
