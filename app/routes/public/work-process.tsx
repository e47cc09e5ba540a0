import { Link } from 'react-router'
import type { Route } from './+types/work-process'
import { getWorkProcess } from '#app/domain/dossiers.server.ts'
import { localized } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { metaLocale } from '#app/utils/meta.ts'
import { versionParam } from '#app/utils/version-param.ts'

export const meta: Route.MetaFunction = ({ data, matches }) => {
  const locale = metaLocale(matches)
  const wp = data?.workProcess
  return [{ title: wp ? `${wp.code} ${localized(wp, 'title', locale)}` : 'Werkproces' }]
}

export async function loader({ params, request }: Route.LoaderArgs) {
  const version = versionParam(request)
  const workProcess = await getWorkProcess(params.slug, params.code, version)
  invariantResponse(workProcess, 'Work process not found')
  return { workProcess }
}

export default function WorkProcessPage({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const wp = loaderData.workProcess
  const dossierName = localized(wp.dossier, 'qualification', locale)
  return (
    <div className="page">
      <p>
        <Link to={`/dossiers/${wp.dossier.slug}`}>
          {t('workProcess.back', { dossier: dossierName })}
        </Link>
      </p>
      <h1>
        <span className="code">{wp.code}</span> {localized(wp, 'title', locale)}
      </h1>
      <p className="muted">
        {t('workProcess.coreTask')} <span className="code">{wp.coreTask.code}</span>{' '}
        {localized(wp.coreTask, 'title', locale)}
      </p>

      <h2>{t('workProcess.description')}</h2>
      <p>{localized(wp, 'description', locale)}</p>

      <h2>{t('workProcess.result')}</h2>
      <p>{localized(wp, 'result', locale)}</p>

      <h2>{t('workProcess.indicators')}</h2>
      <p>{t('workProcess.indicatorsIntro')}</p>
      <ol>
        {wp.indicators.map((i) => (
          <li key={i.id}>{localized(i, 'text', locale)}</li>
        ))}
      </ol>

      <h2>{t('workProcess.competencies')}</h2>
      <ul className="competency-list">
        {wp.competencies.map(({ competency: c }) => (
          <li key={c.code}>
            <Link to={`/competencies#competency-${c.code}`}>
              <span className="code">{c.code}</span> {localized(c, 'title', locale)}
            </Link>
            <p>{localized(c, 'description', locale)}</p>
          </li>
        ))}
      </ul>
    </div>
  )
}
