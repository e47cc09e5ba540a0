import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/evaluation'
import { requireUser } from '#app/auth/authorize.server.ts'
import { ErrorList, Notice } from '#app/components/forms.tsx'
import { EvaluationView } from '#app/components/quality/evaluation-view.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import {
  acknowledgeEvaluation,
  disputeEvaluation,
  EvaluationRefused,
  getOwnEvaluation,
} from '#app/quality/evaluations.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'evaluation.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const evaluation = await getOwnEvaluation(user.id, params.evaluationId)
  invariantResponse(evaluation)
  const url = new URL(request.url)
  return {
    evaluation,
    notice: url.searchParams.has('seen')
      ? ('me.evaluation.seen' as const)
      : url.searchParams.has('disputed')
        ? ('me.evaluation.disputed' as const)
        : null,
  }
}

/** The agent marks it as seen, or disputes it with a reason. */
export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  const intent = formData.get('intent')
  try {
    if (intent === 'acknowledge') {
      await acknowledgeEvaluation(user.id, params.evaluationId)
      throw redirect(`/evaluations/${params.evaluationId}?seen=1`)
    }
    if (intent === 'dispute') {
      await disputeEvaluation(user.id, params.evaluationId, String(formData.get('reason') ?? ''))
      throw redirect(`/evaluations/${params.evaluationId}?disputed=1`)
    }
  } catch (error) {
    if (error instanceof EvaluationRefused)
      return data({ errors: { [error.field]: [error.messageKey] } }, { status: 400 })
    throw error
  }
  return data({ errors: { intent: ['me.evaluation.chooseAction'] } }, { status: 400 })
}

export default function MyEvaluation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { evaluation, notice } = loaderData
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {}
  const mayDispute = evaluation.status === 'open' || evaluation.status === 'acknowledged'
  return (
    <div className="page">
      <p>
        <Link to="/evaluations">{t('me.evaluations.title')}</Link>
      </p>
      <h1>{t('evaluation.title')}</h1>
      {notice ? <Notice>{t(notice)}</Notice> : null}
      <EvaluationView e={evaluation} fileHref={`/evaluations/${evaluation.id}/file`} />
      <ErrorList id="status-error" errors={errors.status ?? errors.intent} />
      {evaluation.status === 'open' ? (
        <Form method="post">
          <input type="hidden" name="intent" value="acknowledge" />
          <button type="submit" className="button">
            {t('me.evaluation.acknowledge')}
          </button>
        </Form>
      ) : null}
      {mayDispute ? (
        <details className="stack" open={Boolean(errors.reason)}>
          <summary>{t('me.evaluation.dispute')}</summary>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="dispute" />
            <div className="field">
              <label htmlFor="dispute-reason">{t('me.evaluation.reason')}</label>
              <textarea
                id="dispute-reason"
                name="reason"
                rows={4}
                aria-describedby={errors.reason ? 'reason-error' : undefined}
              />
              <ErrorList id="reason-error" errors={errors.reason} />
            </div>
            <button type="submit" className="button secondary">
              {t('me.evaluation.sendDispute')}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  )
}
