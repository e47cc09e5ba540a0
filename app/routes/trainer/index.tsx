import { Link } from 'react-router'
import type { Route } from './+types/index'
import { requireAnyRole } from '#app/auth/authorize.server.ts'
import { authorScopeOf, authorsAnything } from '#app/authoring/authoring-access.server.ts'
import { listAuthoredCourses } from '#app/authoring/authored-courses.server.ts'
import { STANDARD_LABEL } from '#app/packages/manifest/manifest-types.ts'
import { listPackageCourses } from '#app/packages/package-authoring.server.ts'
import { can, TRAINER_ROLES } from '#app/auth/roles.ts'
import { ROLE_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'trainer.title')

export async function loader({ request }: Route.LoaderArgs) {
  const { user, memberships } = await requireAnyRole(request, TRAINER_ROLES)
  const scope = authorScopeOf(user, memberships)
  const authoring = authorsAnything(scope)
  return {
    authoring,
    courses: authoring ? await listAuthoredCourses(scope) : [],
    packages: authoring
      ? (await listPackageCourses(scope)).map((p) => ({
          ...p,
          standard: STANDARD_LABEL[p.standard],
        }))
      : [],
    published: new URL(request.url).searchParams.get('published'),
    organisations: memberships.map((m) => ({
      id: m.organisation.id,
      slug: m.organisation.slug,
      name: m.organisation.name,
      roles: m.roles,
      assesses: can(m.roles, 'assess:evidence:org'),
      authors: can(m.roles, 'author:courses:org'),
    })),
  }
}

export default function Trainer({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <div className="page">
      <h1>{t('trainer.title')}</h1>
      <p className="lead">{t('trainer.intro')}</p>
      <ul className="cards">
        {loaderData.organisations.map((o) => (
          <li key={o.id} className="card">
            <h2>{o.name}</h2>
            <p className="muted">{o.roles.map((r) => t(ROLE_LABEL[r])).join(', ')}</p>
            <ul className="plain">
              {o.assesses ? (
                <li>
                  <Link to={`/orgs/${o.slug}/assessments`}>
                    {t('trainer.assessLink', { organisation: o.name })}
                  </Link>
                </li>
              ) : null}
              {o.authors ? (
                <li>
                  <Link to={`/orgs/${o.slug}/criteria`}>
                    {t('trainer.criteriaLink', { organisation: o.name })}
                  </Link>
                </li>
              ) : null}
            </ul>
          </li>
        ))}
      </ul>
      {loaderData.authoring ? (
        <section aria-labelledby="authored">
          <h2 id="authored">{t('authoring.myCourses')}</h2>
          <p>{t('authoring.myCoursesIntro')}</p>
          {loaderData.courses.length === 0 ? (
            <p className="muted">{t('authoring.noCourses')}</p>
          ) : (
            <ul className="cards">
              {loaderData.courses.map((c) => (
                <li key={c.id} className="card">
                  <h3>
                    <Link to={`/trainer/courses/${c.id}`}>{c.title}</Link>
                  </h3>
                  <p className="muted">
                    {c.organisation ?? t('authoring.platformWide')} ·{' '}
                    {c.version
                      ? t('authoring.versionShort', { version: c.version })
                      : t('authoring.neverPublished')}
                    {c.version && c.unpublishedEdits ? ` · ${t('authoring.unpublishedEdits')}` : ''}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/trainer/courses/new" className="button">
              {t('authoring.newCourse')}
            </Link>{' '}
            <Link to="/trainer/import">{t('authoring.import')}</Link>
          </p>
        </section>
      ) : null}
      {loaderData.authoring ? (
        <section aria-labelledby="packages-title" id="packages">
          <h2 id="packages-title">{t('packageAuthoring.myPackages')}</h2>
          {loaderData.published ? <p role="status">{t('packageAuthoring.published')}</p> : null}
          {loaderData.packages.length === 0 ? (
            <p className="muted">{t('packageAuthoring.noPackages')}</p>
          ) : (
            <ul className="cards">
              {loaderData.packages.map((p) => (
                <li key={p.courseId} className="card" data-course={p.courseId}>
                  <h3>
                    {p.currentVersion ? (
                      <Link to={`/courses/${p.courseId}`}>{p.title}</Link>
                    ) : (
                      p.title
                    )}
                  </h3>
                  <p className="muted">
                    {p.standard} · {p.organisation ?? t('authoring.platformWide')} ·{' '}
                    {p.versions.length > 0
                      ? t('packageAuthoring.versions', {
                          count: p.versions.length,
                          versions: p.versions.join(', '),
                        })
                      : t('packageAuthoring.notPublished')}
                  </p>
                  <p>
                    {p.pendingPackageId ? (
                      <Link to={`/trainer/packages/${p.pendingPackageId}`}>
                        {t('packageAuthoring.finishMapping')}
                      </Link>
                    ) : (
                      <Link
                        to={`/trainer/packages/import?course=${encodeURIComponent(p.courseId)}`}
                      >
                        {t('packageAuthoring.uploadVersion')}
                      </Link>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/trainer/packages/import" className="button secondary">
              {t('packageAuthoring.importTitle')}
            </Link>
          </p>
        </section>
      ) : null}
      <ul>
        {loaderData.authoring ? (
          <li>
            <Link to="/trainer/coverage">{t('trainer.coverageLink')}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/courses">{t('courses.title')}</Link>
        </li>
      </ul>
    </div>
  )
}
