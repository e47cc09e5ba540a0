import { sandboxShimTag } from '#app/packages/sandbox-shims.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { env } from '#app/env.server.ts'
import { createLaunch, openAttempt } from '#app/packages/launches.server.ts'
import { action as lessonAction, loader as lessonLoader } from '#app/routes/public/lesson.tsx'
import { cookieFor, makeUser } from '#tests/factories.ts'
import { createPackageCourse, packageFolder } from '#tests/packages/package-fixture.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'
import { action, loader } from './package-content.ts'

/**
 * The sandboxed content route and the SCORM runtime's commit endpoint, on a real database
 * and the real object storage (decision 031).
 */
const ORIGIN = new URL(env.PUBLIC_URL).origin
const DOSSIER = 'contactcenter-teamleider'
const WORK_PROCESS = 'TL-K2-W1'

type Fixture = Awaited<ReturnType<typeof createPackageCourse>>
let scorm12: Fixture
let scorm2004: Fixture

beforeAll(async () => {
  // The real dossier and courses: the work processes have lessons of ours too, so one passed
  // SCO is step 1 (learning), not the whole knowledge.
  await importDossierFolder()
  await importCourses()
  scorm12 = await createPackageCourse({
    standard: 'scorm12',
    files: packageFolder('player-scorm12'),
    launchPath: 'sco/index.html',
    dossierSlug: DOSSIER,
    workProcessCode: WORK_PROCESS,
    doneWhen: 'passed',
    masteryScore: 80,
  })
  scorm2004 = await createPackageCourse({
    standard: 'scorm2004',
    files: packageFolder('player-scorm2004'),
    launchPath: 'index.html',
    dossierSlug: DOSSIER,
    workProcessCode: 'TL-K2-W2',
  })
}, 120_000)

async function launchFor(userId: string, fixture: Fixture) {
  const attempt = await openAttempt(userId, { id: fixture.lessonId, lessonKey: fixture.lessonKey })
  const launch = await createLaunch(attempt.id, { cmi5: false })
  return { attemptId: attempt.id, token: launch.contentToken }
}

const get = (token: string, path: string, origin = ORIGIN) =>
  loader({
    request: new Request(`${origin}/package-content/${token}/${path}`),
    params: { token, '*': path },
    context: undefined as never,
  } as never) as Promise<Response>

const post = (token: string, body: string, query = '', method = 'POST') =>
  action({
    request: new Request(`${ORIGIN}/package-content/${token}/__runtime/commit${query}`, {
      method,
      body: method === 'POST' ? body : null,
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: 'null' },
    }),
    params: { token, '*': '__runtime/commit' },
    context: undefined as never,
  } as never) as Promise<Response>

const stepOf = async (userId: string, code: string) =>
  (
    await prisma.workProcessStatus.findUnique({
      where: {
        userId_dossierSlug_workProcessCode: { userId, dossierSlug: DOSSIER, workProcessCode: code },
      },
    })
  )?.step ?? 0

describe('serving package files', () => {
  test('a file comes with its type and the sandbox policy', async () => {
    const user = await makeUser()
    const { token } = await launchFor(user.id, scorm12)
    const response = await get(token, 'sco/style.css')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/css; charset=utf-8')
    const csp = response.headers.get('Content-Security-Policy')!
    expect(csp).toMatch(/^sandbox allow-scripts allow-forms allow-popups;/)
    expect(csp).toContain(`connect-src ${ORIGIN}/package-content/${token}/ ${ORIGIN}/xapi/`)
    expect(csp).toContain(`frame-ancestors ${ORIGIN}`)
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer')
    expect(await response.text()).toContain('font-family')
  })

  test('the policy names the host the learner came in on, not only PUBLIC_URL', async () => {
    // Browsing through another name of the same server (127.0.0.1 beside localhost) must not
    // leave the sandbox pointing at an origin its frame does not come from.
    const user = await makeUser()
    const { token } = await launchFor(user.id, scorm12)
    const other = 'http://127.0.0.2:4999'
    expect(other).not.toBe(ORIGIN)
    const csp = (await get(token, 'sco/style.css', other)).headers.get('Content-Security-Policy')!
    expect(csp).toContain(`connect-src ${other}/package-content/${token}/ ${other}/xapi/`)
    expect(csp).toContain(`frame-ancestors ${other}`)
    const page = await (await get(token, 'sco/index.html', other)).text()
    expect(page).toContain(`${other}/package-content/${token}/__runtime/commit`)
  })

  test('an HTML page starts with the sandbox stand-ins and the runtime, served under the token', async () => {
    const user = await makeUser('Sanne Pakket')
    const { token } = await launchFor(user.id, scorm12)
    const page = await (await get(token, 'sco/index.html')).text()
    const head = page.indexOf('<head>') + '<head>'.length
    expect(page.slice(head).startsWith(sandboxShimTag)).toBe(true)
    expect(page.slice(head + sandboxShimTag.length)).toMatch(
      new RegExp(`^<script src="/package-content/${token}/__runtime/scorm12.js"></script><script>`),
    )
    expect(page).toContain('"student_name":"Sanne Pakket"')
    expect(page).toContain('"mastery_score":"80"')
    const runtime = await get(token, '__runtime/scorm12.js')
    expect(runtime.status).toBe(200)
    expect(runtime.headers.get('Content-Type')).toMatch(/^text\/javascript/)
    expect(await runtime.text()).toContain('Scorm12API')
    expect((await get(token, '__runtime/scorm2004.js')).status).toBe(200)
    expect((await get(token, '__runtime/other.js')).status).toBe(404)
  })

  test('a page keeps its own bytes and character set; the runtime is ASCII', async () => {
    const latin1 = await createPackageCourse({
      standard: 'scorm12',
      files: {
        'index.html': Buffer.from(
          '<html><head><meta charset="windows-1252"><title>Caf\u00e9</title></head></html>',
          'latin1',
        ),
      },
      launchPath: 'index.html',
      dossierSlug: DOSSIER,
      workProcessCode: WORK_PROCESS,
    })
    const user = await makeUser('Zo\u00eb <b>de</b> Vries')
    const { token } = await launchFor(user.id, latin1)
    const bytes = Buffer.from(await (await get(token, 'index.html')).arrayBuffer())
    expect(bytes.includes(Buffer.from('<title>Caf\u00e9</title>', 'latin1'))).toBe(true)
    expect(bytes.toString('latin1')).toContain('"student_name":"Zo\\u00eb \\u003cb\\u003ede')
  })

  test('inside a learning platform, its page may frame the package page too', async () => {
    const user = await makeUser()
    await prisma.session.create({
      data: {
        id: `lti-${user.id}`,
        userId: user.id,
        expiresAt: new Date(Date.now() + 3_600_000),
        embedded: true,
        frameAncestors: 'https://moodle.school.test javascript:alert(1)',
      },
    })
    const { token } = await launchFor(user.id, scorm12)
    const page = await get(token, 'sco/index.html')
    expect(page.headers.get('Content-Security-Policy')).toMatch(
      new RegExp(`frame-ancestors ${ORIGIN} https://moodle.school.test$`),
    )
  })

  test('unknown or expired tokens, unknown paths and climbing paths are 404, still sandboxed', async () => {
    const user = await makeUser()
    const { token, attemptId } = await launchFor(user.id, scorm12)
    for (const [t, path] of [
      ['x'.repeat(43), 'sco/index.html'],
      ['../../etc', 'passwd'],
      [token, 'sco/missing.html'],
      [token, '../sco/index.html'],
      [token, 'sco/../../index.html'],
      [token, 'imsmanifest.xml/'],
    ] as const) {
      const response = await get(t, path)
      expect(response.status, `${t}/${path}`).toBe(path === 'imsmanifest.xml/' ? 200 : 404)
      expect(response.headers.get('Content-Security-Policy')).toMatch(/^sandbox /)
    }
    await prisma.packageLaunch.updateMany({
      where: { attemptId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect((await get(token, 'sco/index.html')).status).toBe(404)
    expect((await post(token, JSON.stringify({ cmi: {} }))).status).toBe(404)
  })
})

describe('the SCORM runtime commit endpoint', () => {
  test('answers the preflight of the opaque origin', async () => {
    const user = await makeUser()
    const { token } = await launchFor(user.id, scorm12)
    const response = await post(token, '', '', 'OPTIONS')
    expect(response.status).toBe(204)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(response.headers.get('Access-Control-Allow-Methods')).toContain('POST')
  })

  test('keeps the CMI data, and the next launch resumes from it on any device', async () => {
    const user = await makeUser()
    const first = await launchFor(user.id, scorm12)
    const response = await post(
      first.token,
      JSON.stringify({
        cmi: {
          core: { lesson_location: 'pagina-2', lesson_status: 'incomplete', exit: 'suspend' },
          suspend_data: 'bezocht=2',
        },
      }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ result: true, errorCode: 0 })
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
    const attempt = await prisma.packageAttempt.findUniqueOrThrow({
      where: { id: first.attemptId },
    })
    expect(attempt).toMatchObject({ completion: 'incomplete', endedAt: null })

    // A suspend at Finish keeps the attempt open: the same attempt, a new launch.
    await post(
      first.token,
      JSON.stringify({ cmi: { core: { lesson_location: 'pagina-3', exit: 'suspend' } } }),
      '?terminate=true',
    )
    const second = await launchFor(user.id, scorm12)
    expect(second.attemptId).toBe(first.attemptId)
    const page = await (await get(second.token, 'sco/index.html')).text()
    expect(page).toContain('"lesson_location":"pagina-3"')
    expect(page).toContain('"entry":"resume"')
  })

  test('a passed SCO moves the work process up and ends the attempt', async () => {
    const user = await makeUser()
    const { token, attemptId } = await launchFor(user.id, scorm12)
    expect(await stepOf(user.id, WORK_PROCESS)).toBe(0)
    // An autocommit while still busy changes nothing on the ladder.
    await post(token, JSON.stringify({ cmi: { core: { lesson_status: 'incomplete' } } }))
    expect(await stepOf(user.id, WORK_PROCESS)).toBe(0)
    const done = await post(
      token,
      JSON.stringify({
        cmi: { core: { lesson_status: 'passed', exit: '', score: { raw: '90', max: '100' } } },
      }),
      '?terminate=true',
    )
    expect(done.status).toBe(200)
    expect(await stepOf(user.id, WORK_PROCESS)).toBe(1)
    const attempt = await prisma.packageAttempt.findUniqueOrThrow({ where: { id: attemptId } })
    expect(attempt).toMatchObject({ completion: 'completed', success: 'passed', score: 90 })
    expect(attempt.endedAt).not.toBeNull()
    // A late commit cannot reopen or change the ended attempt.
    const late = await post(token, JSON.stringify({ cmi: { core: { lesson_status: 'failed' } } }))
    expect(late.status).toBe(409)
    // The next launch is a new attempt that starts afresh.
    const next = await launchFor(user.id, scorm12)
    expect(next.attemptId).not.toBe(attemptId)
    expect(await (await get(next.token, 'sco/index.html')).text()).toContain('"entry":"ab-initio"')
  })

  test('SCORM 2004: completion, success and scaled score', async () => {
    const user = await makeUser()
    const { token, attemptId } = await launchFor(user.id, scorm2004)
    const page = await (await get(token, 'index.html')).text()
    expect(page).toContain('__runtime/scorm2004.js')
    await post(
      token,
      JSON.stringify({
        cmi: {
          completion_status: 'completed',
          success_status: 'passed',
          score: { scaled: '0.85' },
          exit: 'normal',
        },
      }),
      '?terminate=true',
    )
    expect(
      await prisma.packageAttempt.findUniqueOrThrow({ where: { id: attemptId } }),
    ).toMatchObject({ completion: 'completed', success: 'passed', score: 85 })
    expect(await stepOf(user.id, 'TL-K2-W2')).toBe(1)
  })

  test('refuses what is not CMI data, and bodies over the limit', async () => {
    const user = await makeUser()
    const { token, attemptId } = await launchFor(user.id, scorm12)
    expect((await post(token, 'geen json')).status).toBe(400)
    expect((await post(token, JSON.stringify({ cmi: { evil: 'x' } }))).status).toBe(400)
    expect(
      (await post(token, JSON.stringify({ cmi: { suspend_data: 'x'.repeat(200_000) } }))).status,
    ).toBe(413)
    const attempt = await prisma.packageAttempt.findUniqueOrThrow({ where: { id: attemptId } })
    expect(attempt.cmi).toBe('{}')
  })
})

describe('the player in the lesson page', () => {
  test('the page never writes; launching is a POST that answers the sandboxed URL', async () => {
    const user = await makeUser()
    const cookie = await cookieFor(user.id)
    const path = `/courses/${scorm12.courseId}/${scorm12.lessonKey}`
    const params = { courseId: scorm12.courseId, lessonKey: scorm12.lessonKey }
    const page = await call(lessonLoader, getRequest(path, cookie), params)
    expect(page.status).toBe(200)
    expect(page.data).toMatchObject({ hash: null, code: null, packageStarted: false })
    expect(await prisma.packageAttempt.count({ where: { userId: user.id } })).toBe(0)

    const launched = await call(
      lessonAction,
      formRequest(path, { intent: 'launch' }, { cookie }),
      params,
    )
    expect(launched.status).toBe(200)
    const { launchUrl } = launched.data as { launchUrl: string }
    expect(launchUrl).toMatch(/^\/package-content\/[\w-]{43}\/sco\/index\.html$/)
    const again = await call(lessonLoader, getRequest(path, cookie), params)
    expect(again.data).toMatchObject({ packageStarted: true })

    // A visitor gets no launch.
    const visitor = await call(lessonAction, formRequest(path, { intent: 'launch' }), params)
    expect(visitor.status).toBe(401)
  })
})
