import { Link } from 'react-router'
import type { Route } from './+types/courses'
import { getUser } from '#app/auth/authorize.server.ts'
import { viewerOrganisationIds } from '#app/domain/course-visibility.server.ts'
import { listPublishedCourses } from '#app/domain/courses.server.ts'
import { listCoreTasks, listCurrentDossiers } from '#app/domain/dossiers.server.ts'
import { localized } from '#app/i18n/i18n.ts'
import { LocalizedText } from '#app/i18n/localized-text.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'courses.title')

/** The catalogue: per dossier, per core task, the courses that train its work processes. */
export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await viewerOrganisationIds(await getUser(request))
  const [courses, dossiers] = await Promise.all([
    listPublishedCourses(viewer),
    listCurrentDossiers(),
  ])
  const coreTasks = await listCoreTasks(dossiers.map((d) => d.id))
  return {
    dossiers: dossiers.map((d) => ({
      slug: d.slug,
      qualificationNl: d.qualificationNl,
      qualificationEn: d.qualificationEn,
      coreTasks: coreTasks
        .filter((k) => k.dossierId === d.id)
        .map((k) => ({
          ...k,
          courses: courses.filter(
            (c) =>
              c.dossierSlug === d.slug &&
              c.workProcessCodes.some((w) => w.startsWith(`${k.code}-`)),
          ),
        })),
    })),
  }
}

export default function Courses({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  return (
    <div className="page">
      <h1>{t('courses.title')}</h1>
      <p className="lead">{t('courses.intro')}</p>
      {loaderData.dossiers.map((d) => (
        <section key={d.slug} aria-labelledby={`d-${d.slug}`}>
          <h2 id={`d-${d.slug}`}>{localized(d, 'qualification', locale)}</h2>
          {d.coreTasks.map((k) => (
            <section key={k.code} aria-labelledby={`k-${k.code}`} className="core-task">
              <h3 id={`k-${k.code}`}>
                <span className="code">{k.code}</span> {localized(k, 'title', locale)}
              </h3>
              {k.courses.length === 0 ? (
                <p className="muted">{t('courses.none')}</p>
              ) : (
                <ul className="cards">
                  {k.courses.map((c) => (
                    <li key={c.id} className="card">
                      <h4>
                        <Link to={`/courses/${c.id}`}>
                          <LocalizedText row={c} field="title" />
                        </Link>
                      </h4>
                      <p>
                        <LocalizedText row={c} field="summary" />
                      </p>
                      <p className="muted">
                        {t('courses.facts', { count: c.lessonCount, minutes: c.minutes })} ·{' '}
                        {c.languages.join(' / ').toUpperCase()}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </section>
      ))}
    </div>
  )
}
