import { Link } from 'react-router'
import type { Route } from './+types/coverage'
import { requireAnyRole } from '#app/auth/authorize.server.ts'
import { TRAINER_ROLES } from '#app/auth/roles.ts'
import { coverageOf, isGap } from '#app/domain/coverage.server.ts'
import { listCurrentDossiers } from '#app/domain/dossiers.server.ts'
import { localized } from '#app/i18n/i18n.ts'
import { LESSON_TYPE_LABEL, LESSON_TYPES_LABEL, textFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'coverage.title')

export async function loader({ request }: Route.LoaderArgs) {
  const { user, memberships } = await requireAnyRole(request, TRAINER_ROLES)
  const organisations = memberships.map((m) => m.organisation)
  // Criteria are per organisation: those of `?org=`, else of the trainer's first one.
  const wanted = new URL(request.url).searchParams.get('org')
  const criteriaOrg = organisations.find((o) => o.slug === wanted) ?? organisations[0] ?? null
  const dossiers = await listCurrentDossiers()
  const coverage = await Promise.all(
    dossiers.map((d) =>
      coverageOf(
        d.slug,
        user.isPlatformAdmin ? 'all' : organisations.map((o) => o.id),
        criteriaOrg?.id ?? null,
      ),
    ),
  )
  return {
    criteriaOrg: criteriaOrg && { slug: criteriaOrg.slug, name: criteriaOrg.name },
    organisations: organisations.map((o) => ({ slug: o.slug, name: o.name })),
    coverage: coverage
      .filter((c) => c !== null)
      .map((c) => ({ ...c, rows: c.rows.map((row) => ({ ...row, gap: isGap(row) })) })),
  }
}

const TYPES = ['lesson', 'quiz', 'scenario', 'assignment'] as const

export default function Coverage({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  return (
    <div className="page">
      <h1>{t('coverage.title')}</h1>
      <p className="lead">{t('coverage.intro')}</p>
      {loaderData.organisations.length > 1 ? (
        <nav aria-label={t('coverage.criteriaOf')}>
          <p>
            {t('coverage.criteriaOf')}:{' '}
            {loaderData.organisations.map((o, i) => (
              <span key={o.slug}>
                {i > 0 ? ' · ' : ''}
                {o.slug === loaderData.criteriaOrg?.slug ? (
                  <strong aria-current="true">{o.name}</strong>
                ) : (
                  <Link to={`?org=${o.slug}`}>{o.name}</Link>
                )}
              </span>
            ))}
          </p>
        </nav>
      ) : null}
      {loaderData.coverage.map(({ dossier, rows }) => (
        <section key={dossier.slug} aria-labelledby={`cov-${dossier.slug}`}>
          <h2 id={`cov-${dossier.slug}`}>{localized(dossier, 'qualification', locale)}</h2>
          <div className="table-scroll">
            <table className="table coverage">
              <caption>
                {t('coverage.caption', { count: rows.filter((r) => r.gap).length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('dossier.matrixWorkProcess')}</th>
                  {TYPES.map((type) => (
                    <th scope="col" key={type}>
                      {t(LESSON_TYPES_LABEL[type])}
                    </th>
                  ))}
                  <th scope="col">
                    {t('coverage.criteria', { organisation: loaderData.criteriaOrg?.name ?? '—' })}
                  </th>
                  <th scope="col">{t('coverage.status')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.code} className={row.gap ? 'gap' : undefined}>
                    <th scope="row">
                      <Link to={`/dossiers/${dossier.slug}/${row.code}`}>
                        <span className="code">{row.code}</span> {localized(row, 'title', locale)}
                      </Link>
                      {row.lessons.length > 0 ? (
                        <details className="coverage-lessons">
                          <summary>{t('coverage.which', { count: row.lessons.length })}</summary>
                          <ul>
                            {row.lessons.map((l) => (
                              <li key={l.lessonKey}>
                                <Link to={`/courses/${l.courseId}/${l.lessonKey}`}>
                                  {l.titleNl}
                                </Link>{' '}
                                <span className="muted">
                                  ({textFor(t, LESSON_TYPE_LABEL, l.type)})
                                </span>
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </th>
                    {TYPES.map((type) => (
                      <td key={type}>{row.counts[type]}</td>
                    ))}
                    <td>
                      {loaderData.criteriaOrg ? (
                        <Link
                          to={`/orgs/${loaderData.criteriaOrg.slug}/criteria/${dossier.slug}/${row.code}`}
                        >
                          {row.criteria}
                          {row.criteriaEdited ? ` (${t('coverage.criteriaEdited')})` : ''}
                        </Link>
                      ) : (
                        row.criteria
                      )}
                    </td>
                    <td>
                      {row.gap ? (
                        <>
                          <strong>{t('coverage.gap')}</strong>{' '}
                          <Link
                            to={`/trainer/courses/new?dossier=${dossier.slug}&workProcess=${row.code}`}
                          >
                            {t('coverage.createMaterial', { code: row.code })}
                          </Link>
                        </>
                      ) : (
                        t('coverage.covered')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  )
}
