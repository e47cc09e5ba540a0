import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/evaluation'
import { ErrorList, Notice } from '#app/components/forms.tsx'
import { EvaluationView } from '#app/components/quality/evaluation-view.tsx'
import { ScoringFields } from '#app/components/quality/scoring-fields.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'
import {
  EvaluationRefused,
  getEvaluationForScope,
  resolveDispute,
} from '#app/quality/evaluations.server.ts'
import { requireManager, requireQualityScope } from '#app/quality/quality-access.server.ts'
import { readAnswers } from '#app/quality/scoring-form.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'evaluation.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  const evaluation = await getEvaluationForScope(scope, params.evaluationId)
  invariantResponse(evaluation)
  await logAccess({
    viewer: { userId: scope.userId },
    organisationId: scope.organisationId,
    kind: 'evaluation.view',
    people: evaluation.agentId,
    objectId: evaluation.id,
  })
  const url = new URL(request.url)
  return {
    organisation: { slug: scope.organisationSlug, name: scope.organisationName },
    evaluation,
    mayDecide: scope.manages && evaluation.status === 'disputed',
    mayCoach: scope.evaluates && evaluation.agentId !== scope.userId,
    notice: url.searchParams.has('recorded')
      ? ('evaluation.recorded' as const)
      : url.searchParams.has('decided')
        ? ('evaluation.dispute.decided' as const)
        : null,
  }
}

/** An org admin decides a dispute: the evaluation stands, or is re-scored on the same version. */
export async function action({ request, params }: Route.ActionArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireManager(scope)
  const evaluation = await getEvaluationForScope(scope, params.evaluationId)
  invariantResponse(evaluation)
  const formData = await request.formData()
  const outcome = formData.get('outcome')
  const note = String(formData.get('note') ?? '')
  if (outcome !== 'upheld' && outcome !== 'changed')
    return data(
      { errors: { outcome: ['evaluation.dispute.chooseOutcome'] }, itemErrors: {} },
      { status: 400 },
    )
  const { answers, errors: itemErrors } =
    outcome === 'changed'
      ? readAnswers(formData, evaluation.definition)
      : { answers: {}, errors: {} }
  if (Object.keys(itemErrors).length > 0) return data({ errors: {}, itemErrors }, { status: 400 })
  try {
    await resolveDispute(scope, evaluation.id, {
      outcome,
      note,
      answers: outcome === 'changed' ? answers : undefined,
    })
  } catch (error) {
    if (error instanceof EvaluationRefused)
      return data(
        { errors: { [error.field]: [error.messageKey] }, itemErrors: {} },
        { status: 400 },
      )
    throw error
  }
  throw redirect(`/orgs/${scope.organisationSlug}/quality/evaluations/${evaluation.id}?decided=1`)
}

export default function EvaluationPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, evaluation, mayDecide, mayCoach, notice } = loaderData
  const base = `/orgs/${organisation.slug}/quality`
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {}
  const initial = Object.fromEntries(
    evaluation.items.map((i) => [i.itemKey, { value: i.value, comment: i.comment }]),
  )
  return (
    <div className="page">
      <p>
        <Link to={`${base}/evaluations`}>{t('quality.evaluations')}</Link>
      </p>
      <h1>
        {t('evaluation.title')}: {evaluation.agent.name}
      </h1>
      {notice ? <Notice>{t(notice)}</Notice> : null}
      <EvaluationView e={evaluation} fileHref={`${base}/evaluations/${evaluation.id}/file`} />
      <p className="button-row">
        {mayCoach ? (
          <Link
            className="button secondary"
            to={`${base}/coaching/new?agent=${evaluation.agentId}&evaluation=${evaluation.id}`}
          >
            {t('evaluation.coach')}
          </Link>
        ) : null}
        <Link to={`${base}/agents/${evaluation.agentId}/trend`}>{t('trend.agentTitle')}</Link>
      </p>
      {mayDecide ? (
        <section className="stack">
          <h2>{t('evaluation.dispute.decide')}</h2>
          <Form method="post" className="stack" id="decide">
            <fieldset aria-describedby={errors.outcome ? 'outcome-error' : undefined}>
              <legend>{t('evaluation.dispute.outcome')}</legend>
              <label className="choice">
                <input type="radio" name="outcome" value="upheld" />{' '}
                {t('evaluation.dispute.upheld')}
              </label>
              <label className="choice">
                <input type="radio" name="outcome" value="changed" />{' '}
                {t('evaluation.dispute.changed')}
              </label>
              <ErrorList id="outcome-error" errors={errors.outcome} />
            </fieldset>
            <details>
              <summary>{t('evaluation.dispute.changeScores')}</summary>
              <ScoringFields
                definition={evaluation.definition}
                idPrefix="decide"
                initial={initial}
                errors={actionData?.itemErrors}
              />
            </details>
            <div className="field">
              <label htmlFor="decide-note">{t('evaluation.dispute.note')}</label>
              <textarea
                id="decide-note"
                name="note"
                rows={3}
                aria-describedby={errors.note ? 'note-error' : undefined}
              />
              <ErrorList id="note-error" errors={errors.note} />
            </div>
            <ErrorList id="status-error" errors={errors.status} />
            <button type="submit" className="button">
              {t('evaluation.dispute.save')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  )
}
