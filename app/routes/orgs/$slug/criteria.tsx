import { Link } from 'react-router'
import type { Route } from './+types/criteria'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { criteriaVersions } from '#app/assessment/criteria.server.ts'
import { evidenceOptions } from '#app/assessment/evidence-options.server.ts'
import { localized } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'criteria.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'author:courses:org')
  const [dossiers, versions] = await Promise.all([
    evidenceOptions(),
    criteriaVersions(membership.organisation.id),
  ])
  return { organisation: membership.organisation, dossiers, versions }
}

export default function CriteriaOverview({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, dossiers, versions } = loaderData
  return (
    <div className="page">
      <h1>
        {t('criteria.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('criteria.intro')}</p>
      {dossiers.map((d) => (
        <section key={d.slug} aria-labelledby={`criteria-${d.slug}`}>
          <h2 id={`criteria-${d.slug}`}>{localized(d, 'qualification', locale)}</h2>
          <ul>
            {d.coreTasks.flatMap((c) =>
              c.workProcesses.map((w) => {
                const version = versions[`${d.slug}/${w.code}`]
                return (
                  <li key={w.code}>
                    <Link to={`/orgs/${organisation.slug}/criteria/${d.slug}/${w.code}`}>
                      <span className="code">{w.code}</span> {localized(w, 'title', locale)}
                    </Link>{' '}
                    <span className="muted">
                      {version
                        ? t('criteria.editedVersion', { version })
                        : t('criteria.fromIndicators')}
                    </span>
                  </li>
                )
              }),
            )}
          </ul>
        </section>
      ))}
    </div>
  )
}
