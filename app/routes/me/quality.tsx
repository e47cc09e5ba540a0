import type { Route } from './+types/quality'
import { requireUser } from '#app/auth/authorize.server.ts'
import { TrendWindowForm, WorkProcessTrendView } from '#app/components/quality/trend-chart.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { agentTrend, agentTrendView, trendOptions } from '#app/quality/trends.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'trend.mine')

/** "Mijn kwaliteit": my own scores per work process, with my coaching and lessons. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const options = trendOptions(new URL(request.url))
  const trends = await agentTrend(user.id, { organisationId: null, ...options })
  return {
    pivot: options.pivot ? options.pivot.toISOString().slice(0, 10) : '',
    weeks: options.weeks,
    trends: trends.map(agentTrendView),
  }
}

export default function MyQuality({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { pivot, weeks, trends } = loaderData
  return (
    <div className="page">
      <h1>{t('trend.mine')}</h1>
      <p className="lead">{t('trend.mineIntro')}</p>
      <TrendWindowForm pivot={pivot} weeks={weeks} />
      {trends.length === 0 ? <p>{t('trend.none')}</p> : null}
      {trends.map((trend) => (
        <WorkProcessTrendView key={trend.code} trend={trend} />
      ))}
    </div>
  )
}
