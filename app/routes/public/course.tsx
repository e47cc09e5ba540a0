import { Link } from 'react-router'
import type { Route } from './+types/course'
import { getUser } from '#app/auth/authorize.server.ts'
import { viewerOrganisationIds } from '#app/domain/course-visibility.server.ts'
import { getPublishedCourse } from '#app/domain/courses.server.ts'
import { completedLessonKeys } from '#app/learner/course-completions.server.ts'
import { localized } from '#app/i18n/i18n.ts'
import { LANGUAGE_LABEL, LESSON_TYPE_LABEL, textFor } from '#app/i18n/labels.ts'
import { LocalizedText } from '#app/i18n/localized-text.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { metaLocale } from '#app/utils/meta.ts'
import learnerStyles from '#app/styles/learner.css?url'

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: learnerStyles }]

export const meta: Route.MetaFunction = ({ data, matches }) => [
  { title: data ? localized(data.course, 'title', metaLocale(matches)) : 'Cursus' },
]

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request)
  const viewer = await viewerOrganisationIds(user)
  const course = await getPublishedCourse(params.courseId, viewer)
  invariantResponse(course, 'Course not found')
  // A signed-in learner sees which lessons they finished; anyone else sees the course as is.
  const completed = user
    ? await completedLessonKeys(
        user.id,
        course.lessons.map((l) => l.lessonKey),
      )
    : null
  return { course, completed }
}

export default function CoursePage({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { course } = loaderData
  const completed = loaderData.completed ? new Set(loaderData.completed) : null
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
        {/* An imported package has no audience of ours: no label without a value. */}
        {course.audienceNl ? (
          <div>
            <dt>{t('course.audience')}</dt>
            <dd>
              <LocalizedText row={course} field="audience" />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('course.languages')}</dt>
          <dd>{course.languages.map((l) => textFor(t, LANGUAGE_LABEL, l)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('course.version')}</dt>
          <dd>{course.version}</dd>
        </div>
      </dl>
      {completed ? (
        <p className="course-completion">
          <progress
            max={course.lessons.length}
            value={course.lessons.filter((l) => completed.has(l.lessonKey)).length}
            aria-label={t('dashboard.courseProgress', {
              title: localized(course, 'title', locale),
            })}
          />{' '}
          {t('learner.course.progress', {
            done: course.lessons.filter((l) => completed.has(l.lessonKey)).length,
            total: course.lessons.length,
          })}
        </p>
      ) : null}
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
              <li key={l.lessonKey} data-lesson={l.lessonKey}>
                {completed?.has(l.lessonKey) ? (
                  <>
                    <span className="lesson-done">✓ {t('learner.course.done')}</span>{' '}
                  </>
                ) : null}
                <Link to={`/courses/${course.id}/${l.lessonKey}`}>
                  <LocalizedText row={l} field="title" />
                </Link>{' '}
                <span className="muted">
                  {textFor(t, LESSON_TYPE_LABEL, l.type)} ·{' '}
                  {/* A bought package does not say how long it takes. */}
                  {l.duration > 0 ? <>{t('lesson.minutes', { minutes: l.duration })} · </> : null}
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
