import { Link } from 'react-router'
import type { Route } from './+types/privacy'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { openErasureRequestCount } from '#app/privacy/erasure-requests.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'privacy.orgTitle')

/** The organisation's privacy pages in one place, so the tab bar keeps one tab for them. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:members:org')
  return {
    organisation: membership.organisation,
    openRequests: await openErasureRequestCount(membership.organisation.id),
  }
}

export default function OrgPrivacy({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, openRequests } = loaderData
  const base = `/orgs/${organisation.slug}/privacy`
  const pages = [
    { to: `${base}/works-council`, title: t('wc.title'), about: t('privacy.org.worksCouncil') },
    { to: `${base}/retention`, title: t('retention.title'), about: t('privacy.org.retention') },
    {
      to: `${base}/erasure-requests`,
      title: t('erasure.orgTitle'),
      about: t('privacy.org.erasure'),
      badge: openRequests ? t('privacy.org.erasureOpen', { count: openRequests }) : null,
    },
    { to: `${base}/access-log`, title: t('accessLog.title'), about: t('privacy.org.accessLog') },
  ]
  return (
    <div className="page narrow-section">
      <h1>
        {t('privacy.orgTitle')}: {organisation.name}
      </h1>
      <p className="lead">{t('privacy.orgIntro')}</p>
      <ul className="plain">
        {pages.map((p) => (
          <li key={p.to}>
            <h2>
              <Link to={p.to}>{p.title}</Link>
              {p.badge ? <span className="badge">{p.badge}</span> : null}
            </h2>
            <p>{p.about}</p>
          </li>
        ))}
      </ul>
    </div>
  )
}
