import { Link } from 'react-router'
import type { Route } from './+types/agent-trend'
import { TrendWindowForm, WorkProcessTrendView } from '#app/components/quality/trend-chart.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'
import { agentName } from '#app/quality/coaching.server.ts'
import { isAgentInScope, requireQualityScope } from '#app/quality/quality-access.server.ts'
import { agentTrend, agentTrendView, trendOptions } from '#app/quality/trends.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'trend.agentTitle')

/** One agent's scores per work process over time, with coaching and lessons: 404 out of scope. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  if (!(await isAgentInScope(scope, params.agentId)))
    throw new Response('Not found', { status: 404 })
  await logAccess({
    viewer: { userId: scope.userId },
    organisationId: scope.organisationId,
    kind: 'quality.trend',
    people: params.agentId,
  })
  const options = trendOptions(new URL(request.url))
  const trends = await agentTrend(params.agentId, {
    organisationId: scope.organisationId,
    ...options,
  })
  return {
    base: `/orgs/${scope.organisationSlug}/quality`,
    agent: { id: params.agentId, name: await agentName(params.agentId) },
    pivot: options.pivot ? options.pivot.toISOString().slice(0, 10) : '',
    weeks: options.weeks,
    trends: trends.map(agentTrendView),
  }
}

export default function AgentTrend({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { base, agent, pivot, weeks, trends } = loaderData
  return (
    <div className="page">
      <h1>
        {t('trend.agentTitle')}: {agent.name}
      </h1>
      <p className="lead">{t('trend.intro')}</p>
      <p>
        <Link to={`${base}/coaching/new?agent=${agent.id}`}>{t('coaching.new')}</Link>
      </p>
      <TrendWindowForm pivot={pivot} weeks={weeks} />
      {trends.length === 0 ? <p>{t('trend.none')}</p> : null}
      {trends.map((trend) => (
        <WorkProcessTrendView key={trend.code} trend={trend} />
      ))}
    </div>
  )
}
