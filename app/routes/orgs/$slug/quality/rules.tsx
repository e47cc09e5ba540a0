import { getFormProps, getInputProps, useForm, type FieldMetadata } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/rules'
import { DataTable } from '#app/components/data-table.tsx'
import { RuleSummary } from '#app/components/quality/rule-summary.tsx'
import { ErrorList, FormSubmit, SelectField } from '#app/components/forms.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { requireManager, requireQualityScope } from '#app/quality/quality-access.server.ts'
import { RULE_KINDS } from '#app/quality/rule-parameters.ts'
import {
  createRule,
  listRules,
  RuleRefused,
  ruleWorkProcessChoices,
} from '#app/quality/rules.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

const count = (max: number) =>
  z
    .number({ required_error: 'qrules.error.number', invalid_type_error: 'qrules.error.number' })
    .int('qrules.error.number')
    .min(1, 'qrules.error.number')
    .max(max, 'qrules.error.number')

const RuleSchema = z
  .object({
    kind: z.enum(RULE_KINDS, { errorMap: () => ({ message: 'qrules.error.kind' }) }),
    workProcess: z.string({ required_error: 'qrules.error.workProcess' }),
    below: count(20).optional(),
    window: count(20).optional(),
    dueDays: count(90).optional(),
    passing: count(100).optional(),
  })
  .superRefine((v, ctx) => {
    const need =
      v.kind === 'assign_lesson'
        ? (['below', 'window', 'dueDays'] as const)
        : (['passing'] as const)
    for (const field of need)
      if (v[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'qrules.error.number' })
    if (v.kind === 'assign_lesson' && v.below && v.window && v.below > v.window)
      ctx.addIssue({ code: 'custom', path: ['below'], message: 'qrules.error.belowWindow' })
  })

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'qrules.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireManager(scope)
  const [rules, choices] = await Promise.all([
    listRules(scope.organisationId),
    ruleWorkProcessChoices(scope.organisationId),
  ])
  return {
    base: `/orgs/${scope.organisationSlug}/quality`,
    organisation: scope.organisationName,
    rules,
    choices,
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireManager(scope)
  const submission = parseWithZod(await request.formData(), { schema: RuleSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const v = submission.value
  try {
    const rule = await createRule(scope, {
      kind: v.kind,
      workProcess: v.workProcess,
      parameters:
        v.kind === 'assign_lesson'
          ? { below: v.below, window: v.window, dueDays: v.dueDays }
          : { passing: v.passing },
    })
    return redirect(`/orgs/${scope.organisationSlug}/quality/rules/${rule.id}`)
  } catch (error) {
    if (!(error instanceof RuleRefused)) throw error
    return data(
      { result: submission.reply({ fieldErrors: { [error.field]: [error.messageKey] } }) },
      { status: 400 },
    )
  }
}

export default function Rules({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { base, organisation, rules, choices } = loaderData
  const [form, fields] = useForm({
    id: 'rule',
    lastResult: actionData?.result,
    constraint: getZodConstraint(RuleSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RuleSchema }),
  })
  return (
    <div className="page">
      <h1>
        {t('qrules.title')}: {organisation}
      </h1>
      <p className="lead">{t('qrules.intro')}</p>
      {rules.length === 0 ? (
        <p>{t('qrules.none')}</p>
      ) : (
        <DataTable
          caption={t('qrules.title')}
          columns={[t('qrules.rule'), t('qrules.status'), t('qrules.firings')]}
        >
          {rules.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`${base}/rules/${r.id}`}>
                  <RuleSummary rule={r} />
                </Link>
              </th>
              <td>{t(r.enabled ? 'qrules.on' : 'qrules.off')}</td>
              <td>{r._count.firings}</td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2>{t('qrules.new')}</h2>
      <p className="hint">{t('qrules.neverCompetent')}</p>
      <Form method="post" {...getFormProps(form)} className="stack narrow-section">
        <SelectField label={t('qrules.kind')} meta={fields.kind} defaultValue="assign_lesson">
          {RULE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(k === 'assign_lesson' ? 'qrules.kind.assign_lesson' : 'qrules.kind.demonstrated')}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('qrules.workProcess')} meta={fields.workProcess} defaultValue="">
          <option value="">—</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.code} {locale === 'en' ? c.titleEn : c.titleNl}
            </option>
          ))}
        </SelectField>
        <fieldset>
          <legend>{t('qrules.kind.assign_lesson')}</legend>
          <NumberField label={t('qrules.below')} meta={fields.below} />
          <NumberField label={t('qrules.window')} meta={fields.window} />
          <NumberField label={t('qrules.dueDays')} meta={fields.dueDays} />
        </fieldset>
        <fieldset>
          <legend>{t('qrules.kind.demonstrated')}</legend>
          <NumberField label={t('qrules.passing')} meta={fields.passing} />
        </fieldset>
        <FormSubmit form={form}>{t('qrules.create')}</FormSubmit>
      </Form>
    </div>
  )
}

/** A whole-number parameter of a rule, with its errors. */
function NumberField({ label, meta }: { label: string; meta: FieldMetadata<number | undefined> }) {
  const input = getInputProps(meta, { type: 'number' })
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <input {...input} key={input.key} aria-describedby={meta.errors ? meta.errorId : undefined} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}
