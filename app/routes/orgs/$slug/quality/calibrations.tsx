import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/calibrations'
import { DataTable } from '#app/components/data-table.tsx'
import {
  ErrorList,
  Field,
  FormSubmit,
  PlainTextField,
  SelectField,
} from '#app/components/forms.tsx'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import {
  calibrationChoices,
  CalibrationRefused,
  listCalibrations,
  startCalibration,
} from '#app/quality/calibration.server.ts'
import { requireCalibrator, requireQualityScope } from '#app/quality/quality-access.server.ts'
import { CHANNEL_LABEL } from '#app/quality/quality-labels.ts'
import { CHANNELS } from '#app/quality/scorecard-definition.ts'
import { pageTitle } from '#app/utils/meta.ts'

const StartSchema = z.object({
  title: z
    .string({ required_error: 'calibration.error.title' })
    .trim()
    .min(3, 'calibration.error.title')
    .max(120, 'calibration.error.title'),
  scorecardVersionId: z.string({ required_error: 'calibration.error.scorecard' }),
  agentId: z.string({ required_error: 'calibration.error.agent' }),
  externalId: z.string().trim().max(100).optional(),
  contactAt: z
    .string({ required_error: 'calibration.error.contactAt' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'calibration.error.contactAt'),
  channel: z.enum(CHANNELS, { required_error: 'calibration.error.channel' }),
  evaluatorIds: z
    .array(z.string(), { required_error: 'calibration.error.evaluators' })
    .min(2, 'calibration.error.evaluators'),
  referenceEvaluatorId: z.string().optional(),
})

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'calibration.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  const [sessions, choices] = await Promise.all([
    listCalibrations(scope),
    scope.calibrates ? calibrationChoices(scope) : Promise.resolve(null),
  ])
  return {
    organisation: { slug: scope.organisationSlug, name: scope.organisationName },
    sessions,
    choices,
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireCalibrator(scope)
  const submission = parseWithZod(await request.formData(), { schema: StartSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const v = submission.value
  // Noon in the Netherlands on the chosen day: the contact's date, whatever the time zone.
  const contactAt = new Date(`${v.contactAt}T12:00:00+01:00`)
  if (Number.isNaN(contactAt.getTime()) || contactAt.getTime() > Date.now() + 86_400_000)
    return data(
      { result: submission.reply({ fieldErrors: { contactAt: ['calibration.error.contactAt'] } }) },
      { status: 400 },
    )
  try {
    const session = await startCalibration(scope, {
      title: v.title,
      scorecardVersionId: v.scorecardVersionId,
      agentId: v.agentId,
      externalId: v.externalId || null,
      contactAt,
      channel: v.channel,
      evaluatorIds: v.evaluatorIds,
      referenceEvaluatorId: v.referenceEvaluatorId || null,
    })
    return redirect(`/orgs/${scope.organisationSlug}/quality/calibrations/${session.id}`)
  } catch (error) {
    if (!(error instanceof CalibrationRefused)) throw error
    return data(
      { result: submission.reply({ fieldErrors: { [error.field]: [error.messageKey] } }) },
      { status: 400 },
    )
  }
}

export default function Calibrations({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, sessions, choices } = loaderData
  const base = `/orgs/${organisation.slug}/quality/calibrations`
  const [form, fields] = useForm({
    id: 'start-calibration',
    lastResult: actionData?.result,
    constraint: getZodConstraint(StartSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StartSchema }),
  })
  return (
    <div className="page">
      <h1>
        {t('calibration.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('calibration.intro')}</p>
      {choices ? (
        <p>
          <Link to={`${base}/evaluators`}>{t('calibration.evaluatorsLink')}</Link>
        </p>
      ) : null}

      <h2>{t('calibration.list')}</h2>
      {sessions.length === 0 ? (
        <p>{t('calibration.none')}</p>
      ) : (
        <DataTable
          caption={t('calibration.list')}
          columns={[
            t('calibration.col.title'),
            t('calibration.col.contactAt'),
            t('quality.col.channel'),
            t('calibration.col.scored'),
            t('calibration.col.state'),
          ]}
        >
          {sessions.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <Link to={`${base}/${s.id}`}>{s.title}</Link>
              </th>
              <td>{formatDate(s.contactAt, locale)}</td>
              <td>{t(CHANNEL_LABEL[s.channel as keyof typeof CHANNEL_LABEL])}</td>
              <td>
                {s.scored} / {s.invited}
              </td>
              <td>
                {s.closedAt
                  ? t('calibration.closedOn', { date: formatDate(s.closedAt, locale) })
                  : s.mine && !s.scoredByMe
                    ? t('calibration.yourTurn')
                    : t('calibration.open')}
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      {choices ? (
        <>
          <h2>{t('calibration.start')}</h2>
          {choices.scorecards.length === 0 ? (
            <p>{t('calibration.noScorecard')}</p>
          ) : (
            <Form method="post" {...getFormProps(form)} className="stack narrow-section">
              <Field label={t('calibration.field.title')} meta={fields.title} />
              <SelectField
                label={t('calibration.field.scorecard')}
                meta={fields.scorecardVersionId}
                defaultValue={choices.scorecards[0]?.versionId}
              >
                {choices.scorecards.map((c) => (
                  <option key={c.versionId} value={c.versionId}>
                    {c.name} v{c.version}
                    {c.client ? ` (${c.client})` : ''}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t('calibration.field.agent')}
                meta={fields.agentId}
                defaultValue=""
              >
                <option value="">—</option>
                {choices.agents.map((a) => (
                  <option key={a.userId} value={a.userId}>
                    {a.name}
                  </option>
                ))}
              </SelectField>
              <PlainTextField label={t('calibration.field.externalId')} meta={fields.externalId} />
              <Field label={t('calibration.field.contactAt')} meta={fields.contactAt} type="date" />
              <SelectField
                label={t('calibration.field.channel')}
                meta={fields.channel}
                defaultValue="phone"
              >
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(CHANNEL_LABEL[c])}
                  </option>
                ))}
              </SelectField>
              <fieldset
                className="field"
                aria-describedby={
                  fields.evaluatorIds.errors ? fields.evaluatorIds.errorId : undefined
                }
              >
                <legend>{t('calibration.field.evaluators')}</legend>
                <p className="hint">{t('calibration.field.evaluatorsHint')}</p>
                {choices.evaluators.map((e) => (
                  <div key={e.userId} className="checkbox">
                    <input
                      type="checkbox"
                      id={`evaluator-${e.userId}`}
                      name={fields.evaluatorIds.name}
                      value={e.userId}
                    />
                    <label htmlFor={`evaluator-${e.userId}`}>{e.name}</label>
                  </div>
                ))}
                <ErrorList id={fields.evaluatorIds.errorId} errors={fields.evaluatorIds.errors} />
              </fieldset>
              <SelectField
                label={t('calibration.field.reference')}
                meta={fields.referenceEvaluatorId}
                hint={t('calibration.field.referenceHint')}
                defaultValue=""
              >
                <option value="">{t('calibration.consensus')}</option>
                {choices.evaluators.map((e) => (
                  <option key={e.userId} value={e.userId}>
                    {e.name}
                  </option>
                ))}
              </SelectField>
              <FormSubmit form={form}>{t('calibration.startButton')}</FormSubmit>
            </Form>
          )}
        </>
      ) : null}
    </div>
  )
}
