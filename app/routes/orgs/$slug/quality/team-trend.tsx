import type { Route } from './+types/team-trend'
import { TrendWindowForm, WorkProcessTrendView } from '#app/components/quality/trend-chart.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { requireQualityScope } from '#app/quality/quality-access.server.ts'
import { teamInScope, teamTrend, teamTrendView, trendOptions } from '#app/quality/trends.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'trend.teamTitle')

/** A team's weekly mean scores per work process, with its coaching sessions: 404 out of scope. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  const team = await teamInScope(scope, params.teamId)
  if (!team) throw new Response('Not found', { status: 404 })
  const options = trendOptions(new URL(request.url))
  const trends = await teamTrend(scope, team.id, options)
  return {
    team,
    pivot: options.pivot ? options.pivot.toISOString().slice(0, 10) : '',
    weeks: options.weeks,
    trends: trends.map(teamTrendView),
  }
}

export default function TeamTrend({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { team, pivot, weeks, trends } = loaderData
  return (
    <div className="page">
      <h1>
        {t('trend.teamTitle')}: {team.name}
      </h1>
      <p className="lead">{t('trend.teamIntro')}</p>
      <TrendWindowForm pivot={pivot} weeks={weeks} />
      {trends.length === 0 ? <p>{t('trend.none')}</p> : null}
      {trends.map((trend) => (
        <WorkProcessTrendView key={trend.code} trend={trend} />
      ))}
    </div>
  )
}
