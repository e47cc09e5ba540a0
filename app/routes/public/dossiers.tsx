import { Link } from 'react-router'
import type { Route } from './+types/dossiers'
import { listCurrentDossiers } from '#app/domain/dossiers.server.ts'
import { localized } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'dossiers.title')

export async function loader() {
  return { dossiers: await listCurrentDossiers() }
}

export default function Dossiers({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  return (
    <div className="page">
      <h1>{t('dossiers.title')}</h1>
      <p className="lead">{t('dossiers.intro')}</p>
      {loaderData.dossiers.length === 0 ? (
        <p>{t('dossiers.empty')}</p>
      ) : (
        <ul className="cards">
          {loaderData.dossiers.map((d) => (
            <li key={d.id} className="card">
              <h2>
                <Link to={`/dossiers/${d.slug}`}>{localized(d, 'qualification', locale)}</Link>
              </h2>
              <p className="muted">
                {t('dossiers.crebo', { crebo: d.qualificationCrebo })} ·{' '}
                {t('dossiers.level', { level: d.level })}
              </p>
              <p>{localized(d, 'summary', locale)}</p>
              <p className="muted">
                {t('dossiers.counts', {
                  coreTasks: d._count.coreTasks,
                  workProcesses: d._count.workProcesses,
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/competencies">{t('dossiers.allCompetencies')}</Link>
      </p>
    </div>
  )
}
