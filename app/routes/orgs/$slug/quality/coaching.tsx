import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/coaching'
import { DataTable } from '#app/components/data-table.tsx'
import { Checkbox, ErrorList, FormSubmit, Notice } from '#app/components/forms.tsx'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { COACH_WORK_PROCESSES } from '#app/quality/coaching-hand-in.ts'
import {
  CoachingRefused,
  handableSessions,
  handInCoaching,
  listCoachingForScope,
} from '#app/quality/coaching.server.ts'
import { requireEvaluator, requireQualityScope } from '#app/quality/quality-access.server.ts'
import { teamsForTrends } from '#app/quality/trends.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

const HandInSchema = z.object({
  sessionIds: z
    .array(z.string(), { required_error: 'coaching.error.sessions' })
    .min(1, 'coaching.error.sessions'),
  workProcessCodes: z
    .array(z.enum(COACH_WORK_PROCESSES), { required_error: 'coaching.error.handInWorkProcesses' })
    .min(1, 'coaching.error.handInWorkProcesses'),
})

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'coaching.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  const [sessions, handable, teams] = await Promise.all([
    listCoachingForScope(scope),
    scope.evaluates ? handableSessions(scope) : Promise.resolve([]),
    teamsForTrends(scope),
  ])
  return {
    base: `/orgs/${scope.organisationSlug}/quality`,
    organisation: scope.organisationName,
    mayCoach: scope.evaluates,
    sessions,
    handable,
    teams,
  }
}

/** Hand in a selection of one's own confirmed sessions as a coaching log (TL dossier). */
export async function action({ request, params }: Route.ActionArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireEvaluator(scope)
  const submission = parseWithZod(await request.formData(), { schema: HandInSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), evidenceId: null }, { status: 400 })
  try {
    const { evidenceId } = await handInCoaching(scope, submission.value)
    return { result: submission.reply({ resetForm: true }), evidenceId }
  } catch (error) {
    if (!(error instanceof CoachingRefused)) throw error
    return data(
      {
        result: submission.reply({ fieldErrors: { [error.field]: [error.messageKey] } }),
        evidenceId: null,
      },
      { status: 400 },
    )
  }
}

export default function Coaching({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { base, organisation, mayCoach, sessions, handable, teams } = loaderData
  const [form, fields] = useForm({
    id: 'hand-in',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: HandInSchema }),
  })
  return (
    <div className="page">
      <h1>
        {t('coaching.title')}: {organisation}
      </h1>
      <p className="lead">{t('coaching.intro')}</p>
      {mayCoach ? (
        <p>
          <Link to={`${base}/coaching/new`} className="button">
            {t('coaching.new')}
          </Link>
        </p>
      ) : null}
      {actionData?.evidenceId ? <Notice>{t('coaching.handedIn')}</Notice> : null}
      {sessions.length === 0 ? (
        <p>{t('coaching.none')}</p>
      ) : (
        <DataTable
          caption={t('coaching.title')}
          columns={[
            t('coaching.heldAt'),
            t('coaching.agent'),
            t('coaching.coach'),
            t('coaching.status'),
          ]}
        >
          {sessions.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <Link to={`${base}/coaching/${s.id}`}>{formatDate(s.heldAt, locale)}</Link>
              </th>
              <td>
                <Link to={`${base}/agents/${s.agentId}/trend`}>{s.agent.name}</Link>
              </td>
              <td>{s.coach.name}</td>
              <td>
                {t(
                  s.evidenceId
                    ? 'coaching.status.handedIn'
                    : s.confirmedAt
                      ? 'coaching.status.confirmed'
                      : 'coaching.status.open',
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      {teams.length > 0 ? (
        <>
          <h2>{t('trend.teamTitle')}</h2>
          <ul className="link-list">
            {teams.map((team) => (
              <li key={team.id}>
                <Link to={`${base}/teams/${team.id}/trend`}>{team.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {mayCoach ? (
        <>
          <h2>{t('coaching.handIn')}</h2>
          <p className="hint">{t('coaching.handInIntro')}</p>
          {handable.length === 0 ? (
            <p>{t('coaching.nothingToHandIn')}</p>
          ) : (
            <Form method="post" {...getFormProps(form)} className="stack narrow-section">
              <fieldset>
                <legend>{t('coaching.sessions')}</legend>
                {handable.map((s) => (
                  <Checkbox
                    key={s.id}
                    id={`s-${s.id}`}
                    name="sessionIds"
                    value={s.id}
                    defaultChecked={false}
                  >
                    {formatDate(s.heldAt, locale)}: {s.agent.name}
                  </Checkbox>
                ))}
                <ErrorList id={fields.sessionIds.errorId} errors={fields.sessionIds.errors} />
              </fieldset>
              <fieldset>
                <legend>{t('coaching.handInWorkProcesses')}</legend>
                {COACH_WORK_PROCESSES.map((code) => (
                  <Checkbox
                    key={code}
                    id={`c-${code}`}
                    name="workProcessCodes"
                    value={code}
                    defaultChecked={code === 'TL-K2-W3'}
                  >
                    {code}
                  </Checkbox>
                ))}
                <ErrorList
                  id={fields.workProcessCodes.errorId}
                  errors={fields.workProcessCodes.errors}
                />
              </fieldset>
              <FormSubmit form={form}>{t('coaching.handInButton')}</FormSubmit>
            </Form>
          )}
        </>
      ) : null}
    </div>
  )
}
