import { Link } from 'react-router'
import type { Route } from './+types/coaching-session'
import { CoachingRecord } from '#app/components/quality/coaching-record.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'
import { getCoachingForScope } from '#app/quality/coaching.server.ts'
import { requireQualityScope } from '#app/quality/quality-access.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'coaching.session')

/** One session for the coach, the agent's team leaders and the org admins; 404 for others. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  const session = await getCoachingForScope(scope, params.sessionId)
  if (!session) throw new Response('Not found', { status: 404 })
  await logAccess({
    viewer: { userId: scope.userId },
    organisationId: scope.organisationId,
    kind: 'coaching.view',
    people: session.agentId,
    objectId: session.id,
  })
  return { base: `/orgs/${scope.organisationSlug}/quality`, session }
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
