import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/coaching-new'
import { Checkbox, ErrorList, Field, FormSubmit, PlainTextField } from '#app/components/forms.tsx'
import { evidenceOptions } from '#app/assessment/evidence-options.server.ts'
import { formatDate, localized } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import {
  CoachingRefused,
  logCoachingSession,
  recentEvaluationsOf,
} from '#app/quality/coaching.server.ts'
import {
  agentsInScope,
  isAgentInScope,
  requireEvaluator,
  requireQualityScope,
} from '#app/quality/quality-access.server.ts'
import { toAmsterdamLocal } from '#app/utils/amsterdam-date.ts'
import { pageTitle } from '#app/utils/meta.ts'

const date = (message: string) =>
  z.string({ required_error: message }).regex(/^\d{4}-\d{2}-\d{2}$/, message)

const CoachingSchema = z.object({
  agentId: z.string({ required_error: 'coaching.error.agent' }),
  heldAt: date('coaching.error.heldAt'),
  evaluationIds: z.array(z.string()).default([]),
  workProcesses: z.array(z.string().regex(/^[a-z0-9-]+\/[A-Z]+-K\d+-W\d+$/)).default([]),
  discussed: z
    .string({ required_error: 'coaching.error.discussed' })
    .trim()
    .min(3, 'coaching.error.discussed')
    .max(4000, 'coaching.error.discussed'),
  agreements: z
    .string({ required_error: 'coaching.error.agreements' })
    .trim()
    .min(3, 'coaching.error.agreements')
    .max(4000, 'coaching.error.agreements'),
  followUpAt: date('coaching.error.followUpAt').optional(),
})

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'coaching.new')

/**
 * Log a coaching session: first choose the agent (GET ?agent=), then their evaluations; an
 * evaluation's page links here with ?evaluation=, which starts ticked.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireEvaluator(scope)
  const url = new URL(request.url)
  const agentId = url.searchParams.get('agent')
  const agents = await agentsInScope(scope)
  const chosen = agentId && (await isAgentInScope(scope, agentId)) ? agentId : null
  const [evaluations, dossiers] = await Promise.all([
    chosen ? recentEvaluationsOf(scope, chosen) : Promise.resolve([]),
    evidenceOptions(),
  ])
  return {
    agents: agents.map((a) => ({ userId: a.userId, name: a.name })),
    agentId: chosen,
    evaluations,
    about: url.searchParams.get('evaluation'),
    dossiers,
  }
}

/** The start of the chosen day in the Netherlands (the form asks for dates, not times). */
const dayStart = (d: string) => new Date(`${d}T12:00:00+01:00`)

/**
 * When the session was held: the chosen day, but a session logged the same morning is stored
 * at the moment it is logged, else noon of today would count as "in the future".
 */
function heldAtOf(d: string) {
  const now = new Date()
  const day = dayStart(d)
  return d === toAmsterdamLocal(now).slice(0, 10) && day > now ? now : day
}

export async function action({ request, params }: Route.ActionArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireEvaluator(scope)
  const submission = parseWithZod(await request.formData(), { schema: CoachingSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const v = submission.value
  try {
    const session = await logCoachingSession(scope, {
      agentId: v.agentId,
      heldAt: heldAtOf(v.heldAt),
      evaluationIds: v.evaluationIds,
      workProcesses: v.workProcesses,
      discussed: v.discussed,
      agreements: v.agreements,
      followUpAt: v.followUpAt ? dayStart(v.followUpAt) : null,
    })
    return redirect(`/orgs/${scope.organisationSlug}/quality/coaching/${session.id}`)
  } catch (error) {
    if (!(error instanceof CoachingRefused)) throw error
    return data(
      { result: submission.reply({ fieldErrors: { [error.field]: [error.messageKey] } }) },
      { status: 400 },
    )
  }
}

export default function CoachingNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { agents, agentId, evaluations, about, dossiers } = loaderData
  const [form, fields] = useForm({
    id: 'coaching',
    lastResult: actionData?.result,
    constraint: getZodConstraint(CoachingSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CoachingSchema }),
  })
  return (
    <div className="page">
      <h1>{t('coaching.new')}</h1>
      <p className="lead">{t('coaching.newIntro')}</p>
      <form method="get" className="inline-form">
        <div className="field">
          <label htmlFor="coaching-agent">{t('coaching.agent')}</label>
          <select id="coaching-agent" name="agent" defaultValue={agentId ?? ''}>
            <option value="">—</option>
            {agents.map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t('coaching.chooseAgent')}
        </button>
      </form>
      {agentId ? (
        <Form method="post" {...getFormProps(form)} className="stack narrow-section">
          <input type="hidden" name="agentId" value={agentId} />
          <ErrorList id={fields.agentId.errorId} errors={fields.agentId.errors} />
          <Field label={t('coaching.heldAt')} meta={fields.heldAt} type="date" />
          <fieldset>
            <legend>{t('coaching.evaluations')}</legend>
            {evaluations.length === 0 ? (
              <p className="muted">{t('coaching.noEvaluations')}</p>
            ) : null}
            {evaluations.map((e) => (
              <Checkbox
                key={e.id}
                id={`ev-${e.id}`}
                name="evaluationIds"
                value={e.id}
                defaultChecked={e.id === about}
              >
                {formatDate(e.contactAt, locale)}: {e.score} (
                {t(e.passed ? 'trend.passed' : 'trend.failed')})
              </Checkbox>
            ))}
            <ErrorList id={fields.evaluationIds.errorId} errors={fields.evaluationIds.errors} />
          </fieldset>
          <fieldset>
            <legend>{t('coaching.workProcesses')}</legend>
            {dossiers.map((d) => (
              <details key={d.slug} open={d.slug === 'contactcenter-medewerker'}>
                <summary>{localized(d, 'qualification', locale)}</summary>
                {d.coreTasks.flatMap((c) =>
                  c.workProcesses.map((w) => (
                    <Checkbox
                      key={w.code}
                      id={`wp-${w.code}`}
                      name="workProcesses"
                      value={`${d.slug}/${w.code}`}
                      defaultChecked={false}
                    >
                      {w.code} {localized(w, 'title', locale)}
                    </Checkbox>
                  )),
                )}
              </details>
            ))}
            <ErrorList id={fields.workProcesses.errorId} errors={fields.workProcesses.errors} />
          </fieldset>
          <PlainTextField label={t('coaching.discussed')} meta={fields.discussed} rows={5} />
          <PlainTextField label={t('coaching.agreements')} meta={fields.agreements} rows={4} />
          <Field label={t('coaching.followUpAt')} meta={fields.followUpAt} type="date" />
          <FormSubmit form={form}>{t('coaching.save')}</FormSubmit>
        </Form>
      ) : null}
    </div>
  )
}
