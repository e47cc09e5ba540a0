import { parseWithZod } from '@conform-to/zod'
import { useEffect, useRef, useState } from 'react'
import { data, Form, Link, useBlocker, useFetcher } from 'react-router'
import type { Route } from './+types/lesson'
import { Checkbox, ErrorList, Notice } from '#app/components/forms.tsx'
import { DiffLines } from './course-diff-view.tsx'
import { LessonPreview, type PreviewData } from './lesson-preview.tsx'
import { requireAuthoredCourse } from '#app/authoring/authoring-access.server.ts'
import { LessonFieldsSchema, QuestionSchema } from '#app/authoring/authoring-forms.ts'
import { lineDiff } from '#app/authoring/course-diff.ts'
import {
  getDraftLesson,
  getDraftSummary,
  LessonConflict,
  saveLesson,
  type LessonFields,
} from '#app/authoring/drafts.server.ts'
import {
  addQuestion,
  appendSnippet,
  questionCount,
  revealAfterOf,
  setRevealAfter,
  SNIPPETS,
  type SnippetName,
} from '#app/authoring/kit-snippets.ts'
import { previewLesson } from '#app/authoring/lesson-preview.server.ts'
import { LESSON_TYPES } from '#app/content/lesson-kit-spec.ts'
import { courseLanguages } from '#app/domain/course-languages.ts'
import { getDossierOutline, listCompetencies } from '#app/domain/dossiers.server.ts'
import { formatDate, localized } from '#app/i18n/i18n.ts'
import { LESSON_TYPE_LABEL, SNIPPET_LABEL, textFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.lesson.titleNl} · Trainer` : 'Trainer' },
]

async function load(request: Request, params: Route.LoaderArgs['params']) {
  const { user } = await requireAuthoredCourse(request, params.courseId)
  const [lesson, draft] = await Promise.all([
    getDraftLesson(params.courseId, params.lessonId),
    getDraftSummary(params.courseId),
  ])
  invariantResponse(lesson && draft, 'Not found')
  return { user, lesson, draft }
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { lesson, draft } = await load(request, params)
  const [dossier, competencies, preview] = await Promise.all([
    getDossierOutline(draft.dossierSlug),
    listCompetencies(),
    previewLesson(lesson.bodyNl),
  ])
  invariantResponse(dossier, 'Dossier not found')
  return {
    courseId: params.courseId,
    course: { titleNl: draft.titleNl, bilingual: courseLanguages(draft.languages).includes('en') },
    lesson,
    coreTasks: dossier.coreTasks,
    competencies: competencies.map((c) => ({
      code: c.code,
      titleNl: c.titleNl,
      titleEn: c.titleEn,
    })),
    preview: preview satisfies PreviewData,
  }
}

type Values = Omit<LessonFields, 'titleEn' | 'bodyEn'> & {
  titleEn: string
  bodyEn: string
  revision: number
}
type ActionResult = {
  intent: string
  values: Values
  errors: Record<string, string[] | null | undefined>
  preview: PreviewData | null
  saved: boolean
  conflict: LessonConflict['current'] | null
  /** The quiz builder turned the lesson into a quiz: the page says so. */
  madeQuiz?: boolean
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, draft } = await load(request, params)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? 'save')
  const submission = parseWithZod(formData, { schema: LessonFieldsSchema })
  // What the trainer sent comes back on every refusal, so nothing typed is lost.
  const values: Values = {
    revision: Number(formData.get('revision')),
    type: String(formData.get('type')) as Values['type'],
    duration: Number(formData.get('duration')),
    titleNl: String(formData.get('titleNl') ?? ''),
    titleEn: String(formData.get('titleEn') ?? ''),
    workProcesses: formData.getAll('workProcesses').map(String),
    competencies: formData.getAll('competencies').map(String),
    bodyNl: String(formData.get('bodyNl') ?? ''),
    bodyEn: String(formData.get('bodyEn') ?? ''),
  }
  const refuse = (
    errors: ActionResult['errors'],
    status = 400,
    conflict: ActionResult['conflict'] = null,
  ) =>
    data<ActionResult>(
      { intent, values, errors, preview: null, saved: false, conflict },
      { status },
    )
  // A preview saves nothing, so it needs nothing but the text.
  if (intent === 'preview' || intent === 'preview-en') {
    const preview = await previewLesson(intent === 'preview-en' ? values.bodyEn : values.bodyNl)
    return data<ActionResult>({ intent, values, errors: {}, preview, saved: false, conflict: null })
  }
  if (submission.status !== 'success') return refuse(submission.reply().error ?? {})
  const value = submission.value

  const dossier = await getDossierOutline(draft.dossierSlug)
  const known = new Set(dossier?.coreTasks.flatMap((k) => k.workProcesses.map((w) => w.code)))
  if (value.workProcesses.some((code) => !known.has(code))) {
    return refuse({ workProcesses: ['authoring.workProcessUnknown'] })
  }
  let bodyNl = value.bodyNl
  let type = value.type
  if (intent === 'add-question') {
    const question = parseWithZod(formData, { schema: QuestionSchema })
    if (question.status !== 'success') {
      const errors = question.reply().error ?? {}
      return refuse(
        Object.fromEntries(Object.entries(errors).map(([k, v]) => [`question.${k}`, v ?? []])),
      )
    }
    bodyNl = addQuestion(bodyNl, question.value)
    if (question.value.revealAfter !== undefined)
      bodyNl = setRevealAfter(bodyNl, question.value.revealAfter)
    // A <Quiz> belongs in a lesson of type quiz: the builder makes it one rather than let
    // publishing refuse it later. Its text and other components stay as they are.
    type = 'quiz'
  }
  if (intent === 'insert-snippet') {
    const snippet = String(formData.get('snippet'))
    if (!(snippet in SNIPPETS)) return refuse({ snippet: ['authoring.snippetUnknown'] })
    bodyNl = appendSnippet(bodyNl, snippet as SnippetName)
  }
  const fields: LessonFields = {
    type,
    duration: value.duration,
    titleNl: value.titleNl,
    titleEn: value.titleEn || null,
    workProcesses: value.workProcesses,
    competencies: value.competencies,
    bodyNl,
    bodyEn: value.bodyEn || null,
  }
  // A text too large, deep or slow to judge is not stored: no draft may be one that cannot open.
  const [preview, previewEn] = await Promise.all([
    previewLesson(bodyNl),
    fields.bodyEn === null ? null : previewLesson(fields.bodyEn),
  ])
  const overLimit = [preview, previewEn].find((p) => p && !p.ok && p.overLimit)
  if (overLimit) {
    return data<ActionResult>(
      {
        intent,
        values: { ...values, bodyNl },
        errors: { [overLimit === preview ? 'bodyNl' : 'bodyEn']: ['authoring.bodyOverLimit'] },
        preview: overLimit,
        saved: false,
        conflict: null,
      },
      { status: 400 },
    )
  }
  try {
    await saveLesson(params.courseId, params.lessonId, value.revision, fields, user.id)
  } catch (error) {
    if (!(error instanceof LessonConflict)) throw error
    return refuse({}, 409, error.current)
  }
  return data<ActionResult>({
    intent,
    values: { ...values, type, bodyNl, revision: value.revision + 1 },
    errors: {},
    preview,
    saved: true,
    conflict: null,
    madeQuiz: type !== value.type,
  })
}

/** Ask before leaving the page (a link, or closing the tab) while there is unsaved text. */
function useLeaveWarning(unsaved: boolean, question: string) {
  useEffect(() => {
    if (!unsaved) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [unsaved])
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved && currentLocation.pathname !== nextLocation.pathname,
  )
  useEffect(() => {
    if (blocker.state !== 'blocked') return
    if (window.confirm(question)) blocker.proceed()
    else blocker.reset()
  }, [blocker, question])
}

/** Put the caret on a line of the editor, so an error message leads to its place. */
function goTo(textarea: HTMLTextAreaElement | null, line: number, col: number) {
  if (!textarea) return
  const lines = textarea.value.split('\n')
  const offset =
    lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, col - 1)
  textarea.focus()
  textarea.setSelectionRange(offset, offset)
}

export default function TrainerLesson({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { lesson, courseId } = loaderData
  const values = actionData?.values ?? {
    ...lesson,
    titleEn: lesson.titleEn ?? '',
    bodyEn: lesson.bodyEn ?? '',
  }
  const errors: ActionResult['errors'] = actionData?.errors ?? {}
  const conflict = actionData?.conflict ?? null
  // After a conflict the next save is based on what is stored now: a conscious overwrite.
  const revision = conflict ? conflict.revision : values.revision
  const bodyRef = useRef<HTMLTextAreaElement>(null)
  const live = useFetcher<PreviewData>()
  const [typed, setTyped] = useState(false)
  // Text typed since the last answer from the server, or refused by it, is not saved yet.
  const [edited, setEdited] = useState(false)
  const unsaved = edited || (actionData ? !actionData.saved : false)
  useLeaveWarning(unsaved, t('authoring.unsavedLeave'))
  const preview: PreviewData =
    (typed ? live.data : undefined) ?? actionData?.preview ?? loaderData.preview
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const onBodyInput = (body: string) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      setTyped(true)
      void live.submit({ body }, { method: 'post', action: '/trainer/preview' })
    }, 400)
  }
  const formKey = `${lesson.id}-${revision}-${actionData ? 'a' : 'l'}`

  return (
    <div className="page editor-page">
      <nav aria-label={t('lesson.breadcrumb')} className="breadcrumb">
        <Link to="/trainer">{t('trainer.title')}</Link> ›{' '}
        <Link to={`/trainer/courses/${courseId}`}>{loaderData.course.titleNl}</Link>
      </nav>
      <h1>{values.titleNl || lesson.titleNl}</h1>
      <p className="muted">
        {t('authoring.lessonId')}: <code>{lesson.lessonKey}</code> ·{' '}
        {t('authoring.lastSaved', { date: formatDate(lesson.updatedAt, locale) })}
      </p>
      {actionData?.saved ? (
        <Notice>
          {t('authoring.saved')}
          {actionData.madeQuiz ? ` ${t('authoringFlow.madeQuiz')}` : null}
        </Notice>
      ) : null}
      {conflict ? (
        <div role="alert" className="problems conflict">
          <p>
            <strong>
              {t('authoring.conflict', {
                name: conflict.updatedBy ?? '?',
                date: formatDate(conflict.updatedAt, locale),
              })}
            </strong>
          </p>
          <p>{t('authoring.conflictHelp')}</p>
          <details open>
            <summary>{t('authoring.conflictDiff')}</summary>
            <DiffLines lines={lineDiff(conflict.bodyNl, values.bodyNl)} />
          </details>
        </div>
      ) : null}
      <div className="editor-grid">
        <Form
          method="post"
          key={formKey}
          className="stack editor-form"
          noValidate
          // What the server answers (saved text, its preview) replaces the typing preview.
          onChange={() => setEdited(true)}
          onSubmit={() => {
            clearTimeout(timer.current)
            setTyped(false)
            setEdited(false)
          }}
        >
          <input type="hidden" name="revision" value={revision} />
          <fieldset>
            <legend>{t('authoring.lessonFields')}</legend>
            <div className="field">
              <label htmlFor="titleNl">{t('authoring.titleNl')}</label>
              <input id="titleNl" name="titleNl" defaultValue={values.titleNl} />
              <ErrorList errors={errors.titleNl} />
            </div>
            {loaderData.course.bilingual ? (
              <div className="field">
                <label htmlFor="titleEn">{t('authoring.titleEn')}</label>
                <input id="titleEn" name="titleEn" defaultValue={values.titleEn} />
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="type">{t('authoring.lessonType')}</label>
              <select id="type" name="type" defaultValue={values.type}>
                {LESSON_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(LESSON_TYPE_LABEL[type])}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="duration">{t('authoring.duration')}</label>
              <input
                id="duration"
                name="duration"
                type="number"
                min={1}
                max={600}
                defaultValue={values.duration}
              />
              <ErrorList errors={errors.duration} />
            </div>
          </fieldset>
          <fieldset aria-describedby="wp-hint">
            <legend>{t('authoring.workProcesses')}</legend>
            <p id="wp-hint" className="hint">
              {t('authoring.workProcessesHint')}
            </p>
            {loaderData.coreTasks.map((k) => (
              <fieldset key={k.code} className="picker">
                <legend>
                  <span className="code">{k.code}</span> {localized(k, 'title', locale)}
                </legend>
                {k.workProcesses.map((w) => (
                  <Checkbox
                    key={w.code}
                    id={`wp-${w.code}`}
                    name="workProcesses"
                    value={w.code}
                    defaultChecked={values.workProcesses.includes(w.code)}
                  >
                    <span className="code">{w.code}</span> {localized(w, 'title', locale)}
                  </Checkbox>
                ))}
              </fieldset>
            ))}
            <ErrorList errors={errors.workProcesses} />
          </fieldset>
          <details>
            <summary>{t('authoring.competencies')}</summary>
            <fieldset className="picker columns">
              <legend className="visually-hidden">{t('authoring.competencies')}</legend>
              {loaderData.competencies.map((c) => (
                <Checkbox
                  key={c.code}
                  id={`c-${c.code}`}
                  name="competencies"
                  value={c.code}
                  defaultChecked={values.competencies.includes(c.code)}
                >
                  {c.code}. {localized(c, 'title', locale)}
                </Checkbox>
              ))}
            </fieldset>
          </details>
          <div className="field">
            <label htmlFor="bodyNl">{t('authoring.bodyNl')}</label>
            <p className="hint" id="body-hint">
              {t('authoring.bodyHint')}
            </p>
            <textarea
              id="bodyNl"
              name="bodyNl"
              ref={bodyRef}
              rows={24}
              spellCheck
              lang="nl"
              className="mdx-source"
              defaultValue={values.bodyNl}
              aria-describedby="body-hint"
              onChange={(e) => onBodyInput(e.currentTarget.value)}
            />
            <ErrorList errors={errors.bodyNl} />
          </div>
          {loaderData.course.bilingual ? (
            <div className="field">
              <label htmlFor="bodyEn">{t('authoring.bodyEn')}</label>
              <textarea
                id="bodyEn"
                name="bodyEn"
                rows={12}
                lang="en"
                className="mdx-source"
                defaultValue={values.bodyEn}
                onChange={(e) => onBodyInput(e.currentTarget.value)}
              />
              <ErrorList errors={errors.bodyEn} />
            </div>
          ) : null}
          <div className="toolbar">
            <button type="submit" name="intent" value="save" className="button">
              {t('authoring.save')}
            </button>
            <button type="submit" name="intent" value="preview" className="button secondary">
              {t('authoring.previewButton')}
            </button>
            {loaderData.course.bilingual ? (
              <button type="submit" name="intent" value="preview-en" className="button secondary">
                {t('authoring.previewButtonEn')}
              </button>
            ) : null}
          </div>

          <details className="kit-tools">
            <summary>{t('authoring.insert')}</summary>
            <div className="field">
              <label htmlFor="snippet">{t('authoring.snippet')}</label>
              <select id="snippet" name="snippet" defaultValue="callout">
                {Object.keys(SNIPPETS).map((name) => (
                  <option key={name} value={name}>
                    {textFor(t, SNIPPET_LABEL, name)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" name="intent" value="insert-snippet" className="button small">
              {t('authoring.insertButton')}
            </button>
          </details>
          <details
            className="kit-tools quiz-builder"
            // Stays open while questions are added one after another.
            open={
              actionData?.intent === 'add-question' ||
              Object.keys(errors).some((k) => k.startsWith('question.'))
            }
          >
            <summary>{t('authoring.quizBuilder')}</summary>
            <p className="hint">{t('authoring.quizBuilderHint')}</p>
            {questionCount(values.bodyNl) > 0 ? (
              <p className="hint">
                {t('authoringFlow.questionCount', { count: questionCount(values.bodyNl) })}
              </p>
            ) : null}
            <div className="field">
              <label htmlFor="q-prompt">{t('authoring.questionPrompt')}</label>
              <input id="q-prompt" name="prompt" />
              <ErrorList errors={errors['question.prompt']} />
            </div>
            <fieldset>
              <legend>{t('authoring.questionOptions')}</legend>
              {[0, 1, 2, 3].map((i) => (
                <div className="option-row" key={i}>
                  <label htmlFor={`q-option-${i}`}>
                    {t('authoring.option', { letter: String.fromCharCode(65 + i) })}
                  </label>
                  <input id={`q-option-${i}`} name={`options[${i}]`} />
                  <input
                    type="checkbox"
                    id={`q-correct-${i}`}
                    name="correct"
                    value={i}
                    aria-label={t('authoring.optionCorrect', {
                      letter: String.fromCharCode(65 + i),
                    })}
                  />
                  <label htmlFor={`q-correct-${i}`} aria-hidden="true">
                    {t('authoring.correct')}
                  </label>
                </div>
              ))}
              <ErrorList
                errors={Object.entries(errors)
                  .filter(([k]) => k.startsWith('question.options'))
                  .flatMap(([, v]) => v ?? [])}
              />
              <ErrorList errors={errors['question.correct']} />
            </fieldset>
            <div className="field">
              <label htmlFor="q-feedback">{t('authoring.questionFeedback')}</label>
              <input id="q-feedback" name="feedback" />
            </div>
            <div className="field">
              <label htmlFor="q-reveal-after">{t('authoringFlow.revealAfter')}</label>
              <input
                id="q-reveal-after"
                name="revealAfter"
                type="number"
                min={1}
                max={100}
                defaultValue={revealAfterOf(values.bodyNl) ?? ''}
              />
              <ErrorList errors={errors['question.revealAfter']} />
            </div>
            <button type="submit" name="intent" value="add-question" className="button small">
              {t('authoring.addQuestion')}
            </button>
          </details>
          {conflict ? (
            <div className="field">
              <label htmlFor="theirs">
                {t('authoring.theirText', { name: conflict.updatedBy ?? '?' })}
              </label>
              <textarea
                id="theirs"
                readOnly
                rows={10}
                className="mdx-source"
                value={conflict.bodyNl}
              />
            </div>
          ) : null}
        </Form>
        <section aria-labelledby="preview-heading" className="preview-pane" aria-live="polite">
          <h2 id="preview-heading">{t('authoring.preview')}</h2>
          <p>
            <Link to={`/trainer/courses/${courseId}/lessons/${lesson.id}/try`}>
              {t('authoring.tryLink')}
            </Link>
          </p>
          <LessonPreview
            preview={preview}
            onProblem={(line, col) => goTo(bodyRef.current, line, col)}
          />
        </section>
      </div>
    </div>
  )
}
