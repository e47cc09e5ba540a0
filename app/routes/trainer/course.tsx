import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/course'
import { CourseFields } from './course-fields.tsx'
import { FormSubmit, Notice } from '#app/components/forms.tsx'
import { requireAuthoredCourse } from '#app/authoring/authoring-access.server.ts'
import {
  CourseFieldsSchema,
  courseFieldsFrom,
  ModuleTitleSchema,
  NewLessonSchema,
} from '#app/authoring/authoring-forms.ts'
import { diffSnapshots } from '#app/authoring/course-diff.ts'
import {
  addLesson,
  addModule,
  deleteLesson,
  deleteModule,
  draftSnapshot,
  getDraft,
  getDraftSummary,
  moveLesson,
  moveModule,
  renameModule,
  updateCourseFields,
} from '#app/authoring/drafts.server.ts'
import { starterBody } from '#app/authoring/kit-snippets.ts'
import { publishDraft, type AuthoringProblem } from '#app/authoring/publish.server.ts'
import { localizeProblem } from '#app/authoring/problem-messages.ts'
import { versionSnapshot } from '#app/authoring/versions.server.ts'
import { courseLanguages } from '#app/domain/course-languages.ts'
import { listCurrentDossiers } from '#app/domain/dossiers.server.ts'
import { formatDate, localized, type TextKey } from '#app/i18n/i18n.ts'
import { LESSON_TYPE_LABEL, textFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.draft.titleNl} · Trainer` : 'Trainer' },
]

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireAuthoredCourse(request, params.courseId)
  const [draft, dossiers, snapshot] = await Promise.all([
    getDraft(params.courseId),
    listCurrentDossiers(),
    draftSnapshot(params.courseId),
  ])
  invariantResponse(draft && snapshot, 'Not found')
  const current = draft.course.currentVersion
  const published = current ? await versionSnapshot(params.courseId, current.version) : null
  const diff = diffSnapshots(published, snapshot)
  return {
    draft,
    dossiers: dossiers.map((d) => ({
      slug: d.slug,
      qualificationNl: d.qualificationNl,
      qualificationEn: d.qualificationEn,
    })),
    changed: !diff.isEmpty,
    workProcess: new URL(request.url).searchParams.get('workProcess'),
    published: new URL(request.url).searchParams.get('published'),
    imported: new URL(request.url).searchParams.get('imported') === '1',
    confirmDelete: new URL(request.url).searchParams.get('delete'),
  }
}

const MoveSchema = z.object({
  id: z.string().min(1).max(100),
  direction: z.enum(['up', 'down']),
})
const IdSchema = z.object({ id: z.string().min(1).max(100) })

type ActionResult = {
  intent: string
  result?: SubmissionResult<string[]>
  problems?: AuthoringProblem[]
  message?: TextKey
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user } = await requireAuthoredCourse(request, params.courseId)
  const courseId = params.courseId
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const fail = (body: ActionResult) => data(body, { status: 400 })
  const done = (body: ActionResult) => body
  /** A module title in the course's languages: no English in a Dutch-only course. */
  const moduleTitle = async (value: { titleNl: string; titleEn?: string }) => {
    const draft = await getDraftSummary(courseId)
    invariantResponse(draft, 'Not found')
    const bilingual = courseLanguages(draft.languages).includes('en')
    if (bilingual && !value.titleEn) return null
    return { nl: value.titleNl, en: bilingual ? value.titleEn! : '' }
  }

  switch (intent) {
    case 'save-course': {
      const submission = parseWithZod(formData, { schema: CourseFieldsSchema })
      if (submission.status !== 'success') return fail({ intent, result: submission.reply() })
      const dossiers = await listCurrentDossiers()
      if (!dossiers.some((d) => d.slug === submission.value.dossierSlug)) {
        return fail({
          intent,
          result: submission.reply({ fieldErrors: { dossierSlug: ['authoring.dossierInvalid'] } }),
        })
      }
      const basedOn = Number(formData.get('revision'))
      if (
        !(await updateCourseFields(courseId, basedOn, courseFieldsFrom(submission.value), user.id))
      ) {
        // Someone else saved the course's fields meanwhile: nothing is overwritten.
        return data<ActionResult>(
          { intent, result: submission.reply({ formErrors: ['authoring.courseStale'] }) },
          { status: 409 },
        )
      }
      return done({ intent, message: 'authoring.saved' })
    }
    case 'add-module': {
      const submission = parseWithZod(formData, { schema: ModuleTitleSchema })
      if (submission.status !== 'success') return fail({ intent, result: submission.reply() })
      const title = await moduleTitle(submission.value)
      if (!title) {
        return fail({
          intent,
          result: submission.reply({ fieldErrors: { titleEn: ['form.required'] } }),
        })
      }
      await addModule(courseId, title)
      return done({ intent, message: 'authoring.saved' })
    }
    case 'rename-module': {
      const submission = parseWithZod(formData, { schema: ModuleTitleSchema.merge(IdSchema) })
      if (submission.status !== 'success') return fail({ intent, result: submission.reply() })
      const title = await moduleTitle(submission.value)
      if (!title) {
        return fail({
          intent,
          result: submission.reply({ fieldErrors: { titleEn: ['form.required'] } }),
        })
      }
      invariantResponse(await renameModule(courseId, submission.value.id, title), 'Not found')
      return done({ intent, message: 'authoring.saved' })
    }
    case 'move-module':
    case 'move-lesson': {
      const submission = parseWithZod(formData, { schema: MoveSchema })
      if (submission.status !== 'success') return fail({ intent, result: submission.reply() })
      const { id, direction } = submission.value
      if (intent === 'move-module') await moveModule(courseId, id, direction)
      else await moveLesson(courseId, id, direction)
      return done({ intent, message: 'authoring.moved' })
    }
    case 'delete-module': {
      const submission = parseWithZod(formData, { schema: IdSchema })
      if (submission.status !== 'success') return fail({ intent, result: submission.reply() })
      if ((await deleteModule(courseId, submission.value.id)) === 'not_empty') {
        return fail({ intent, message: 'authoring.moduleNotEmpty' })
      }
      return done({ intent, message: 'authoring.deleted' })
    }
    case 'delete-lesson': {
      const submission = parseWithZod(formData, { schema: IdSchema })
      if (submission.status !== 'success') return fail({ intent, result: submission.reply() })
      await deleteLesson(courseId, submission.value.id)
      return done({ intent, message: 'authoring.deleted' })
    }
    case 'add-lesson': {
      const submission = parseWithZod(formData, { schema: NewLessonSchema })
      if (submission.status !== 'success') return fail({ intent, result: submission.reply() })
      const { moduleId, titleNl, type, workProcess } = submission.value
      const lesson = await addLesson(
        courseId,
        moduleId,
        {
          type,
          duration: type === 'quiz' ? 10 : 15,
          titleNl,
          titleEn: null,
          workProcesses: workProcess ? [workProcess] : [],
          competencies: [],
          bodyNl: starterBody(type),
          bodyEn: null,
        },
        user.id,
      )
      invariantResponse(lesson, 'Not found')
      throw redirect(`/trainer/courses/${courseId}/lessons/${lesson.id}`)
    }
    case 'publish': {
      const outcome = await publishDraft(courseId, user.id)
      if (!outcome.ok) return fail({ intent, problems: outcome.problems })
      throw redirect(`/trainer/courses/${courseId}?published=${outcome.version}`)
    }
    default:
      return fail({ intent, message: 'authoring.unknownAction' })
  }
}

function MoveButtons({ intent, id, label }: { intent: string; id: string; label: string }) {
  const { t } = useTranslation()
  return (
    <>
      {(['up', 'down'] as const).map((direction) => (
        <Form method="post" key={direction} className="inline">
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="direction" value={direction} />
          <button
            type="submit"
            className="button small secondary"
            aria-label={t(direction === 'up' ? 'authoring.moveUp' : 'authoring.moveDown', {
              name: label,
            })}
          >
            {direction === 'up' ? '↑' : '↓'}
          </button>
        </Form>
      ))}
    </>
  )
}

export default function TrainerCourse({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { draft } = loaderData
  const courseResult = actionData?.intent === 'save-course' ? actionData.result : undefined
  const bilingual = draft.languages.includes('en')
  const [form, fields] = useForm({
    id: `course-${draft.courseId}`,
    lastResult: courseResult,
    constraint: getZodConstraint(CourseFieldsSchema),
    // As on the new-course form: errors go while typing, never on blur under the pointer.
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CourseFieldsSchema }),
    defaultValue: {
      dossierSlug: draft.dossierSlug,
      languages: bilingual ? 'nl+en' : 'nl',
      titleNl: draft.titleNl,
      titleEn: draft.titleEn,
      summaryNl: draft.summaryNl,
      summaryEn: draft.summaryEn,
      audienceNl: draft.audienceNl,
      audienceEn: draft.audienceEn,
      selfEnrol: draft.selfEnrol ? 'on' : undefined,
    },
  })
  const current = draft.course.currentVersion
  const lessonById = new Map(
    draft.modules.flatMap((m) => m.lessons.map((l) => [l.lessonKey, l] as const)),
  )
  return (
    <div className="page">
      <p>
        <Link to="/trainer">← {t('trainer.title')}</Link>
      </p>
      <h1>{draft.titleNl}</h1>
      <p className="lead">
        {current
          ? t('authoring.publishedVersion', {
              version: current.version,
              date: formatDate(current.publishedAt, locale),
            })
          : t('authoring.neverPublished')}{' '}
        {loaderData.changed ? t('authoring.draftChanged') : t('authoring.draftSame')}
      </p>
      {loaderData.published ? (
        <Notice>
          {t('authoring.publishedNow', { version: loaderData.published })}{' '}
          <Link to={`/courses/${draft.courseId}`}>{t('authoring.openAsLearner')}</Link>
        </Notice>
      ) : null}
      {loaderData.imported ? <Notice>{t('authoring.imported')}</Notice> : null}
      {actionData?.message ? (
        <p
          role={actionData.intent === 'delete-module' ? 'alert' : 'status'}
          className={`notice ${actionData.intent === 'delete-module' ? 'error' : 'success'}`}
        >
          {t(actionData.message)}
        </p>
      ) : null}
      <nav aria-label={t('authoring.courseTools')}>
        <ul className="plain inline-list">
          <li>
            <Link to={`/trainer/courses/${draft.courseId}/versions`}>
              {t('authoring.versions')}
            </Link>
          </li>
          <li>
            <a href={`/trainer/courses/${draft.courseId}/export.zip`} download>
              {t('authoring.export')}
            </a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="publish">
        <h2 id="publish">{t('authoring.publish')}</h2>
        <p>{t('authoring.publishIntro')}</p>
        {actionData?.problems ? (
          <div role="alert" className="problems">
            <p>
              <strong>
                {t('authoring.publishRefused', { count: actionData.problems.length })}
              </strong>
            </p>
            <ul>
              {actionData.problems.map((p, i) => {
                const lesson = p.lessonKey ? lessonById.get(p.lessonKey) : undefined
                return (
                  <li key={i}>
                    {lesson ? (
                      <Link to={`/trainer/courses/${draft.courseId}/lessons/${lesson.id}`}>
                        {lesson.titleNl}
                      </Link>
                    ) : (
                      t('authoring.theCourse')
                    )}
                    {p.line > 0
                      ? ` (${p.language.toUpperCase()}) ${t('authoring.lineCol', { line: p.line, col: p.col })}`
                      : ''}
                    : {localizeProblem(p.message, locale)}
                  </li>
                )
              })}
            </ul>
          </div>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="publish" />
          <button type="submit" className="button">
            {t('authoring.publishButton')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="structure">
        <h2 id="structure">{t('authoring.structure')}</h2>
        {draft.modules.map((module, m) => (
          <section
            key={module.id}
            className="card module-editor"
            aria-labelledby={`m-${module.id}`}
          >
            <h3 id={`m-${module.id}`}>
              {m + 1}. {module.titleNl}
            </h3>
            <div className="toolbar">
              <MoveButtons intent="move-module" id={module.id} label={module.titleNl} />
              {module.lessons.length === 0 ? (
                <Form method="post" className="inline">
                  <input type="hidden" name="intent" value="delete-module" />
                  <input type="hidden" name="id" value={module.id} />
                  <button type="submit" className="button small secondary">
                    {t('authoring.deleteModule')}
                  </button>
                </Form>
              ) : null}
            </div>
            <details>
              <summary>{t('authoring.renameModule')}</summary>
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="rename-module" />
                <input type="hidden" name="id" value={module.id} />
                <div className="field">
                  <label htmlFor={`mnl-${module.id}`}>{t('authoring.titleNl')}</label>
                  <input
                    id={`mnl-${module.id}`}
                    name="titleNl"
                    defaultValue={module.titleNl}
                    required
                  />
                </div>
                {bilingual ? (
                  <div className="field">
                    <label htmlFor={`men-${module.id}`}>{t('authoring.titleEn')}</label>
                    <input
                      id={`men-${module.id}`}
                      name="titleEn"
                      defaultValue={module.titleEn}
                      required
                    />
                  </div>
                ) : null}
                <button type="submit" className="button small">
                  {t('authoring.save')}
                </button>
              </Form>
            </details>
            {module.lessons.length > 0 ? (
              <ol className="lesson-list">
                {module.lessons.map((lesson) => (
                  <li key={lesson.id}>
                    <Link to={`/trainer/courses/${draft.courseId}/lessons/${lesson.id}`}>
                      {lesson.titleNl}
                    </Link>{' '}
                    <span className="muted">
                      {textFor(t, LESSON_TYPE_LABEL, lesson.type)} ·{' '}
                      {lesson.workProcesses.length > 0
                        ? lesson.workProcesses.join(', ')
                        : t('authoring.noWorkProcess')}
                    </span>
                    <span className="toolbar">
                      <MoveButtons intent="move-lesson" id={lesson.id} label={lesson.titleNl} />
                      {loaderData.confirmDelete === lesson.id ? (
                        <span role="alert" className="confirm">
                          {t('authoring.deleteConfirm', { name: lesson.titleNl })}{' '}
                          <Form method="post" className="inline">
                            <input type="hidden" name="intent" value="delete-lesson" />
                            <input type="hidden" name="id" value={lesson.id} />
                            <button type="submit" className="button small danger">
                              {t('authoring.deleteYes')}
                            </button>
                          </Form>{' '}
                          <Link to=".">{t('authoring.cancel')}</Link>
                        </span>
                      ) : (
                        // Deleting asks first, without JavaScript too: a link to the question.
                        <Link
                          to={`?delete=${lesson.id}`}
                          className="button small secondary"
                          aria-label={t('authoring.deleteLesson', { name: lesson.titleNl })}
                          preventScrollReset
                        >
                          {t('authoring.delete')}
                        </Link>
                      )}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">
                {t('authoring.emptyModule')} {t('authoringFlow.emptyModuleSkipped')}
              </p>
            )}
            <Form method="post" className="add-lesson">
              <input type="hidden" name="intent" value="add-lesson" />
              <input type="hidden" name="moduleId" value={module.id} />
              {loaderData.workProcess ? (
                <input type="hidden" name="workProcess" value={loaderData.workProcess} />
              ) : null}
              <fieldset>
                <legend>{t('authoring.addLessonTo', { module: module.titleNl })}</legend>
                <div className="field">
                  <label htmlFor={`lt-${module.id}`}>{t('authoring.lessonTitle')}</label>
                  <input id={`lt-${module.id}`} name="titleNl" required maxLength={120} />
                </div>
                <div className="field">
                  <label htmlFor={`ly-${module.id}`}>{t('authoring.lessonType')}</label>
                  <select id={`ly-${module.id}`} name="type" defaultValue="lesson">
                    {(['lesson', 'quiz', 'scenario', 'assignment'] as const).map((type) => (
                      <option key={type} value={type}>
                        {t(LESSON_TYPE_LABEL[type])}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="button small">
                  {t('authoring.addLesson')}
                </button>
              </fieldset>
            </Form>
          </section>
        ))}
        <Form method="post" className="stack card">
          <input type="hidden" name="intent" value="add-module" />
          <h3>{t('authoring.addModule')}</h3>
          <div className="field">
            <label htmlFor="new-module-nl">{t('authoring.titleNl')}</label>
            <input id="new-module-nl" name="titleNl" required maxLength={120} />
          </div>
          {bilingual ? (
            <div className="field">
              <label htmlFor="new-module-en">{t('authoring.titleEn')}</label>
              <input id="new-module-en" name="titleEn" required maxLength={120} />
            </div>
          ) : null}
          <button type="submit" className="button small">
            {t('authoring.addModule')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="course-fields">
        <h2 id="course-fields">{t('authoring.courseFields')}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="save-course" />
          <input type="hidden" name="revision" value={draft.revision} />
          <CourseFields
            fields={fields}
            dossiers={loaderData.dossiers.map((d) => ({
              slug: d.slug,
              name: localized(d, 'qualification', locale),
            }))}
          />
          <FormSubmit form={form}>{t('authoring.save')}</FormSubmit>
        </Form>
      </section>
    </div>
  )
}
