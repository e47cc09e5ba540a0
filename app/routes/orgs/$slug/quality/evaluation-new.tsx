import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/evaluation-new'
import { ErrorList, FormSubmit, PlainTextField, SelectField } from '#app/components/forms.tsx'
import { ScoringFields } from '#app/components/quality/scoring-fields.tsx'
import { EVIDENCE_MAX_BYTES, sniffEvidenceType } from '#app/evidence/file-type.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { EvaluationRefused, recordEvaluation } from '#app/quality/evaluations.server.ts'
import {
  agentsInScope,
  requireEvaluator,
  requireQualityScope,
} from '#app/quality/quality-access.server.ts'
import { CHANNEL_LABEL } from '#app/quality/quality-labels.ts'
import { CHANNELS } from '#app/quality/scorecard-definition.ts'
import { getScorecardVersion, scoringChoices } from '#app/quality/scorecards.server.ts'
import { readAnswers } from '#app/quality/scoring-form.ts'
import { fromAmsterdamLocal, toAmsterdamLocal } from '#app/utils/amsterdam-date.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { assertBodyWithin, fileField } from '#app/utils/upload.server.ts'

/** The contact's details; the item scores are read by readAnswers beside this schema. */
const ContactSchema = z.object({
  agentId: z.string({ required_error: 'evaluation.error.agent' }).min(1),
  scorecardVersionId: z.string({ required_error: 'evaluation.error.scorecard' }).min(1),
  externalId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || null),
  contactAt: z.string({ required_error: 'evaluation.error.contactAt' }),
  channel: z.enum(CHANNELS, { errorMap: () => ({ message: 'evaluation.error.channel' }) }),
  duration: z
    .string()
    .trim()
    .regex(/^(\d{1,3}):([0-5]\d)$/, 'evaluation.error.duration')
    .optional(),
  clientBrand: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || null),
  comment: z.string().trim().max(4000).optional().default(''),
})

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'quality.evaluate')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireEvaluator(scope)
  const url = new URL(request.url)
  const choices = await scoringChoices(scope.organisationId)
  const chosenId =
    url.searchParams.get('scorecard') ?? (choices.length === 1 ? choices[0]!.versionId : null)
  const version = chosenId ? await getScorecardVersion(scope.organisationId, chosenId) : null
  return {
    organisation: { slug: scope.organisationSlug, name: scope.organisationName },
    choices,
    version: version
      ? {
          id: version.id,
          name: version.scorecard.name,
          version: version.version,
          definition: version.definition,
        }
      : null,
    agents: await agentsInScope(scope),
    preselectAgent: url.searchParams.get('agent') ?? '',
    now: toAmsterdamLocal(new Date()),
    maxMb: Math.round(EVIDENCE_MAX_BYTES / 1024 / 1024),
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireEvaluator(scope)
  assertBodyWithin(request, EVIDENCE_MAX_BYTES + 64 * 1024)
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: ContactSchema })
  const version =
    submission.status === 'success'
      ? await getScorecardVersion(scope.organisationId, submission.value.scorecardVersionId)
      : null
  const { answers, errors: itemErrors } = version
    ? readAnswers(formData, version.definition)
    : { answers: {}, errors: {} }
  const fail = (fieldErrors: Record<string, string[]>) =>
    data({ result: submission.reply({ fieldErrors }), itemErrors }, { status: 400 })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), itemErrors }, { status: 400 })
  if (!version) return fail({ scorecardVersionId: ['evaluation.error.scorecard'] })
  const value = submission.value
  const contactAt = fromAmsterdamLocal(value.contactAt)
  if (!contactAt || contactAt.getTime() > Date.now() + 5 * 60_000)
    return fail({ contactAt: ['evaluation.error.contactAt'] })
  if (Object.keys(itemErrors).length > 0) return fail({})

  const upload = fileField(formData, 'file')
  let file: Parameters<typeof recordEvaluation>[0]['file'] = null
  if (upload) {
    if (upload.size > EVIDENCE_MAX_BYTES) return fail({ file: ['evaluation.error.file'] })
    const bytes = new Uint8Array(await upload.arrayBuffer())
    // The bytes decide the type, never the name or the browser's claim.
    const type = sniffEvidenceType(bytes.subarray(0, 16))
    if (!type) return fail({ file: ['evaluation.error.file'] })
    file = { bytes, name: upload.name, type }
  }
  const [minutes, seconds] = value.duration ? value.duration.split(':').map(Number) : []
  try {
    const created = await recordEvaluation({
      scope,
      agentId: value.agentId,
      scorecardVersionId: version.id,
      contact: {
        externalId: value.externalId,
        contactAt,
        channel: value.channel,
        durationSeconds: minutes !== undefined ? minutes * 60 + (seconds ?? 0) : null,
        clientBrand: value.clientBrand,
      },
      answers,
      comment: value.comment,
      file,
    })
    throw redirect(`/orgs/${scope.organisationSlug}/quality/evaluations/${created.id}?recorded=1`)
  } catch (error) {
    if (error instanceof EvaluationRefused) return fail({ [error.field]: [error.messageKey] })
    throw error
  }
}

export default function NewEvaluation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, choices, version, agents, preselectAgent, now, maxMb } = loaderData
  const [form, fields] = useForm<z.input<typeof ContactSchema> & { file?: string }>({
    id: 'evaluation',
    lastResult: actionData?.result,
    shouldRevalidate: 'onBlur',
  })
  const base = `/orgs/${organisation.slug}/quality`
  return (
    <div className="page">
      <h1>{t('quality.evaluate')}</h1>
      <p className="lead">{t('evaluation.new.intro')}</p>
      {choices.length === 0 ? (
        <p>
          {t('evaluation.new.noScorecard')}{' '}
          <Link to={`${base}/scorecards`}>{t('quality.scorecards')}</Link>
        </p>
      ) : (
        <Form method="get" className="filters">
          <div className="field">
            <label htmlFor="choose-scorecard">{t('quality.col.scorecard')}</label>
            <select id="choose-scorecard" name="scorecard" defaultValue={version?.id ?? ''}>
              <option value="">—</option>
              {choices.map((c) => (
                <option key={c.versionId} value={c.versionId}>
                  {c.name} (v{c.version}
                  {c.client ? `, ${c.client}` : ''})
                </option>
              ))}
            </select>
          </div>
          {preselectAgent ? <input type="hidden" name="agent" value={preselectAgent} /> : null}
          <button type="submit" className="button secondary">
            {t('evaluation.new.useScorecard')}
          </button>
        </Form>
      )}
      {version ? (
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
          <input type="hidden" name="scorecardVersionId" value={version.id} />
          <ErrorList
            id={fields.scorecardVersionId.errorId}
            errors={fields.scorecardVersionId.errors}
          />
          <h2>{t('evaluation.new.contact')}</h2>
          <SelectField
            label={t('quality.col.agent')}
            meta={fields.agentId}
            defaultValue={preselectAgent}
          >
            <option value="">—</option>
            {agents.map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <div className="field-row">
            <div className="field">
              <label htmlFor={fields.contactAt.id}>{t('evaluation.contactAt')}</label>
              <input
                id={fields.contactAt.id}
                name={fields.contactAt.name}
                type="datetime-local"
                defaultValue={String(fields.contactAt.initialValue ?? now)}
                max={now}
                aria-describedby={fields.contactAt.errors ? fields.contactAt.errorId : undefined}
              />
              <ErrorList id={fields.contactAt.errorId} errors={fields.contactAt.errors} />
            </div>
            <SelectField
              label={t('quality.col.channel')}
              meta={fields.channel}
              defaultValue="phone"
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(CHANNEL_LABEL[c])}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="field-row">
            <PlainTextField label={t('evaluation.externalId')} meta={fields.externalId} />
            <PlainTextField label={t('evaluation.duration')} meta={fields.duration} />
            <PlainTextField label={t('evaluation.clientBrand')} meta={fields.clientBrand} />
          </div>
          <h2>
            {version.name} v{version.version}
          </h2>
          <ScoringFields
            definition={version.definition}
            idPrefix="evaluation"
            errors={actionData?.itemErrors}
          />
          <PlainTextField label={t('evaluation.comment')} meta={fields.comment} rows={4} />
          <div className="field">
            <label htmlFor="evaluation-file">{t('evaluation.file')}</label>
            <p className="hint" id="evaluation-file-hint">
              {t('evaluation.fileHint', { maxMb })}
            </p>
            <input
              id="evaluation-file"
              name="file"
              type="file"
              accept="audio/*,application/pdf,image/png,image/jpeg"
              aria-describedby="evaluation-file-hint"
            />
            <ErrorList id={fields.file.errorId} errors={fields.file.errors} />
          </div>
          <FormSubmit form={form}>{t('evaluation.save')}</FormSubmit>
        </Form>
      ) : null}
    </div>
  )
}
