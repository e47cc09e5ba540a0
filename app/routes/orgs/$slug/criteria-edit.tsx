import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/criteria-edit'
import {
  ErrorList,
  FormSubmit,
  Notice,
  SelectField,
  PlainTextField,
} from '#app/components/forms.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { RUBRIC_LEVELS } from '#app/assessment/assessment-rules.ts'
import { CriterionSchema } from '#app/assessment/criteria-schema.ts'
import {
  currentCriteria,
  saveCriteria,
  StaleCriteriaError,
} from '#app/assessment/criteria.server.ts'
import { getWorkProcess } from '#app/domain/dossiers.server.ts'
import { localized } from '#app/i18n/i18n.ts'
import { RUBRIC_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

/** Rows left empty (the spare row, or a cleared one) are dropped: that is how one deletes. */
const RowSchema = z.object({
  nl: z.string().trim().max(500, 'form.tooLong').default(''),
  en: z.string().trim().max(500, 'form.tooLong').default(''),
  requiredLevel: z.enum(RUBRIC_LEVELS).default('bekwaam'),
})
const CriteriaFormSchema = z.object({
  basedOn: z.coerce.number().int().min(0),
  criteria: z
    .array(RowSchema)
    .default([])
    .transform((rows) => rows.filter((r) => r.nl || r.en))
    .pipe(
      z
        .array(CriterionSchema.extend({ nl: z.string().trim().min(3, 'criteria.textTooShort') }))
        .min(1, 'criteria.atLeastOne')
        .max(12, 'criteria.atMostTwelve'),
    ),
})

export const meta: Route.MetaFunction = ({ matches, data }) =>
  pageTitle(
    matches,
    data ? `${data.workProcess.code} · ${data.organisation.name}` : 'criteria.title',
  )

async function load(request: Request, params: Route.LoaderArgs['params']) {
  const { user, membership } = await requireOrgPermission(
    request,
    params.slug,
    'author:courses:org',
  )
  const workProcess = await getWorkProcess(params.dossierSlug, params.code)
  invariantResponse(workProcess)
  return { user, organisation: membership.organisation, workProcess }
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { organisation, workProcess } = await load(request, params)
  const criteria = (await currentCriteria(organisation.id, params.dossierSlug, params.code))!
  return {
    organisation,
    workProcess: {
      code: workProcess.code,
      titleNl: workProcess.titleNl,
      titleEn: workProcess.titleEn,
    },
    criteria,
    saved: new URL(request.url).searchParams.get('saved') === '1',
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, organisation } = await load(request, params)
  const submission = parseWithZod(await request.formData(), { schema: CriteriaFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    await saveCriteria({
      organisationId: organisation.id,
      dossierSlug: params.dossierSlug,
      workProcessCode: params.code,
      basedOn: submission.value.basedOn,
      criteria: submission.value.criteria,
      actorId: user.id,
    })
  } catch (error) {
    if (!(error instanceof StaleCriteriaError)) throw error
    return data({ result: submission.reply({ formErrors: ['criteria.stale'] }) }, { status: 400 })
  }
  throw redirect(`/orgs/${organisation.slug}/criteria/${params.dossierSlug}/${params.code}?saved=1`)
}

export default function EditCriteria({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, workProcess, criteria, saved } = loaderData
  const [form, fields] = useForm({
    id: `criteria-${criteria.version}`,
    lastResult: actionData?.result,
    constraint: getZodConstraint(CriteriaFormSchema),
    // One spare row to add a criterion.
    defaultValue: {
      basedOn: criteria.version,
      criteria: [...criteria.criteria, { nl: '', en: '', requiredLevel: 'bekwaam' }],
    },
  })
  const rows = fields.criteria.getFieldList()
  return (
    <div className="page">
      <p>
        <Link to={`/orgs/${organisation.slug}/criteria`}>← {t('criteria.title')}</Link>
      </p>
      <h1>
        <span className="code">{workProcess.code}</span> {localized(workProcess, 'title', locale)}
      </h1>
      <p className="lead">
        {criteria.version === 0
          ? t('criteria.fromIndicators')
          : t('criteria.editedVersion', { version: criteria.version })}
      </p>
      {saved ? <Notice>{t('criteria.saved')}</Notice> : null}
      <p>{t('criteria.editHint')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="basedOn" value={criteria.version} />
        {rows.map((row, i) => {
          const f = row.getFieldset()
          return (
            <fieldset key={row.key} className="criterion">
              <legend>
                {i < criteria.criteria.length
                  ? t('criteria.number', { n: i + 1 })
                  : t('criteria.newRow')}
              </legend>
              <PlainTextField label={t('criteria.textNl')} meta={f.nl} rows={2} />
              <PlainTextField label={t('criteria.textEn')} meta={f.en} rows={2} />
              <SelectField
                label={t('assessment.required')}
                meta={f.requiredLevel}
                defaultValue={String(f.requiredLevel.initialValue ?? 'bekwaam')}
              >
                {RUBRIC_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(RUBRIC_LABEL[level])}
                  </option>
                ))}
              </SelectField>
            </fieldset>
          )
        })}
        <ErrorList id={fields.criteria.errorId} errors={fields.criteria.errors} />
        <FormSubmit form={form}>{t('criteria.save')}</FormSubmit>
      </Form>
    </div>
  )
}
