import { Link } from 'react-router'
import type { Route } from './+types/course'
import { getUser } from '#app/auth/authorize.server.ts'
import { viewerOrganisationIds } from '#app/domain/course-visibility.server.ts'
import { getPublishedCourse } from '#app/domain/courses.server.ts'
import { localized } from '#app/i18n/i18n.ts'
import { LANGUAGE_LABEL, LESSON_TYPE_LABEL, textFor } from '#app/i18n/labels.ts'
import { LocalizedText } from '#app/i18n/localized-text.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { metaLocale } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ data, matches }) => [
  { title: data ? localized(data.course, 'title', metaLocale(matches)) : 'Cursus' },
]

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await viewerOrganisationIds(await getUser(request))
  const course = await getPublishedCourse(params.courseId, viewer)
  invariantResponse(course, 'Course not found')
  return { course }
}

export default function CoursePage({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { course } = loaderData
  const modules = [...new Set(course.lessons.map((l) => l.moduleKey))].map((key) => {
    const lessons = course.lessons.filter((l) => l.moduleKey === key)
    return { key, title: <LocalizedText row={lessons[0]!} field="moduleTitle" />, lessons }
  })
  return (
    <div className="page">
      <p>
        <Link to="/courses">{t('courses.back')}</Link>
      </p>
      <h1>
        <LocalizedText row={course} field="title" />
      </h1>
      <p className="lead">
        <LocalizedText row={course} field="summary" />
      </p>
      <dl className="facts">
        <div>
          <dt>{t('course.audience')}</dt>
          <dd>
            <LocalizedText row={course} field="audience" />
          </dd>
        </div>
        <div>
          <dt>{t('course.languages')}</dt>
          <dd>{course.languages.map((l) => textFor(t, LANGUAGE_LABEL, l)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('course.version')}</dt>
          <dd>{course.version}</dd>
        </div>
      </dl>
      {locale === 'en' && !course.languages.includes('en') ? (
        <p className="notice">{t('course.dutchOnly')}</p>
      ) : null}
      {modules.map((m, i) => (
        <section key={m.key} aria-labelledby={`m-${m.key}`}>
          <h2 id={`m-${m.key}`}>
            {t('course.module', { number: i + 1 })}: {m.title}
          </h2>
          <ol className="lesson-list">
            {m.lessons.map((l) => (
              <li key={l.lessonKey}>
                <Link to={`/courses/${course.id}/${l.lessonKey}`}>
                  <LocalizedText row={l} field="title" />
                </Link>{' '}
                <span className="muted">
                  {textFor(t, LESSON_TYPE_LABEL, l.type)} ·{' '}
                  {t('lesson.minutes', { minutes: l.duration })} ·{' '}
                  {l.workProcesses.map((w) => w.workProcessCode).join(', ')}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  )
}
