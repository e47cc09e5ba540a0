import { Link } from 'react-router'
import type { Route } from './+types/dossier'
import { getDossier, listCompetencies } from '#app/domain/dossiers.server.ts'
import { formatDate, localized } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { metaLocale } from '#app/utils/meta.ts'
import { versionParam } from '#app/utils/version-param.ts'

export const meta: Route.MetaFunction = ({ data, matches }) => {
  const locale = metaLocale(matches)
  return [{ title: data ? localized(data.dossier, 'qualification', locale) : 'Dossier' }]
}

export async function loader({ params, request }: Route.LoaderArgs) {
  const version = versionParam(request)
  const [dossier, competencies] = await Promise.all([
    getDossier(params.slug, version),
    listCompetencies(),
  ])
  invariantResponse(dossier && (!version || dossier.version === version), 'Dossier not found')
  return { dossier, competencies }
}

export default function DossierPage({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { dossier, competencies } = loaderData
  const latest = dossier.versions[0]?.version ?? dossier.version
  const versionQuery = dossier.version === latest ? '' : `?version=${dossier.version}`
  const confidenceKey = `dossier.confidence.${dossier.confidence}` as
    | 'dossier.confidence.official'
    | 'dossier.confidence.paraphrased'
    | 'dossier.confidence.reconstructed'
  const workProcesses = dossier.coreTasks.flatMap((k) => k.workProcesses)

  return (
    <div className="page">
      <h1>{localized(dossier, 'qualification', locale)}</h1>
      {dossier.version !== latest ? (
        <p className="notice" role="status">
          {t('dossier.olderVersion', { version: dossier.version })}{' '}
          <Link to={`/dossiers/${dossier.slug}`}>{t('dossier.viewCurrent')}</Link>
        </p>
      ) : null}
      <p className="lead">{localized(dossier, 'summary', locale)}</p>
      <dl className="facts">
        <div>
          <dt>{t('dossier.qualificationCrebo')}</dt>
          <dd>{dossier.qualificationCrebo}</dd>
        </div>
        <div>
          <dt>{t('dossier.dossierCrebo')}</dt>
          <dd>{dossier.crebo}</dd>
        </div>
        <div>
          <dt>{t('dossier.level')}</dt>
          <dd>{t('dossiers.level', { level: dossier.level })}</dd>
        </div>
        <div>
          <dt>{t('dossier.edition')}</dt>
          <dd>{dossier.edition}</dd>
        </div>
        {dossier.validFrom ? (
          <div>
            <dt>{t('dossier.validity')}</dt>
            <dd>
              {dossier.validTo
                ? t('dossier.validFromTo', {
                    from: formatDate(dossier.validFrom, locale),
                    to: formatDate(dossier.validTo, locale),
                  })
                : t('dossier.validFrom', { from: formatDate(dossier.validFrom, locale) })}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('dossier.version')}</dt>
          <dd>{dossier.version}</dd>
        </div>
      </dl>

      <section aria-labelledby="source" className="source-note">
        <h2 id="source">{t('dossier.source')}</h2>
        <p>
          <strong>{t(confidenceKey)}.</strong> {localized(dossier, 'sourceNote', locale)}
        </p>
      </section>

      <section aria-labelledby="structure">
        <h2 id="structure">{t('dossier.structure')}</h2>
        {dossier.coreTasks.map((coreTask) => (
          <section key={coreTask.id} aria-labelledby={`ct-${coreTask.code}`} className="core-task">
            <h3 id={`ct-${coreTask.code}`}>
              <span className="code">{coreTask.code}</span> {localized(coreTask, 'title', locale)}
            </h3>
            <p>{localized(coreTask, 'description', locale)}</p>
            <ul className="work-processes">
              {coreTask.workProcesses.map((wp) => (
                <li key={wp.code}>
                  <Link to={`/dossiers/${dossier.slug}/${wp.code}${versionQuery}`}>
                    <span className="code">{wp.code}</span> {localized(wp, 'title', locale)}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section aria-labelledby="matrix">
        <h2 id="matrix">{t('dossier.matrix')}</h2>
        <div className="table-scroll" role="region" aria-labelledby="matrix" tabIndex={0}>
          <table className="table matrix">
            <caption>{t('dossier.matrixCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dossier.matrixWorkProcess')}</th>
                {competencies.map((c) => (
                  <th scope="col" key={c.code}>
                    <abbr title={localized(c, 'title', locale)}>{c.code}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {workProcesses.map((wp) => {
                const linked = new Set(wp.competencies.map((c) => c.competencyCode))
                return (
                  <tr key={wp.code}>
                    <th scope="row">
                      <span className="code">{wp.code}</span>
                    </th>
                    {competencies.map((c) => (
                      <td key={c.code} className={linked.has(c.code) ? 'linked' : undefined}>
                        {linked.has(c.code) ? (
                          <span role="img" aria-label={t('dossier.matrixLinked')}>
                            ✓
                          </span>
                        ) : (
                          <span className="visually-hidden">{t('dossier.matrixNotLinked')}</span>
                        )}
                      </td>
                    ))}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}
