import { Form, Link } from 'react-router'
import type { Route } from './+types/evaluations'
import { EvaluationTable } from '#app/components/quality/evaluation-table.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { listEvaluationsForScope } from '#app/quality/evaluations.server.ts'
import { agentsInScope, requireQualityScope } from '#app/quality/quality-access.server.ts'
import { EVALUATION_STATUS_LABEL, EVALUATION_STATUSES } from '#app/quality/quality-labels.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'quality.evaluations')

/** The evaluations this person may read (their own scores, their teams', or all for admins). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  const url = new URL(request.url)
  const agentId = url.searchParams.get('agent') || undefined
  const status = url.searchParams.get('status') || undefined
  const [evaluations, agents] = await Promise.all([
    listEvaluationsForScope(scope, {
      agentId,
      status: EVALUATION_STATUSES.find((s) => s === status),
      take: 60,
    }),
    agentsInScope(scope),
  ])
  return {
    organisation: { slug: scope.organisationSlug, name: scope.organisationName },
    evaluates: scope.evaluates,
    evaluations,
    agents,
    filter: { agentId: agentId ?? '', status: status ?? '' },
  }
}

export default function Evaluations({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, evaluates, evaluations, agents, filter } = loaderData
  const base = `/orgs/${organisation.slug}/quality`
  return (
    <div className="page">
      <h1>
        {t('quality.evaluations')}: {organisation.name}
      </h1>
      {evaluates ? (
        <p>
          <Link className="button" to={`${base}/evaluations/new`}>
            {t('quality.evaluate')}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="filter-agent">{t('quality.col.agent')}</label>
          <select id="filter-agent" name="agent" defaultValue={filter.agentId}>
            <option value="">{t('evaluation.filter.everyone')}</option>
            {agents.map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t('quality.col.status')}</label>
          <select id="filter-status" name="status" defaultValue={filter.status}>
            <option value="">{t('evaluation.filter.anyStatus')}</option>
            {EVALUATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(EVALUATION_STATUS_LABEL[s])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t('evaluation.filter.apply')}
        </button>
      </Form>
      <p className="muted">
        {t('qualityExport.download')}{' '}
        <a href={`${base}/evaluations.csv`}>{t('qualityExport.csv')}</a>
        {' · '}
        <a href={`${base}/evaluations.xlsx`}>{t('qualityExport.xlsx')}</a>
      </p>
      {filter.agentId ? (
        <p>
          <Link to={`${base}/agents/${filter.agentId}/trend`}>{t('trend.agentTitle')}</Link>
        </p>
      ) : null}
      {evaluations.length === 0 ? (
        <p>{t('quality.none')}</p>
      ) : (
        <EvaluationTable rows={evaluations} base={`${base}/evaluations`} />
      )}
    </div>
  )
}
