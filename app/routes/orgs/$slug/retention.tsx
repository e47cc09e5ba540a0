import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form } from 'react-router'
import type { Route } from './+types/retention'
import { DataTable, RowAction } from '#app/components/data-table.tsx'
import { ErrorList, FormSubmit, Notice } from '#app/components/forms.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import {
  activeLegalHolds,
  holdCandidates,
  liftLegalHold,
  placeLegalHold,
} from '#app/privacy/legal-hold.server.ts'
import {
  EXAM_INSPECTION_MONTHS,
  legalHoldSchema,
  retentionPeriodsSchema,
} from '#app/privacy/retention-form.ts'
import type { RetentionRows } from '#app/privacy/retention.server.ts'
import {
  planRetention,
  retentionPolicy,
  saveRetentionPolicy,
} from '#app/privacy/retention.server.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

/**
 * The organisation's retention periods, what the nightly run would delete now (a dry run, read
 * only), and legal holds per person. For the organisation's admins only; everything read here
 * is scoped to this organisation.
 */

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'retention.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:members:org')
  const organisationId = membership.organisation.id
  const [policy, plan, holds, candidates] = await Promise.all([
    retentionPolicy(organisationId),
    planRetention(organisationId, new Date()),
    activeLegalHolds(organisationId),
    holdCandidates(organisationId),
  ])
  return {
    organisation: membership.organisation,
    policy,
    tonight: {
      counts: Object.fromEntries(
        Object.entries(plan.rows).map(([k, ids]) => [k, ids.length]),
      ) as Record<keyof RetentionRows, number>,
      files: plan.files.length,
      people: plan.people,
      held: plan.held.map((h) => h.name),
    },
    holds,
    candidates,
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, membership } = await requireOrgPermission(
    request,
    params.slug,
    'manage:members:org',
  )
  const organisationId = membership.organisation.id
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'save') {
    const submission = parseWithZod(formData, { schema: retentionPeriodsSchema })
    if (submission.status !== 'success')
      return data({ form: 'periods', result: submission.reply(), done: null }, { status: 400 })
    const { intent: _, ...periods } = submission.value
    await saveRetentionPolicy(organisationId, periods, user.id)
    return { form: 'periods', result: submission.reply(), done: 'retention.saved' as const }
  }
  if (intent === 'hold') {
    const submission = parseWithZod(formData, { schema: legalHoldSchema })
    if (submission.status !== 'success')
      return data({ form: 'hold', result: submission.reply(), done: null }, { status: 400 })
    const placed = await placeLegalHold({
      organisationId,
      userId: submission.value.userId,
      reason: submission.value.reason,
      placedById: user.id,
    })
    if (!placed.ok)
      return data(
        {
          form: 'hold',
          result: submission.reply({ fieldErrors: { [placed.field]: [placed.message] } }),
          done: null,
        },
        { status: 400 },
      )
    return {
      form: 'hold',
      result: submission.reply({ resetForm: true }),
      done: 'legalHold.placed' as const,
    }
  }
  if (intent === 'lift') {
    const holdId = formData.get('holdId')
    invariantResponse(typeof holdId === 'string' && holdId, 'Bad request', { status: 400 })
    const lifted = await liftLegalHold({ organisationId, holdId, liftedById: user.id })
    invariantResponse(lifted, 'Not found', { status: 404 })
    return { form: 'lift', result: undefined, done: 'legalHold.lifted' as const }
  }
  throw data('Unknown intent', { status: 400 })
}

// Uploads are the evidence files' own rows: the files line counts them.
const ROWS: Array<Exclude<keyof RetentionRows, 'uploads'>> = [
  'evidence',
  'assessments',
  'learningEvents',
  'quizAttempts',
  'packageAttempts',
  'evaluations',
  'calibrationSessions',
  'coachingSessions',
  'kpiWeeks',
]

function MonthsField({
  label,
  hint,
  meta,
}: {
  label: string
  hint?: string
  meta: FieldMetadata<number | undefined>
}) {
  const { t } = useTranslation()
  const hintId = hint ? `${meta.id}-hint` : undefined
  const input = getInputProps(meta, { type: 'number' })
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        {...input}
        key={input.key}
        inputMode="numeric"
        step={1}
        aria-describedby={
          [hintId, meta.errors ? meta.errorId : undefined].filter(Boolean).join(' ') || undefined
        }
      />{' '}
      {t('retention.months')}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export default function RetentionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, policy, tonight, holds, candidates } = loaderData
  const resultOf = (form: string) => (actionData?.form === form ? actionData.result : undefined)
  const [periodsForm, periods] = useForm({
    id: 'retention-periods',
    lastResult: resultOf('periods'),
    constraint: getZodConstraint(retentionPeriodsSchema),
    defaultValue: policy.periods,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: retentionPeriodsSchema }),
    shouldRevalidate: 'onBlur',
  })
  const [holdForm, hold] = useForm({
    id: 'legal-hold',
    lastResult: resultOf('hold'),
    constraint: getZodConstraint(legalHoldSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: legalHoldSchema }),
    shouldRevalidate: 'onBlur',
  })
  const total = Object.values(tonight.counts).reduce((a, b) => a + b, 0)
  const done = actionData?.done
  return (
    <div className="page">
      <h1>
        {t('retention.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('retention.intro')}</p>
      {done ? <Notice>{t(done)}</Notice> : null}

      <section className="stack" aria-labelledby="retention-periods-heading">
        <h2 id="retention-periods-heading">{t('retention.periods')}</h2>
        {policy.isDefault ? <p data-defaults>{t('retention.defaults')}</p> : null}
        {policy.periods.examEvidenceMonths < EXAM_INSPECTION_MONTHS ? (
          <Notice kind="warning">{t('retention.inspectionWarning')}</Notice>
        ) : null}
        <Form method="post" {...getFormProps(periodsForm)} className="stack narrow-section">
          <input type="hidden" name="intent" value="save" />
          <MonthsField
            label={t('retention.examEvidenceMonths')}
            hint={t('retention.examEvidenceMonths.hint')}
            meta={periods.examEvidenceMonths}
          />
          <MonthsField
            label={t('retention.learningEventMonths')}
            hint={t('retention.learningEventMonths.hint')}
            meta={periods.learningEventMonths}
          />
          <MonthsField label={t('retention.evaluationMonths')} meta={periods.evaluationMonths} />
          <MonthsField label={t('retention.kpiMonths')} meta={periods.kpiMonths} />
          <FormSubmit form={periodsForm}>{t('retention.save')}</FormSubmit>
        </Form>
      </section>

      <section className="stack" aria-labelledby="retention-tonight-heading" data-tonight>
        <h2 id="retention-tonight-heading">{t('retention.tonight')}</h2>
        <p>{t('retention.tonightIntro')}</p>
        {total === 0 ? (
          <p data-nothing>{t('retention.nothing')}</p>
        ) : (
          <>
            <DataTable
              caption={t('retention.tonight')}
              columns={[t('retention.category'), t('retention.count')]}
            >
              {ROWS.filter((k) => tonight.counts[k] > 0).map((k) => (
                <tr key={k} data-category={k}>
                  <th scope="row">{t(`retention.row.${k}`)}</th>
                  <td data-count>{tonight.counts[k]}</td>
                </tr>
              ))}
              {tonight.files > 0 ? (
                <tr data-category="files">
                  <th scope="row">{t('retention.row.files')}</th>
                  <td data-count>{tonight.files}</td>
                </tr>
              ) : null}
            </DataTable>
            <h3>{t('retention.perPerson')}</h3>
            <DataTable
              caption={t('retention.perPerson')}
              columns={[
                t('retention.person'),
                t('retention.col.examEvidence'),
                t('retention.col.learning'),
                t('retention.col.evaluations'),
                t('retention.col.kpiWeeks'),
              ]}
            >
              {tonight.people.map((p) => (
                <tr key={p.userId} data-person={p.name}>
                  <th scope="row">{p.name}</th>
                  <td>{p.examEvidence}</td>
                  <td>{p.learning}</td>
                  <td>{p.evaluations}</td>
                  <td>{p.kpiWeeks}</td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
        {tonight.held.length > 0 ? (
          <p data-held>{t('retention.heldKept', { names: tonight.held.join(', ') })}</p>
        ) : null}
      </section>

      <section className="stack" aria-labelledby="legal-holds-heading">
        <h2 id="legal-holds-heading">{t('legalHold.title')}</h2>
        <p>{t('legalHold.intro')}</p>
        {holds.length === 0 ? (
          <p>{t('legalHold.none')}</p>
        ) : (
          <DataTable
            caption={t('legalHold.title')}
            columns={[
              t('legalHold.person'),
              t('legalHold.reason'),
              t('legalHold.placedBy'),
              t('legalHold.placedAt'),
            ]}
            actions
          >
            {holds.map((h) => (
              <tr key={h.id} data-hold={h.personName}>
                <th scope="row">{h.personName}</th>
                <td>{h.reason}</td>
                <td>{h.placedByName}</td>
                <td>{formatAmsterdam(h.placedAt, locale, 'date')}</td>
                <td>
                  <RowAction name="holdId" id={h.id} intent="lift">
                    {t('legalHold.lift')}
                  </RowAction>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {candidates.length > 0 ? (
          <Form method="post" {...getFormProps(holdForm)} className="stack narrow-section">
            <input type="hidden" name="intent" value="hold" />
            <div className="field">
              <label htmlFor={hold.userId.id}>{t('legalHold.person')}</label>
              <select {...getSelectProps(hold.userId)} key={hold.userId.key}>
                <option value="">{t('legalHold.choose')}</option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <ErrorList id={hold.userId.errorId} errors={hold.userId.errors} />
            </div>
            <div className="field">
              <label htmlFor={hold.reason.id}>{t('legalHold.reason')}</label>
              <p id={`${hold.reason.id}-hint`} className="hint">
                {t('legalHold.reason.hint')}
              </p>
              <textarea {...getTextareaProps(hold.reason)} key={hold.reason.key} rows={2} />
              <ErrorList id={hold.reason.errorId} errors={hold.reason.errors} />
            </div>
            <FormSubmit form={holdForm}>{t('legalHold.place')}</FormSubmit>
          </Form>
        ) : null}
      </section>
    </div>
  )
}
