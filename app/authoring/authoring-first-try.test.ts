import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { beforeAll, describe, expect, test } from 'vitest'
import * as courseNew from '#app/routes/trainer/course-new.tsx'
import * as coursePage from '#app/routes/trainer/course.tsx'
import * as lessonPage from '#app/routes/trainer/lesson.tsx'
import * as exportZip from '#app/routes/trainer/course-export.ts'
import * as publicCourse from '#app/routes/public/course.tsx'
import { prisma } from '#app/db.server.ts'
import { readCourse } from '#app/content/course-files.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { localized } from '#app/i18n/i18n.ts'
import { localizedWithLang } from '#app/i18n/localized-text.tsx'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'

/**
 * What a new trainer hit on the way to a first published course (#19): English asked of a
 * Dutch-only course, the empty first module blocking publication, and a quiz built into a
 * lesson that was not a quiz. Each is now right the first time.
 */
let org: Awaited<ReturnType<typeof makeOrganisation>>
let trainer: { id: string; cookie: string }

const DUTCH_ONLY = {
  dossierSlug: 'contactcenter-teamleider',
  languages: 'nl',
  titleNl: 'Feedback op de vloer',
  summaryNl: 'Korte, concrete feedback.',
  audienceNl: 'Teamleiders',
  selfEnrol: 'on',
}

function postNewCourse(fields: Record<string, string>) {
  return call(
    courseNew.action,
    formRequest('/trainer/courses/new', { owner: org.id, ...fields }, { cookie: trainer.cookie }),
  )
}

function courseAction(courseId: string, fields: Record<string, string>) {
  return call(
    coursePage.action,
    formRequest(`/trainer/courses/${courseId}`, fields, { cookie: trainer.cookie }),
    { courseId },
  )
}

function lessonAction(courseId: string, lessonId: string, fields: Record<string, unknown>) {
  return call(
    lessonPage.action,
    formRequest(
      `/trainer/courses/${courseId}/lessons/${lessonId}`,
      {
        intent: 'save',
        duration: '15',
        workProcesses: ['TL-K2-W3'],
        ...fields,
      } as Record<string, string | string[]>,
      { cookie: trainer.cookie },
    ),
    { courseId, lessonId },
  )
}

async function addLesson(courseId: string, moduleId: string, titleNl: string, type = 'lesson') {
  const added = await courseAction(courseId, { intent: 'add-lesson', moduleId, titleNl, type })
  expect(added.location).toMatch(/\/lessons\//)
  return added.location!.split('/').at(-1)!
}

const question = (n: number) => ({
  prompt: `Vraag ${n}?`,
  'options[0]': `Goed ${n}`,
  'options[1]': `Fout ${n}`,
  correct: '0',
})

beforeAll(async () => {
  await importDossierFolder()
  org = await makeOrganisation()
  const member = await makeMember(org.id, ['trainer'])
  trainer = { id: member.user.id, cookie: await cookieFor(member.user.id) }
})

describe('course languages', () => {
  test('a Dutch-only course is created without any English; its module has no English title', async () => {
    const created = await postNewCourse({ ...DUTCH_ONLY, id: 'alleen-nl' })
    expect(created.location).toBe('/trainer/courses/alleen-nl')
    const draft = await prisma.courseDraft.findUniqueOrThrow({
      where: { courseId: 'alleen-nl' },
      include: { modules: true },
    })
    expect(draft).toMatchObject({ languages: '["nl"]', titleEn: '', summaryEn: '', audienceEn: '' })
    expect(draft.modules.map((m) => m.titleEn)).toEqual([''])
  })

  test('English texts sent with a Dutch-only course are not kept', async () => {
    const created = await postNewCourse({
      ...DUTCH_ONLY,
      id: 'alleen-nl-2',
      titleEn: 'Left over',
      summaryEn: 'Left over',
      audienceEn: 'Left over',
    })
    expect(created.status).toBe(302)
    const draft = await prisma.courseDraft.findUniqueOrThrow({ where: { courseId: 'alleen-nl-2' } })
    expect(draft.titleEn).toBe('')
  })

  test('a bilingual course needs its English texts: field errors, nothing created', async () => {
    const refused = await postNewCourse({ ...DUTCH_ONLY, languages: 'nl+en', id: 'tweetalig' })
    expect(refused.status).toBe(400)
    const errors = (refused.data as { result: { error: Record<string, string[]> } }).result.error
    expect(errors).toMatchObject({
      titleEn: ['form.required'],
      summaryEn: ['form.required'],
      audienceEn: ['form.required'],
    })
    expect(await prisma.course.count({ where: { id: 'tweetalig' } })).toBe(0)

    const created = await postNewCourse({
      ...DUTCH_ONLY,
      languages: 'nl+en',
      id: 'tweetalig',
      titleEn: 'Feedback on the floor',
      summaryEn: 'Short, concrete feedback.',
      audienceEn: 'Team leaders',
    })
    expect(created.status).toBe(302)
    const draft = await prisma.courseDraft.findUniqueOrThrow({
      where: { courseId: 'tweetalig' },
      include: { modules: true },
    })
    expect(draft).toMatchObject({ languages: '["nl","en"]', titleEn: 'Feedback on the floor' })
    expect(draft.modules.map((m) => m.titleEn)).toEqual(['Module 1'])
    // A module of a bilingual course needs its English title too.
    const module = await courseAction('tweetalig', { intent: 'add-module', titleNl: 'Tweede' })
    expect(module.status).toBe(400)
  })

  test('the course checker asks English of a course that declares en, not of a Dutch-only one', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'course-languages-'))
    try {
      const write = async (languages: string) => {
        const dir = path.join(root, languages.replace(/\W/g, ''))
        await fs.mkdir(dir, { recursive: true })
        await fs.writeFile(
          path.join(dir, 'course.yaml'),
          [
            'id: taal-test',
            'title: { nl: "Titel" }',
            'summary: { nl: "Samenvatting" }',
            'audience: { nl: "Doelgroep" }',
            'dossier: contactcenter-teamleider',
            `languages: ${languages}`,
            '',
          ].join('\n'),
        )
        return readCourse(dir)
      }
      const dutch = await write('[nl]')
      expect(dutch.problems).toEqual([])
      expect(dutch.course?.meta.title).toEqual({ nl: 'Titel', en: '' })
      const bilingual = await write('[nl, en]')
      expect(bilingual.course).toBeNull()
      expect(bilingual.problems.map((p) => p.path)).toEqual([
        'title.en',
        'summary.en',
        'audience.en',
      ])
    } finally {
      await fs.rm(root, { recursive: true, force: true })
    }
  })

  test('an English page shows the Dutch text of a Dutch-only course, marked as Dutch', () => {
    const course = { titleNl: 'Feedback op de vloer', titleEn: '' }
    expect(localized(course, 'title', 'en')).toBe('Feedback op de vloer')
    expect(localizedWithLang(course, 'title', 'en')).toEqual({
      text: 'Feedback op de vloer',
      lang: 'nl',
    })
    const bilingual = { titleNl: 'Feedback', titleEn: 'Feedback (en)' }
    expect(localizedWithLang(bilingual, 'title', 'en')).toEqual({
      text: 'Feedback (en)',
      lang: 'en',
    })
    expect(localizedWithLang(bilingual, 'title', 'nl')).toEqual({ text: 'Feedback', lang: 'nl' })
  })
})

describe('a first course, published on the first try', () => {
  test('a Dutch-only course with a reading lesson and a quiz built in a "lesson" publishes; the empty first module is left out', async () => {
    const courseId = 'eerste-keer'
    expect((await postNewCourse({ ...DUTCH_ONLY, id: courseId })).status).toBe(302)
    // The trainer makes a module of their own and leaves the automatic one empty.
    const moduleAdded = await courseAction(courseId, {
      intent: 'add-module',
      titleNl: 'Feedback geven',
    })
    expect(moduleAdded.status).toBe(200)
    const modules = await prisma.draftModule.findMany({
      where: { courseId },
      orderBy: { position: 'asc' },
    })
    expect(modules.map((m) => [m.titleNl, m.titleEn])).toEqual([
      ['Module 1', ''],
      ['Feedback geven', ''],
    ])
    const moduleId = modules[1]!.id

    const reading = await addLesson(courseId, moduleId, 'Feedback met SBI')
    expect(
      (
        await lessonAction(courseId, reading, {
          revision: '1',
          type: 'lesson',
          titleNl: 'Feedback met SBI',
          bodyNl: '## Waarom SBI\n\nConcreet blijven.\n',
        })
      ).status,
    ).toBe(200)

    // The quiz builder in a lesson of type "lesson": the lesson becomes a quiz at once.
    const quiz = await addLesson(courseId, moduleId, 'Toets SBI')
    let body = (await prisma.draftLesson.findUniqueOrThrow({ where: { id: quiz } })).bodyNl
    for (const n of [1, 2, 3, 4]) {
      const built = await lessonAction(courseId, quiz, {
        intent: 'add-question',
        revision: String(n),
        type: n === 1 ? 'lesson' : 'quiz',
        titleNl: 'Toets SBI',
        bodyNl: body,
        ...question(n),
      })
      expect(built.status, JSON.stringify(built.data)).toBe(200)
      const answer = built.data as { values: { type: string; bodyNl: string }; madeQuiz: boolean }
      expect(answer.values.type).toBe('quiz')
      expect(answer.madeQuiz).toBe(n === 1)
      body = answer.values.bodyNl
    }
    const stored = await prisma.draftLesson.findUniqueOrThrow({ where: { id: quiz } })
    expect(stored.type).toBe('quiz')
    expect(stored.bodyNl.match(/<Question /g)).toHaveLength(4)

    const published = await courseAction(courseId, { intent: 'publish' })
    expect(published.location, JSON.stringify(published.data)).toBe(
      `/trainer/courses/${courseId}?published=1`,
    )
    const version = await prisma.courseVersion.findUniqueOrThrow({
      where: { courseId_version: { courseId, version: 1 } },
      include: { lessons: true },
    })
    expect(version).toMatchObject({ languages: '["nl"]', titleEn: '', summaryEn: '' })
    expect(new Set(version.lessons.map((l) => l.moduleTitleNl))).toEqual(
      new Set(['Feedback geven']),
    )

    // The draft and the version are the same course: nothing left to publish.
    const page = await call(
      coursePage.loader,
      getRequest(`/trainer/courses/${courseId}`, trainer.cookie),
      { courseId },
    )
    expect((page.data as { changed: boolean }).changed).toBe(false)

    // The export holds no English and no empty module: a folder `courses:check` accepts.
    const response = (await exportZip.loader({
      request: getRequest(`/trainer/courses/${courseId}/export.zip`, trainer.cookie),
      params: { courseId },
      context: undefined as never,
    } as never)) as Response
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
    const courseYaml = new TextDecoder().decode(files[`${courseId}/course.yaml`])
    expect(courseYaml).toContain('title: { nl: "Feedback op de vloer" }')
    expect(courseYaml).not.toContain('en:')
    expect(Object.keys(files).filter((f) => f.endsWith('module.yaml'))).toHaveLength(1)

    // A learner of the organisation opens it.
    const learner = await makeMember(org.id, ['learner'])
    const course = await call(
      publicCourse.loader,
      getRequest(`/courses/${courseId}`, await cookieFor(learner.user.id)),
      { courseId },
    )
    expect(course.status).toBe(200)
  })

  test('the quiz builder sets after how many attempts the answers show', async () => {
    const courseId = 'toon-antwoorden'
    expect((await postNewCourse({ ...DUTCH_ONLY, id: courseId })).status).toBe(302)
    const moduleId = (await prisma.draftModule.findFirstOrThrow({ where: { courseId } })).id
    const quiz = await addLesson(courseId, moduleId, 'Toets', 'quiz')
    const fields = { type: 'quiz', titleNl: 'Toets', bodyNl: 'Intro.', ...question(1) }
    const wrong = await lessonAction(courseId, quiz, {
      ...fields,
      intent: 'add-question',
      revision: '1',
      revealAfter: '0',
    })
    expect(wrong.status).toBe(400)
    expect((wrong.data as { errors: object }).errors).toEqual({
      'question.revealAfter': ['authoringFlow.revealAfterNumber'],
    })
    const built = await lessonAction(courseId, quiz, {
      ...fields,
      intent: 'add-question',
      revision: '1',
      revealAfter: '2',
    })
    expect(built.status).toBe(200)
    const stored = await prisma.draftLesson.findUniqueOrThrow({ where: { id: quiz } })
    expect(stored.bodyNl).toContain('<Quiz passMark="75" revealAfter="2">')
  })
})
