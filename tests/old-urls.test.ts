import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildApp, startApp, stopApp, type AppProcess } from './app-process.ts'
import { submitEvidence } from '#app/assessment/evidence.server.ts'
import { generateToken, hashToken } from '#app/auth/tokens.server.ts'
import { prisma } from '#app/db.server.ts'
import { DEMO_API_TOKEN } from '#app/demo/demo-employer.server.ts'
import { createInvitation } from '#app/domain/invitations.server.ts'

/**
 * Every URL the product had before the routes moved into area folders (issue 14), asked of
 * the real production server on this test's own database with the demo data: each one still
 * answers 200, or 301 to its new place. Links in old e-mails, bookmarks and other systems'
 * configuration keep working.
 */
const PASSWORD = 'Demo-Wachtwoord-2026'
const NOORD = 'klantcontact-noord'

let app: AppProcess | undefined
const cookies: Record<string, string> = {}

async function logIn(email: string): Promise<string> {
  const response = await fetch(`${app!.url}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: PASSWORD }),
    redirect: 'manual',
  })
  expect(response.status, `login ${email}`).toBe(302)
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

type Ask = { path: string; as?: string; bearer?: string }

async function answer({ path, as, bearer }: Ask) {
  const headers: Record<string, string> = {}
  if (as) headers.cookie = cookies[as]!
  if (bearer) headers.authorization = `Bearer ${bearer}`
  const response = await fetch(`${app!.url}${path}`, { headers, redirect: 'manual' })
  await response.arrayBuffer()
  return { status: response.status, location: response.headers.get('location') }
}

beforeAll(async () => {
  buildApp()
  // Open sign-up, so /signup is a page here (it is 404 by design when sign-up is closed).
  process.env.OPEN_SIGNUP = 'true'
  app = await startApp(process.env.DATABASE_URL!)
  for (const email of [
    'leerling@noord.demo.test',
    'werkgever@noord.demo.test',
    'trainer@demo.test',
    'admin@demo.test',
  ])
    cookies[email] = await logIn(email)
}, 300_000)

afterAll(async () => {
  delete process.env.OPEN_SIGNUP
  await stopApp(app)
})

describe('every URL the product had before issue 14', () => {
  test('answers 200, or 301 to its new place', async () => {
    const learner = 'leerling@noord.demo.test'
    const employer = 'werkgever@noord.demo.test'
    const trainer = 'trainer@demo.test'
    const admin = 'admin@demo.test'

    const lotte = await prisma.user.findUniqueOrThrow({ where: { email: learner } })
    const noord = await prisma.organisation.findUniqueOrThrow({ where: { slug: NOORD } })
    const lotteMembership = await prisma.membership.findFirstOrThrow({
      where: { userId: lotte.id, organisationId: noord.id },
    })
    const team = await prisma.team.findFirstOrThrow({ where: { organisationId: noord.id } })
    const record = await prisma.completionRecord.findFirstOrThrow({ where: { userId: lotte.id } })
    const course = await prisma.course.findFirstOrThrow({
      where: { id: 'tl-k2-coachen' },
      select: { id: true },
    })
    const lesson = await prisma.lesson.findFirstOrThrow({
      where: { courseVersion: { courseId: course.id } },
      select: { lessonKey: true },
    })
    const browserCourse = await prisma.courseDraft.findFirstOrThrow({
      select: { courseId: true, modules: { select: { lessons: { select: { id: true } } } } },
    })
    const draftLessonId = browserCourse.modules.flatMap((m) => m.lessons)[0]!.id
    const criterion = await prisma.workProcess.findFirstOrThrow({
      where: { code: 'TL-K1-W1' },
      select: { code: true },
    })
    // A file evidence of Lotte's, so its download has something to answer with.
    const evidence = await submitEvidence({
      userId: lotte.id,
      organisationId: noord.id,
      dossierSlug: 'contactcenter-teamleider',
      kind: 'upload',
      title: 'Verslag teamoverleg',
      narrative: 'Het verslag van het teamoverleg van maandag.',
      workProcessCodes: ['TL-K1-W2'],
      competencies: [],
      coreTaskCode: null,
      file: {
        bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
        name: 'verslag.pdf',
        type: { mime: 'application/pdf', extension: 'pdf', kind: 'pdf' },
      },
    })
    const invitation = await createInvitation({
      organisationId: noord.id,
      email: 'nieuw.teamlid@noord.demo.test',
      roles: ['learner'],
      teamId: null,
      invitedBy: { id: lotte.id, name: lotte.name },
      baseUrl: app!.url,
      locale: 'nl',
    })
    const resetToken = generateToken()
    await prisma.passwordResetToken.create({
      data: {
        userId: lotte.id,
        tokenHash: hashToken(resetToken),
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    })
    const org = `/orgs/${NOORD}`
    const member = lotteMembership.id

    const pages: Ask[] = [
      { path: '/' },
      { path: '/dossiers' },
      { path: '/dossiers/contactcenter-teamleider' },
      { path: '/dossiers/contactcenter-teamleider/TL-K1-W1' },
      { path: '/competencies' },
      { path: '/courses' },
      { path: `/courses/${course.id}` },
      { path: `/courses/${course.id}/${lesson.lessonKey}` },
      { path: '/login' },
      { path: '/signup' },
      { path: `/invite/${invitation.token}` },
      { path: '/forgot-password' },
      { path: `/reset-password/${resetToken}` },
      { path: '/account', as: learner },
      { path: '/dashboard', as: learner },
      { path: '/dashboard/xapi', as: learner },
      { path: '/progress/rules' },
      { path: '/evidence', as: learner },
      { path: '/evidence/new', as: learner },
      { path: `/evidence/${evidence.id}`, as: learner },
      { path: `/evidence/${evidence.id}/file`, as: learner },
      { path: '/records', as: learner },
      { path: `/records/${record.id}` },
      { path: `/records/${record.id}/credential.jwt` },
      { path: `/records/${record.id}/credential.json` },
      { path: `/records/${record.id}/certificate.pdf` },
      { path: '/verify' },
      { path: '/issuer' },
      { path: '/.well-known/jwks.json' },
      { path: `${org}/members`, as: employer },
      { path: `${org}/members/${member}`, as: employer },
      { path: `${org}/members/${member}/xapi`, as: employer },
      { path: `${org}/teams`, as: employer },
      { path: `${org}/invitations`, as: employer },
      { path: `${org}/audit`, as: employer },
      { path: `${org}/staff/${member}`, as: employer },
      { path: `${org}/teams/${team.id}/progress`, as: employer },
      { path: `${org}/assignments`, as: employer },
      { path: `${org}/api-tokens`, as: employer },
      { path: `${org}/progress.csv`, as: employer },
      { path: `${org}/progress.xlsx`, as: employer },
      { path: `${org}/records.csv`, as: employer },
      { path: `${org}/records.xlsx`, as: employer },
      { path: '/api/v1/openapi.json' },
      { path: `/api/v1/orgs/${NOORD}/staff`, bearer: DEMO_API_TOKEN },
      { path: `/api/v1/orgs/${NOORD}/records`, bearer: DEMO_API_TOKEN },
      { path: `${org}/assessments`, as: trainer },
      { path: `${org}/assessments/${evidence.id}`, as: trainer },
      { path: `${org}/criteria`, as: trainer },
      { path: `${org}/criteria/contactcenter-teamleider/${criterion.code}`, as: trainer },
      { path: '/trainer', as: trainer },
      { path: '/trainer/coverage', as: trainer },
      { path: '/trainer/courses/new', as: trainer },
      { path: `/trainer/courses/${browserCourse.courseId}`, as: trainer },
      { path: `/trainer/courses/${browserCourse.courseId}/lessons/${draftLessonId}`, as: trainer },
      {
        path: `/trainer/courses/${browserCourse.courseId}/lessons/${draftLessonId}/try`,
        as: trainer,
      },
      { path: `/trainer/courses/${browserCourse.courseId}/versions`, as: trainer },
      { path: `/trainer/courses/${browserCourse.courseId}/export.zip`, as: trainer },
      { path: '/trainer/import', as: trainer },
      { path: '/admin', as: admin },
      { path: '/admin/outbox', as: admin },
      { path: '/healthz' },
    ]
    const wrong: string[] = []
    for (const ask of pages) {
      const { status } = await answer(ask)
      if (status !== 200) wrong.push(`${ask.path}: ${status}`)
    }
    expect(wrong).toEqual([])

    // Moved for good: the employer's screen is the organisation's matrix, filters kept.
    expect(await answer({ path: `/employer?org=${NOORD}&team=${team.id}`, as: employer })).toEqual({
      status: 301,
      location: `${org}/matrix?team=${team.id}`,
    })
    // Without ?org= the target depends on who asks, so it is a temporary redirect.
    expect(await answer({ path: '/employer', as: employer })).toEqual({
      status: 302,
      location: `${org}/matrix`,
    })
    expect((await answer({ path: `${org}/matrix`, as: employer })).status).toBe(200)
    // A lesson: link resolves to the lesson in its course, as before.
    expect(await answer({ path: `/lessons/${lesson.lessonKey}` })).toEqual({
      status: 302,
      location: `/courses/${course.id}/${lesson.lessonKey}`,
    })
    // Action-only addresses still send a GET home, and still act on POST.
    expect(await answer({ path: '/logout' })).toEqual({ status: 302, location: '/' })
    expect(await answer({ path: '/lang' })).toEqual({ status: 302, location: '/' })
    const preview = await fetch(`${app!.url}/trainer/preview`, {
      method: 'POST',
      headers: { cookie: cookies[trainer]! },
      body: new URLSearchParams({ body: '# Een kop\n\nEen alinea.' }),
    })
    expect(preview.status).toBe(200)
  })

  test('an unknown address is the site’s 404 page, not a blank answer', async () => {
    const response = await fetch(`${app!.url}/bestaat-niet`)
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('Pagina niet gevonden')
  })
})
