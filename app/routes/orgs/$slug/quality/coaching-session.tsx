import { Link } from 'react-router'
import type { Route } from './+types/coaching-session'
import { DataTable } from '#app/components/data-table.tsx'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { getCoachingForScope } from '#app/quality/coaching.server.ts'
import { requireQualityScope } from '#app/quality/quality-access.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'coaching.session')

/** One session for the coach, the agent's team leaders and the org admins; 404 for others. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  const session = await getCoachingForScope(scope, params.sessionId)
  if (!session) throw new Response('Not found', { status: 404 })
  return { base: `/orgs/${scope.organisationSlug}/quality`, session }
}

export type CoachingRecordData = {
  heldAt: Date | string
  followUpAt: Date | string | null
  confirmedAt: Date | string | null
  evidenceId: string | null
  discussed: string
  agreements: string
  coach: { name: string }
  agent: { name: string }
  workProcesses: Array<{ workProcessCode: string }>
  evaluations: Array<{
    evaluation: { id: string; contactAt: Date | string; score: number; passed: boolean }
  }>
}

/** The record of a session, as both the organisation's side and the agent see it. */
export function CoachingRecord({ session }: { session: CoachingRecordData }) {
  const { t, locale } = useTranslation()
  return (
    <div className="stack">
      <dl className="facts">
        <dt>{t('coaching.heldAt')}</dt>
        <dd>{formatDate(session.heldAt, locale)}</dd>
        <dt>{t('coaching.coach')}</dt>
        <dd>{session.coach.name}</dd>
        <dt>{t('coaching.agent')}</dt>
        <dd>{session.agent.name}</dd>
        <dt>{t('coaching.workProcesses')}</dt>
        <dd>{session.workProcesses.map((w) => w.workProcessCode).join(', ') || '—'}</dd>
        <dt>{t('coaching.followUpAt')}</dt>
        <dd>{session.followUpAt ? formatDate(session.followUpAt, locale) : '—'}</dd>
        <dt>{t('coaching.status')}</dt>
        <dd>
          {session.confirmedAt
            ? t('coaching.confirmedOn', { date: formatDate(session.confirmedAt, locale) })
            : t('coaching.status.open')}
          {session.evidenceId ? ` · ${t('coaching.status.handedIn')}` : ''}
        </dd>
      </dl>
      <h2>{t('coaching.discussed')}</h2>
      <p style={{ whiteSpace: 'pre-wrap' }}>{session.discussed}</p>
      <h2>{t('coaching.agreements')}</h2>
      <p style={{ whiteSpace: 'pre-wrap' }}>{session.agreements}</p>
      {session.evaluations.length > 0 ? (
        <DataTable
          caption={t('coaching.evaluations')}
          showCaption
          columns={[t('trend.date'), t('trend.score')]}
        >
          {session.evaluations.map(({ evaluation: e }) => (
            <tr key={e.id}>
              <td>{formatDate(e.contactAt, locale)}</td>
              <td>
                {e.score} ({t(e.passed ? 'trend.passed' : 'trend.failed')})
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </div>
  )
}

export default function CoachingSession({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { base, session } = loaderData
  return (
    <div className="page">
      <p>
        <Link to={`${base}/coaching`}>{t('coaching.title')}</Link> ·{' '}
        <Link to={`${base}/agents/${session.agentId}/trend`}>{t('trend.agentTitle')}</Link>
      </p>
      <h1>{t('coaching.session')}</h1>
      <CoachingRecord session={session} />
    </div>
  )
}
