import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, redirect } from 'react-router'
import type { Route } from './+types/course-new'
import { CourseFields } from './course-fields.tsx'
import { ErrorList, FormSubmit, SelectField } from '#app/components/forms.tsx'
import { mayAuthor, ownerChoices, requireAuthor } from '#app/authoring/authoring-access.server.ts'
import { courseFieldsFrom, NewCourseSchema } from '#app/authoring/authoring-forms.ts'
import { createBrowserCourse, slugify } from '#app/authoring/drafts.server.ts'
import { listCurrentDossiers } from '#app/domain/dossiers.server.ts'
import { localized } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'authoring.newCourse')

export async function loader({ request }: Route.LoaderArgs) {
  const [scope, dossiers] = await Promise.all([requireAuthor(request), listCurrentDossiers()])
  const url = new URL(request.url)
  return {
    owners: ownerChoices(scope),
    dossiers: dossiers.map((d) => ({
      slug: d.slug,
      qualificationNl: d.qualificationNl,
      qualificationEn: d.qualificationEn,
    })),
    dossier: url.searchParams.get('dossier'),
    workProcess: url.searchParams.get('workProcess'),
  }
}

export async function action({ request }: Route.ActionArgs) {
  const scope = await requireAuthor(request)
  const submission = parseWithZod(await request.formData(), { schema: NewCourseSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const value = submission.value
  const organisationId = value.owner === 'platform' ? null : value.owner
  if (!mayAuthor(scope, organisationId)) {
    return data(
      { result: submission.reply({ fieldErrors: { owner: ['authoring.ownerInvalid'] } }) },
      { status: 400 },
    )
  }
  const dossiers = await listCurrentDossiers()
  if (!dossiers.some((d) => d.slug === value.dossierSlug)) {
    return data(
      { result: submission.reply({ fieldErrors: { dossierSlug: ['authoring.dossierInvalid'] } }) },
      { status: 400 },
    )
  }
  const course = {
    organisationId,
    fields: courseFieldsFrom(value),
    firstModule: 'Module 1',
  }
  // An id made from the title gets a number when it is taken; a chosen id is the trainer's.
  const base = value.id ?? slugify(value.titleNl, 56)
  const candidates = value.id
    ? [base]
    : [base, ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${base}-${n}`)]
  let id: string | null = null
  for (const candidate of candidates) {
    if (await createBrowserCourse({ ...course, id: candidate }, scope.user.id)) {
      id = candidate
      break
    }
  }
  if (!id) {
    return data(
      { result: submission.reply({ fieldErrors: { id: ['authoring.idTaken'] } }) },
      { status: 400 },
    )
  }
  const workProcess = new URL(request.url).searchParams.get('workProcess')
  throw redirect(
    `/trainer/courses/${id}${workProcess ? `?workProcess=${encodeURIComponent(workProcess)}` : ''}`,
  )
}

export default function NewCourse({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const [form, fields] = useForm({
    id: 'new-course',
    lastResult: actionData?.result,
    constraint: getZodConstraint(NewCourseSchema),
    // Checked when sent, then again while typing: an error never vanishes on blur, which
    // moved the button away under the pointer between mousedown and click.
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewCourseSchema }),
    defaultValue: {
      owner: loaderData.owners[0]?.value,
      dossierSlug: loaderData.dossier ?? loaderData.dossiers[0]?.slug,
      languages: 'nl',
      selfEnrol: 'on',
    },
  })
  return (
    <div className="page narrow">
      <h1>{t('authoring.newCourse')}</h1>
      <p className="lead">{t('authoring.newCourseIntro')}</p>
      {loaderData.workProcess ? (
        <p className="notice">{t('authoring.forGap', { code: loaderData.workProcess })}</p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <SelectField label={t('authoring.owner')} meta={fields.owner}>
          {loaderData.owners.map((o) => (
            <option key={o.value} value={o.value}>
              {o.name ?? t('authoring.platformWide')}
            </option>
          ))}
        </SelectField>
        <CourseFields
          fields={fields}
          dossiers={loaderData.dossiers.map((d) => ({
            slug: d.slug,
            name: localized(d, 'qualification', locale),
          }))}
        />
        <div className="field">
          <label htmlFor={fields.id.id}>{t('authoring.courseId')}</label>
          <p className="hint" id={`${fields.id.id}-hint`}>
            {t('authoring.courseIdHint')}
          </p>
          <input
            id={fields.id.id}
            name={fields.id.name}
            defaultValue=""
            aria-describedby={`${fields.id.id}-hint`}
          />
          <ErrorList id={fields.id.errorId} errors={fields.id.errors} />
        </div>
        <FormSubmit form={form}>{t('authoring.create')}</FormSubmit>
      </Form>
    </div>
  )
}
