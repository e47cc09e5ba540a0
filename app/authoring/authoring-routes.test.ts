import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import { beforeAll, describe, expect, test } from 'vitest'
import * as courseNew from '#app/routes/trainer/course-new.tsx'
import * as coursePage from '#app/routes/trainer/course.tsx'
import * as lessonPage from '#app/routes/trainer/lesson.tsx'
import * as tryPage from '#app/routes/trainer/lesson-try.tsx'
import * as versionsPage from '#app/routes/trainer/course-versions.tsx'
import * as exportZip from '#app/routes/trainer/course-export.ts'
import * as importPage from '#app/routes/trainer/import.tsx'
import * as previewEndpoint from '#app/routes/trainer/preview.ts'
import * as learnerLesson from '#app/routes/public/lesson.tsx'
import { prisma } from '#app/db.server.ts'
import { checkCourses } from '#app/content/course-check.server.ts'
import { readFramework } from '#app/content/dossier-files.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import {
  cookieFor,
  makeMember,
  makeOrganisation,
  makeOrganisationCourse,
} from '#tests/factories.ts'
import { toJsonList } from '#app/utils/json-list.ts'
import { call, formRequest, getRequest, multipartRequest } from '#tests/route-call.ts'

/**
 * The trainer area through its routes: who may author what, drafts against published
 * versions, conflicts, the safe subset at publication, rollback and the export.
 */
let org: Awaited<ReturnType<typeof makeOrganisation>>
let trainer: { id: string; cookie: string }
let colleague: { id: string; cookie: string }

const COURSE_FIELDS = {
  dossierSlug: 'contactcenter-teamleider',
  titleNl: 'Klachten op de vloer',
  titleEn: 'Complaints on the floor',
  summaryNl: 'Wat je doet als een klant boos is.',
  summaryEn: 'What to do when a customer is angry.',
  audienceNl: 'Teamleiders',
  audienceEn: 'Team leaders',
  selfEnrol: 'on',
}

const QUIZ = `Vier vragen.

<Quiz passMark="75">
${[1, 2, 3, 4]
  .map(
    (n) => `  <Question type="single" prompt="Vraag ${n}?">
    <Option correct>Goed ${n}</Option>
    <Option>Fout ${n}</Option>
  </Question>`,
  )
  .join('\n')}
</Quiz>
`

async function person(roles: Parameters<typeof makeMember>[1], organisationId = org.id) {
  const member = await makeMember(organisationId, roles)
  return { id: member.user.id, cookie: await cookieFor(member.user.id) }
}

/** Post the new-course form with COURSE_FIELDS, this id and owner, as whoever the cookie names. */
function postNewCourse(id: string, owner = org.id, cookie = trainer.cookie) {
  return call(
    courseNew.action,
    formRequest('/trainer/courses/new', { ...COURSE_FIELDS, owner, id }, { cookie }),
  )
}

async function newCourse(id: string, cookie = trainer.cookie) {
  const created = await postNewCourse(id, org.id, cookie)
  expect(created.location).toBe(`/trainer/courses/${id}`)
  const moduleId = (await prisma.draftModule.findFirstOrThrow({ where: { courseId: id } })).id
  return moduleId
}

async function newLesson(courseId: string, moduleId: string, titleNl: string, type = 'lesson') {
  const added = await call(
    coursePage.action,
    formRequest(
      `/trainer/courses/${courseId}`,
      { intent: 'add-lesson', moduleId, titleNl, type },
      { cookie: trainer.cookie },
    ),
    { courseId },
  )
  const lessonId = added.location!.split('/').at(-1)!
  return lessonId
}

function saveLesson(
  courseId: string,
  lessonId: string,
  fields: Record<string, string | string[]>,
  cookie = trainer.cookie,
) {
  return call(
    lessonPage.action,
    formRequest(
      `/trainer/courses/${courseId}/lessons/${lessonId}`,
      {
        intent: 'save',
        type: 'lesson',
        duration: '15',
        titleNl: 'Een les',
        workProcesses: ['TL-K2-W3'],
        ...fields,
      },
      { cookie },
    ),
    { courseId, lessonId },
  )
}

/** The export zip as the browser downloads it, unpacked: path → bytes. */
async function exportedFiles(courseId: string, query = '') {
  const response = (await exportZip.loader({
    request: getRequest(`/trainer/courses/${courseId}/export.zip${query}`, trainer.cookie),
    params: { courseId },
    context: undefined as never,
  } as never)) as Response
  expect(response.headers.get('Content-Type')).toBe('application/zip')
  return unzipSync(new Uint8Array(await response.arrayBuffer()))
}

function publish(courseId: string) {
  return call(
    coursePage.action,
    formRequest(`/trainer/courses/${courseId}`, { intent: 'publish' }, { cookie: trainer.cookie }),
    { courseId },
  )
}

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  org = await makeOrganisation()
  trainer = await person(['trainer'])
  colleague = await person(['trainer'])
})

describe('who may author', () => {
  test('a learner gets 403; another organisation’s trainer and anyone on a git course get 404', async () => {
    const courseId = 'rechten-cursus'
    await newCourse(courseId)
    const learner = await person(['learner'])
    const other = await makeOrganisation()
    const outsider = await person(['trainer'], other.id)
    const page = (cookie: string, id = courseId) =>
      call(coursePage.loader, getRequest(`/trainer/courses/${id}`, cookie), { courseId: id })
    expect((await page(learner.cookie)).status).toBe(403)
    expect((await page(outsider.cookie)).status).toBe(404)
    expect((await page(trainer.cookie, 'tl-k2-coachen')).status).toBe(404)
    expect((await page(trainer.cookie)).status).toBe(200)
    const forged = await call(
      coursePage.action,
      formRequest(
        `/trainer/courses/${courseId}`,
        { intent: 'publish' },
        { cookie: outsider.cookie },
      ),
      { courseId },
    )
    expect(forged.status).toBe(404)
    // Creating a course for an organisation one does not train for is a field error.
    const foreign = await postNewCourse('niet-van-mij', other.id)
    expect(foreign.status).toBe(400)
    expect(await prisma.course.count({ where: { id: 'niet-van-mij' } })).toBe(0)
  })

  test('a course id in use, from git or the browser, is refused with a field error', async () => {
    const taken = await postNewCourse('tl-k2-coachen')
    expect(taken.status).toBe(400)
    expect(JSON.stringify(taken.data)).toContain('authoring.idTaken')
  })
})

describe('drafts and versions', () => {
  test('publishing makes an immutable version; editing the draft leaves it untouched; rollback restores it', async () => {
    const courseId = 'klachten-vloer'
    const moduleId = await newCourse(courseId)
    const lessonId = await newLesson(courseId, moduleId, 'De boze klant')
    const saved = await saveLesson(courseId, lessonId, {
      revision: '1',
      bodyNl: '## Luisteren\n\nLaat de klant uitpraten.\n',
    })
    expect(saved.status).toBe(200)
    const quizId = await newLesson(courseId, moduleId, 'Toets klachten', 'quiz')
    expect(
      (await saveLesson(courseId, quizId, { revision: '1', type: 'quiz', bodyNl: QUIZ })).status,
    ).toBe(200)
    const first = await publish(courseId)
    expect(first.location).toBe(`/trainer/courses/${courseId}?published=1`)

    const version1 = await prisma.lesson.findMany({
      where: { courseVersion: { courseId, version: 1 } },
      orderBy: { position: 'asc' },
    })
    const { lessonKey } = await prisma.draftLesson.findUniqueOrThrow({ where: { id: lessonId } })
    expect(version1.map((l) => l.lessonKey)).toContain(lessonKey)

    // A new draft text: the published version and what learners get stay as they were.
    await saveLesson(courseId, lessonId, {
      revision: '2',
      bodyNl: '## Luisteren\n\nLaat de klant uitpraten en vat samen.\n',
    })
    const after = await prisma.lesson.findMany({
      where: { courseVersion: { courseId, version: 1 } },
      orderBy: { position: 'asc' },
    })
    expect(after).toEqual(version1)
    const asLearner = await call(
      learnerLesson.loader,
      getRequest(`/courses/${courseId}/${lessonKey}`, trainer.cookie),
      { courseId, lessonKey },
    )
    expect(asLearner.status).toBe(200)
    expect((asLearner.data as { code: string }).code).not.toContain('vat samen')

    // The versions page shows the change, line by line.
    const versions = await call(
      versionsPage.loader,
      getRequest(`/trainer/courses/${courseId}/versions`, trainer.cookie),
      { courseId },
    )
    const diff = JSON.stringify((versions.data as { diff: unknown }).diff)
    expect(diff).toContain('Laat de klant uitpraten en vat samen.')

    expect((await publish(courseId)).location).toBe(`/trainer/courses/${courseId}?published=2`)
    const rolledBack = await call(
      versionsPage.action,
      formRequest(
        `/trainer/courses/${courseId}/versions`,
        { version: '1' },
        { cookie: trainer.cookie },
      ),
      { courseId },
    )
    expect(rolledBack.location).toBe(`/trainer/courses/${courseId}?published=3`)
    const v3 = await prisma.courseVersion.findUniqueOrThrow({
      where: { courseId_version: { courseId, version: 3 } },
      select: { note: true, contentHash: true, lessons: { select: { lessonKey: true } } },
    })
    const v1 = await prisma.courseVersion.findUniqueOrThrow({
      where: { courseId_version: { courseId, version: 1 } },
      select: { contentHash: true },
    })
    expect(v3.note).toBe('rollback:1')
    expect(v3.contentHash).toBe(v1.contentHash)
    expect(v3.lessons.map((l) => l.lessonKey)).toContain(lessonKey)

    // Any version exports as it was published: version 2 holds the edited text.
    const exported = await exportedFiles(courseId, '?version=2')
    const lessonFile = Object.entries(exported).find(([name]) => name.endsWith(`${lessonKey}.mdx`))
    expect(new TextDecoder().decode(lessonFile![1])).toContain('en vat samen.')
  })

  test('a draft quiz can be tried as a learner: graded by the real grader, nothing stored', async () => {
    const courseId = 'uitproberen'
    const moduleId = await newCourse(courseId)
    const quizId = await newLesson(courseId, moduleId, 'Proeftoets', 'quiz')
    await saveLesson(courseId, quizId, { revision: '1', type: 'quiz', bodyNl: QUIZ })
    const path = `/trainer/courses/${courseId}/lessons/${quizId}/try`
    const page = await call(tryPage.loader, getRequest(path, trainer.cookie), {
      courseId,
      lessonId: quizId,
    })
    expect(page.status).toBe(200)
    const answers = { intent: 'quiz', q0: '0', q1: '0', q2: '0', q3: '1' }
    const graded = await call(
      tryPage.action,
      formRequest(path, answers, { cookie: trainer.cookie }),
      { courseId, lessonId: quizId },
    )
    expect(graded.data).toMatchObject({ quizResult: { score: 75, passed: true } })
    expect(await prisma.quizAttempt.count({ where: { userId: trainer.id } })).toBe(0)
    const learner = await person(['learner'])
    expect(
      (await call(tryPage.loader, getRequest(path, learner.cookie), { courseId, lessonId: quizId }))
        .status,
    ).toBe(403)
  })

  test('two trainers on one lesson: the second save gets a conflict, not an overwrite', async () => {
    const courseId = 'conflict-cursus'
    const moduleId = await newCourse(courseId)
    const lessonId = await newLesson(courseId, moduleId, 'Gedeelde les')
    const mine = await saveLesson(courseId, lessonId, { revision: '1', bodyNl: 'Tekst van Peter.' })
    expect(mine.status).toBe(200)
    const theirs = await saveLesson(
      courseId,
      lessonId,
      { revision: '1', bodyNl: 'Tekst van de collega.' },
      colleague.cookie,
    )
    expect(theirs.status).toBe(409)
    const conflict = (theirs.data as { conflict: { bodyNl: string; revision: number } }).conflict
    expect(conflict.bodyNl).toBe('Tekst van Peter.')
    expect((theirs.data as { values: { bodyNl: string } }).values.bodyNl).toBe(
      'Tekst van de collega.',
    )
    const stored = await prisma.draftLesson.findUniqueOrThrow({ where: { id: lessonId } })
    expect(stored.bodyNl).toBe('Tekst van Peter.')
    // Saving again on the revision the conflict showed is a conscious overwrite.
    const again = await saveLesson(
      courseId,
      lessonId,
      { revision: String(conflict.revision), bodyNl: 'Tekst van de collega.' },
      colleague.cookie,
    )
    expect(again.status).toBe(200)
  })

  test('course details saved by two trainers from the same revision: the second is refused', async () => {
    const courseId = 'gegevens-conflict'
    await newCourse(courseId)
    const save = (titleNl: string, cookie: string) =>
      call(
        coursePage.action,
        formRequest(
          `/trainer/courses/${courseId}`,
          { ...COURSE_FIELDS, intent: 'save-course', revision: '1', titleNl },
          { cookie },
        ),
        { courseId },
      )
    expect((await save('Titel van Peter', trainer.cookie)).status).toBe(200)
    const second = await save('Titel van de collega', colleague.cookie)
    expect(second.status).toBe(409)
    expect(JSON.stringify(second.data)).toContain('authoring.courseStale')
    const draft = await prisma.courseDraft.findUniqueOrThrow({ where: { courseId } })
    expect(draft.titleNl).toBe('Titel van Peter')
  })

  test('the quiz builder writes a question into the lesson, escaped', async () => {
    const courseId = 'quizbouwer'
    const moduleId = await newCourse(courseId)
    const lessonId = await newLesson(courseId, moduleId, 'Toets', 'quiz')
    const built = await call(
      lessonPage.action,
      formRequest(
        `/trainer/courses/${courseId}/lessons/${lessonId}`,
        {
          intent: 'add-question',
          revision: '1',
          type: 'quiz',
          duration: '10',
          titleNl: 'Toets',
          workProcesses: ['TL-K2-W3'],
          bodyNl: 'Intro.',
          prompt: 'Wat doe je bij "{boos}"?',
          'options[0]': 'Luisteren <script>',
          'options[1]': '',
          'options[2]': 'Ophangen',
          correct: '0',
          feedback: 'Eerst luisteren.',
        },
        { cookie: trainer.cookie },
      ),
      { courseId, lessonId },
    )
    expect(built.status, JSON.stringify(built.data)).toBe(200)
    const stored = await prisma.draftLesson.findUniqueOrThrow({ where: { id: lessonId } })
    expect(stored.bodyNl).toContain('<Quiz passMark="75">')
    expect(stored.bodyNl).toContain('prompt="Wat doe je bij &quot;{boos}&quot;?"')
    expect(stored.bodyNl).toContain('<Option correct>Luisteren &lt;script&gt;</Option>')
    expect(stored.bodyNl).toContain('<Option>Ophangen</Option>')
    const preview = (built.data as { preview: { ok: boolean; quiz: { questions: unknown[] } } })
      .preview
    expect(preview.ok).toBe(true)
    expect(preview.quiz.questions).toHaveLength(1)
  })
})

describe('the safe subset at publication', () => {
  test.each([
    ['a script element', '<script>alert(1)</script>'],
    ['an expression', 'Som: {1 + 1}'],
    ['an import', "import X from './x.js'"],
    ['dangerouslySetInnerHTML', '<div dangerouslySetInnerHTML={{ __html: "<b>x</b>" }} />'],
    ['a javascript: link', '[klik](javascript:alert(1))'],
    ['an SVG with a javascript: link', '<svg><a href="javascript:alert(1)">x</a></svg>'],
    ['an event handler', '<Callout onClick="alert(1)">x</Callout>'],
  ])('%s is refused when publishing, with the line in the lesson', async (_, injection) => {
    const courseId = `veilig-${Math.random().toString(36).slice(2, 8)}`
    const moduleId = await newCourse(courseId)
    const lessonId = await newLesson(courseId, moduleId, 'Les')
    await saveLesson(courseId, lessonId, { revision: '1', bodyNl: `## Titel\n\n${injection}\n` })
    const refused = await publish(courseId)
    expect(refused.status).toBe(400)
    const problems = (refused.data as { problems: Array<{ line: number; lessonKey: string }> })
      .problems
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0]!.line).toBe(3)
    expect(await prisma.courseVersion.count({ where: { courseId } })).toBe(0)
  })
})

describe('links between lessons', () => {
  test('a lesson may link to platform lessons, not to another organisation’s', async () => {
    const other = await makeOrganisation()
    const { lessonKeys } = await makeOrganisationCourse(other.id, [
      { type: 'lesson', workProcessCodes: ['TL-K2-W3'] },
    ])
    const courseId = 'links-cursus'
    const moduleId = await newCourse(courseId)
    const lessonId = await newLesson(courseId, moduleId, 'Met links')
    await saveLesson(courseId, lessonId, {
      revision: '1',
      bodyNl: `Zie [het coachingsgesprek](lesson:tl-k2-w3-coachgesprek).\n\nEn [dit](lesson:${lessonKeys[0]}).\n`,
    })
    const refused = await publish(courseId)
    expect(refused.status).toBe(400)
    const problems = (refused.data as { problems: Array<{ message: string; line: number }> })
      .problems
    expect(problems).toEqual([
      expect.objectContaining({ line: 3, message: `broken link: no lesson "${lessonKeys[0]}"` }),
    ])
  })
})

describe('round trip with courses/', () => {
  test('a repository course copied into the editor, published and exported passes courses:check', async () => {
    const copied = await call(
      importPage.action,
      formRequest(
        '/trainer/import',
        { intent: 'repository', folder: 'tl-k2-coachen', owner: org.id, newId: 'coachen-noord' },
        { cookie: trainer.cookie, headers: { 'Content-Length': '200' } },
      ),
    )
    expect(copied.location).toBe('/trainer/courses/coachen-noord?imported=1')
    expect((await publish('coachen-noord')).location).toBe(
      '/trainer/courses/coachen-noord?published=1',
    )
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'export-check-'))
    try {
      await fs.cp('courses', root, { recursive: true })
      const files = await exportedFiles('coachen-noord')
      for (const [name, content] of Object.entries(files)) {
        await fs.mkdir(path.dirname(path.join(root, name)), { recursive: true })
        await fs.writeFile(path.join(root, name), content)
      }
      expect(Object.keys(files)).toContain('coachen-noord/course.yaml')
      const framework = await readFramework(path.join(root, 'dossiers'))
      const { problems } = await checkCourses(root, framework)
      expect(problems).toEqual([])
    } finally {
      await fs.rm(root, { recursive: true, force: true })
    }
  })
})

describe('structure and progress across versions', () => {
  test('lessons and modules move one place at a time, across module edges', async () => {
    const courseId = 'volgorde'
    const first = await newCourse(courseId)
    const a = await newLesson(courseId, first, 'Les A')
    const b = await newLesson(courseId, first, 'Les B')
    const added = await call(
      coursePage.action,
      formRequest(
        `/trainer/courses/${courseId}`,
        { intent: 'add-module', titleNl: 'Tweede module', titleEn: 'Second module' },
        { cookie: trainer.cookie },
      ),
      { courseId },
    )
    expect(added.status).toBe(200)
    const move = (intent: string, id: string, direction: string) =>
      call(
        coursePage.action,
        formRequest(
          `/trainer/courses/${courseId}`,
          { intent, id, direction },
          { cookie: trainer.cookie },
        ),
        { courseId },
      )
    const order = async () =>
      (
        await prisma.draftModule.findMany({
          where: { courseId },
          orderBy: { position: 'asc' },
          select: {
            titleNl: true,
            lessons: { orderBy: { position: 'asc' }, select: { titleNl: true } },
          },
        })
      ).map((m) => `${m.titleNl}: ${m.lessons.map((l) => l.titleNl).join(', ')}`)

    await move('move-lesson', a, 'down')
    expect(await order()).toEqual(['Module 1: Les B, Les A', 'Tweede module: '])
    await move('move-lesson', a, 'down') // past the edge: to the start of the next module
    expect(await order()).toEqual(['Module 1: Les B', 'Tweede module: Les A'])
    const second = (
      await prisma.draftModule.findFirstOrThrow({ where: { courseId, titleNl: 'Tweede module' } })
    ).id
    await move('move-module', second, 'up')
    expect(await order()).toEqual(['Tweede module: Les A', 'Module 1: Les B'])
    // A module with lessons is not deleted; an emptied one is.
    const refused = await call(
      coursePage.action,
      formRequest(
        `/trainer/courses/${courseId}`,
        { intent: 'delete-module', id: first },
        { cookie: trainer.cookie },
      ),
      { courseId },
    )
    expect(refused.status).toBe(400)
    await move('move-lesson', b, 'up')
    expect(await order()).toEqual(['Tweede module: Les A, Les B', 'Module 1: '])
  })

  test('a learner’s completion stays theirs when a new version is published', async () => {
    const courseId = 'voortgang-blijft'
    const moduleId = await newCourse(courseId)
    const lessonId = await newLesson(courseId, moduleId, 'Blijvende les')
    await saveLesson(courseId, lessonId, { revision: '1', bodyNl: 'Eerste tekst.' })
    await publish(courseId)
    const { lessonKey } = await prisma.draftLesson.findUniqueOrThrow({ where: { id: lessonId } })
    const learner = await person(['learner'])
    const done = await call(
      learnerLesson.action,
      formRequest(
        `/courses/${courseId}/${lessonKey}`,
        { intent: 'done' },
        { cookie: learner.cookie },
      ),
      { courseId, lessonKey },
    )
    expect(done.status).toBe(200)
    await saveLesson(courseId, lessonId, { revision: '2', bodyNl: 'Tweede tekst.' })
    expect((await publish(courseId)).location).toBe(`/trainer/courses/${courseId}?published=2`)
    const page = await call(
      learnerLesson.loader,
      getRequest(`/courses/${courseId}/${lessonKey}`, learner.cookie),
      { courseId, lessonKey },
    )
    expect((page.data as { completedAt: Date | null }).completedAt).not.toBeNull()
    expect((page.data as { code: string }).code).toContain('Tweede tekst.')
    const status = await prisma.workProcessStatus.findUniqueOrThrow({
      where: {
        userId_dossierSlug_workProcessCode: {
          userId: learner.id,
          dossierSlug: 'contactcenter-teamleider',
          workProcessCode: 'TL-K2-W3',
        },
      },
    })
    expect(status.step).toBeGreaterThanOrEqual(1)
  })
})

describe('hostile lesson texts: one judgement, no 500, no draft that cannot open', () => {
  const DEEP_LISTS = '- '.repeat(3000) + 'x\n'
  const YAML_TAGS = '---\ntitle: !!binary aGFsbG8=\nx: !mijn tag\n---\n\nTekst.\n'
  const HUGE = 'Lange tekst. '.repeat(10_000)

  const editor = (courseId: string, lessonId: string) =>
    call(
      lessonPage.loader,
      getRequest(`/trainer/courses/${courseId}/lessons/${lessonId}`, trainer.cookie),
      { courseId, lessonId },
    )
  const preview = async (body: string) =>
    (
      await call(
        previewEndpoint.action,
        formRequest('/trainer/preview', { body }, { cookie: trainer.cookie }),
      )
    ).data as { ok: boolean; problems?: Array<{ line: number; message: string }> }

  test.each([
    ['deeply nested lists', DEEP_LISTS, /nest 3000 levels deep/],
    ['a huge text', HUGE, /\d+ characters; at most 100000/],
    ['a NUL character', 'Tekst\u0000.\n', /control character \(U\+0000\)/],
  ])('%s: not saved (400, text kept), the editor still opens', async (_, body, message) => {
    const courseId = `vijandig-${Math.random().toString(36).slice(2, 8)}`
    const moduleId = await newCourse(courseId)
    const lessonId = await newLesson(courseId, moduleId, 'Les')
    const refused = await saveLesson(courseId, lessonId, { revision: '1', bodyNl: body })
    expect(refused.status).toBe(400)
    const answer = refused.data as {
      values: { bodyNl: string }
      errors: Record<string, string[]>
      preview: { ok: boolean; problems: Array<{ message: string }> }
    }
    expect(answer.values.bodyNl).toBe(body)
    expect(answer.errors.bodyNl).toEqual(['authoring.bodyOverLimit'])
    expect(answer.preview.problems[0]!.message).toMatch(message)
    const stored = await prisma.draftLesson.findUniqueOrThrow({ where: { id: lessonId } })
    expect(stored.revision).toBe(1)
    expect((await editor(courseId, lessonId)).status).toBe(200)
    expect((await preview(body)).problems?.[0]?.message).toMatch(message)
  })

  test('a draft that holds a hostile text (saved before these limits) opens, and publishing refuses it with the same problem', async () => {
    const courseId = 'oude-vijandige-les'
    const moduleId = await newCourse(courseId)
    const lessonId = await newLesson(courseId, moduleId, 'Les')
    await prisma.draftLesson.update({
      where: { id: lessonId },
      data: { bodyNl: DEEP_LISTS, workProcesses: toJsonList(['TL-K2-W3']) },
    })
    const page = await editor(courseId, lessonId)
    expect(page.status).toBe(200)
    const shown = (page.data as { preview: { ok: boolean; problems: unknown[] } }).preview
    expect(shown).toMatchObject({ ok: false, problems: [{ line: 1 }] })
    const refused = await publish(courseId)
    expect(refused.status).toBe(400)
    expect(
      (refused.data as { problems: Array<{ line: number; message: string }> }).problems,
    ).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/nest 3000/) })])
  })

  test('a YAML front matter in the text is Markdown in the preview and in publishing alike: saved, opened, published', async () => {
    const courseId = 'yaml-in-tekst'
    const moduleId = await newCourse(courseId)
    const lessonId = await newLesson(courseId, moduleId, 'Les')
    const saved = await saveLesson(courseId, lessonId, { revision: '1', bodyNl: YAML_TAGS })
    expect(saved.status).toBe(200)
    expect((saved.data as { preview: { ok: boolean } }).preview.ok).toBe(true)
    expect((await editor(courseId, lessonId)).status).toBe(200)
    expect((await preview(YAML_TAGS)).ok).toBe(true)
    expect((await publish(courseId)).location).toBe(`/trainer/courses/${courseId}?published=1`)
    // And a text the preview refuses is refused by publishing, at the same place.
    const unsafe = 'Tekst.\n\n---js\nconsole.log(1)\n---\n\n<b>vet</b>\n'
    expect((await preview(unsafe)).problems).toEqual([
      expect.objectContaining({ line: 7, message: expect.stringMatching(/^HTML element <b>/) }),
    ])
    await saveLesson(courseId, lessonId, { revision: '2', bodyNl: unsafe })
    const refused = await publish(courseId)
    expect((refused.data as { problems: unknown[] }).problems).toEqual([
      expect.objectContaining({ line: 7, message: expect.stringMatching(/^HTML element <b>/) }),
    ])
  })

  test.each([
    [
      'a billion-laughs course.yaml',
      (files: Record<string, Uint8Array>, course: string) => {
        files[`${course}/course.yaml`] = new TextEncoder().encode(
          'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n',
        )
      },
      /course\.yaml:1:\d+ YAML: the anchor &a is not allowed/,
    ],
    [
      'a lesson front matter with a YAML tag',
      (files: Record<string, Uint8Array>, course: string) => {
        const name = Object.keys(files).find((f) => f.startsWith(course) && f.endsWith('.mdx'))!
        const text = new TextDecoder().decode(files[name])
        files[name] = new TextEncoder().encode(
          text.replace(/^title: .*$/m, 'title: !!js/function "function () {}"'),
        )
      },
      /YAML: the tag !!js\/function is not allowed/,
    ],
    [
      'a lesson of deeply nested lists',
      (files: Record<string, Uint8Array>, course: string) => {
        const name = Object.keys(files).find((f) => f.startsWith(course) && f.endsWith('.mdx'))!
        const text = new TextDecoder().decode(files[name])
        files[name] = new TextEncoder().encode(`${text}\n${DEEP_LISTS}`)
      },
      /^lesson \S+ \(nl\), line \d+: lists and quotes nest 3000 levels deep/,
    ],
  ])('importing a zip with %s is refused with a field error', async (_, spoil, message) => {
    const source = `import-bron-${Math.random().toString(36).slice(2, 8)}`
    const moduleId = await newCourse(source)
    const lessonId = await newLesson(source, moduleId, 'Les')
    await saveLesson(source, lessonId, { revision: '1', bodyNl: 'Gewone tekst.' })
    const files = await exportedFiles(source)
    spoil(files, source)
    const form = new FormData()
    form.set('intent', 'zip')
    form.set('owner', org.id)
    form.set('newId', `${source}-kopie`)
    form.set('file', new File([zipSync(files)], 'cursus.zip', { type: 'application/zip' }))
    const refused = await call(
      importPage.action,
      await multipartRequest('/trainer/import', form, { cookie: trainer.cookie }),
    )
    expect(refused.status).toBe(400)
    expect((refused.data as { errors: { file: string[] } }).errors.file[0]).toMatch(message)
    expect(await prisma.course.count({ where: { id: `${source}-kopie` } })).toBe(0)
  })
})
