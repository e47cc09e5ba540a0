import { Link } from 'react-router'
import type { Route } from './+types/scorecards'
import { DataTable } from '#app/components/data-table.tsx'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { requireManager, requireQualityScope } from '#app/quality/quality-access.server.ts'
import { CHANNEL_LABEL } from '#app/quality/quality-labels.ts'
import type { Channel } from '#app/quality/scorecard-definition.ts'
import { listScorecards } from '#app/quality/scorecards.server.ts'
import { parseJsonList } from '#app/utils/json-list.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'quality.scorecards')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireManager(scope)
  const cards = await listScorecards(scope.organisationId)
  return {
    organisation: { slug: scope.organisationSlug, name: scope.organisationName },
    cards: cards.map((c) => ({ ...c, channels: parseJsonList(c.channels) as Channel[] })),
  }
}

export default function Scorecards({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, cards } = loaderData
  const base = `/orgs/${organisation.slug}/quality/scorecards`
  return (
    <div className="page">
      <h1>
        {t('quality.scorecards')}: {organisation.name}
      </h1>
      <p className="lead">{t('scorecard.intro')}</p>
      <p>
        <Link className="button" to={`${base}/new`}>
          {t('scorecard.new')}
        </Link>
      </p>
      {cards.length === 0 ? (
        <p>{t('scorecard.none')}</p>
      ) : (
        <DataTable
          caption={t('quality.scorecards')}
          columns={[
            t('scorecard.name'),
            t('scorecard.client'),
            t('scorecard.channels'),
            t('scorecard.version'),
          ]}
        >
          {cards.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`${base}/${c.id}`}>{c.name}</Link>
              </td>
              <td>{c.client?.name ?? t('scorecard.everyClient')}</td>
              <td>{c.channels.map((ch) => t(CHANNEL_LABEL[ch])).join(', ')}</td>
              <td>
                {c.versions[0]
                  ? `v${c.versions[0].version}, ${formatDate(c.versions[0].createdAt, locale)}`
                  : '—'}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  )
}
