import { Link } from 'react-router'
import type { Route } from './+types/dashboard'
import { DataTable } from '#app/components/data-table.tsx'
import { KpiTable } from '#app/components/quality/kpi-table.tsx'
import { getMemberships, requireUser } from '#app/auth/authorize.server.ts'
import { learnerDashboard } from '#app/domain/dashboard.server.ts'
import { LADDER, TOP_STEP } from '#app/domain/progress-rules.ts'
import { formatDate, localized } from '#app/i18n/i18n.ts'
import { EVENT_LABEL, ROLE_LABEL, STEP_LABEL, textFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ownOpenWorkProcessAssignments } from '#app/employer/assignments.server.ts'
import { ownKpiWeeks } from '#app/quality/kpis.server.ts'
import { ownQualitySummary } from '#app/quality/own-quality.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard.title')

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const [memberships, dashboard, kpis, quality, assigned] = await Promise.all([
    getMemberships(user.id),
    learnerDashboard(user.id),
    ownKpiWeeks(user.id),
    ownQualitySummary(user.id),
    ownOpenWorkProcessAssignments(user.id),
  ])
  return { user, memberships, ...dashboard, kpis, quality, assigned }
}

const stepLabel = (step: number) => STEP_LABEL[LADDER[step]!.key]

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { user, memberships, dossiers, recent, courses, kpis, quality, assigned } = loaderData
  const title = (x: { titleNl: string; titleEn: string | null }) =>
    locale === 'en' && x.titleEn ? x.titleEn : x.titleNl
  /** The next lesson of an assigned work process: where the assignment is worked on. */
  const nextLessonOf = (slug: string, code: string) => {
    const wp = dossiers
      .find((d) => d.slug === slug)
      ?.coreTasks.flatMap((k) => k.workProcesses)
      .find((w) => w.code === code)
    return wp?.next
      ? { to: `/courses/${wp.next.courseId}/${wp.next.lessonKey}`, title: title(wp.next) }
      : null
  }
  return (
    <div className="page">
      <h1>{t('dashboard.greeting', { name: user.name })}</h1>
      {memberships.length === 0 ? (
        <p>{t('dashboard.noOrganisation')}</p>
      ) : (
        <p className="muted">
          {memberships
            .map(
              (m) => `${m.organisation.name} (${m.roles.map((r) => t(ROLE_LABEL[r])).join(', ')})`,
            )
            .join(' · ')}
        </p>
      )}

      <ul className="inline-list">
        <li>
          <Link to="/evidence">{t('dashboard.evidenceLink')}</Link>
        </li>
        <li>
          <Link to="/records">{t('dashboard.recordsLink')}</Link>
        </li>
      </ul>

      <section aria-labelledby="in-progress">
        <h2 id="in-progress">{t('dashboard.courses')}</h2>
        {courses.length === 0 ? (
          <p>
            {t('dashboard.noCourses')} <Link to="/courses">{t('courses.title')}</Link>
          </p>
        ) : (
          <ul className="cards">
            {courses.map((c) => (
              <li key={c.courseId} className="card">
                <h3>
                  <Link to={`/courses/${c.courseId}`}>{title(c)}</Link>
                </h3>
                <p>
                  <progress
                    max={c.total}
                    value={c.completed}
                    aria-label={t('dashboard.courseProgress', { title: title(c) })}
                  />{' '}
                  {t('dashboard.lessonsDone', { done: c.completed, total: c.total })}
                </p>
                {c.dueAt ? (
                  <p className="muted">
                    {t('dashboard.due', { date: formatDate(c.dueAt, locale) })}
                  </p>
                ) : null}
                {c.resume ? (
                  <p>
                    <Link to={`/courses/${c.courseId}/${c.resume}`}>{t('dashboard.resume')}</Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {dossiers.map((d) => (
        <section key={d.slug} aria-labelledby={`progress-${d.slug}`}>
          <h2 id={`progress-${d.slug}`}>
            {t('dashboard.progressIn', { dossier: localized(d, 'qualification', locale) })}
          </h2>
          <p className="muted">
            <Link to="/progress/rules">{t('dashboard.howComputed')}</Link>
          </p>
          {d.coreTasks.map((k) => (
            <section key={k.code} aria-labelledby={`dash-${k.code}`} className="core-task">
              <h3 id={`dash-${k.code}`}>
                <span className="code">{k.code}</span> {localized(k, 'title', locale)}
              </h3>
              <DataTable
                caption={localized(k, 'title', locale)}
                columns={[t('dossier.matrixWorkProcess'), t('dashboard.step'), t('dashboard.next')]}
                className="table ladder"
              >
                {k.workProcesses.map((wp) => (
                  <tr key={wp.code} data-work-process={wp.code}>
                    <th scope="row">
                      <Link to={`/dossiers/${d.slug}/${wp.code}`}>
                        <span className="code">{wp.code}</span> {localized(wp, 'title', locale)}
                      </Link>
                    </th>
                    <td>
                      <progress
                        max={TOP_STEP}
                        value={wp.step}
                        aria-label={`${wp.code}: ${t(stepLabel(wp.step))}`}
                      />{' '}
                      <span className={`step step-${wp.step}`}>{t(stepLabel(wp.step))}</span>
                      <span className="muted">
                        {' '}
                        ({t('dashboard.stepOf', { step: wp.step, top: TOP_STEP })};{' '}
                        {t('dashboard.lessonsDone', {
                          done: wp.lessonsDone,
                          total: wp.lessonsTotal,
                        })}
                        )
                      </span>
                    </td>
                    <td>
                      <NextStep
                        code={wp.code}
                        step={wp.step}
                        lesson={
                          wp.next
                            ? {
                                to: `/courses/${wp.next.courseId}/${wp.next.lessonKey}`,
                                title: title(wp.next),
                              }
                            : null
                        }
                      />
                    </td>
                  </tr>
                ))}
              </DataTable>
            </section>
          ))}
        </section>
      ))}

      {assigned.length > 0 ? (
        <section aria-labelledby="my-assignments">
          <h2 id="my-assignments">{t('dashboard.assigned.title')}</h2>
          <ul>
            {assigned.map((a) => (
              <li key={a.id} data-assignment={a.workProcessCode}>
                {a.title ? a.title[locale] : a.workProcessCode}
                {nextLessonOf(a.dossierSlug, a.workProcessCode) ? (
                  <>
                    {' · '}
                    <Link to={nextLessonOf(a.dossierSlug, a.workProcessCode)!.to}>
                      {nextLessonOf(a.dossierSlug, a.workProcessCode)!.title}
                    </Link>
                  </>
                ) : null}{' '}
                <span className={a.overdue ? 'critical' : 'muted'}>
                  ·{' '}
                  {t(a.overdue ? 'dashboard.assigned.overdue' : 'dashboard.due', {
                    date: formatDate(a.dueAt, locale),
                  })}
                </span>
              </li>
            ))}
          </ul>
          <p className="hint">{t('dashboard.assigned.hint')}</p>
        </section>
      ) : null}

      {quality ? (
        <section aria-labelledby="my-quality">
          <h2 id="my-quality">{t('dashboard.quality.title')}</h2>
          <ul className="link-list">
            <li>
              <Link to="/evaluations">
                {t('me.evaluations.title')} ({quality.evaluations})
              </Link>
              {quality.unseen > 0 ? (
                <span className="muted">
                  {' '}
                  · {t('dashboard.quality.unseen', { count: quality.unseen })}
                </span>
              ) : null}
            </li>
            <li>
              <Link to="/coaching">
                {t('dashboard.quality.coaching')} ({quality.coaching})
              </Link>
              {quality.unconfirmed > 0 ? (
                <span className="muted">
                  {' '}
                  · {t('dashboard.quality.unconfirmed', { count: quality.unconfirmed })}
                </span>
              ) : null}
            </li>
            <li>
              <Link to="/quality">{t('dashboard.quality.trend')}</Link>
            </li>
          </ul>
        </section>
      ) : null}

      {kpis.map((k) => (
        <section key={k.organisation.id} aria-labelledby={`kpis-${k.organisation.id}`}>
          <h2 id={`kpis-${k.organisation.id}`}>
            {t('kpis.title')} · {k.organisation.name}
          </h2>
          <KpiTable weeks={k.weeks} caption={`${t('kpis.title')} · ${k.organisation.name}`} />
        </section>
      ))}

      <section aria-labelledby="recent">
        <h2 id="recent">{t('dashboard.recent')}</h2>
        {recent.length === 0 ? (
          <p>{t('dashboard.noActivity')}</p>
        ) : (
          <ul>
            {recent.map((e) => (
              <li key={e.id}>
                {formatDate(e.timestamp, locale)}: {textFor(t, EVENT_LABEL, e.verb)} {title(e)}
                {e.resultScore !== null ? ` (${e.resultScore}%)` : ''}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/dashboard/xapi" download>
            {t('dashboard.exportXapi')}
          </a>
        </p>
      </section>
    </div>
  )
}

/** What to do next on a work process: a lesson, then workplace evidence, then the record. */
function NextStep({
  code,
  step,
  lesson,
}: {
  code: string
  step: number
  lesson: { to: string; title: string } | null
}) {
  const { t } = useTranslation()
  if (lesson) return <Link to={lesson.to}>{lesson.title}</Link>
  if (step === 2) return <Link to={`/evidence/new?wp=${code}`}>{t('dashboard.nextEvidence')}</Link>
  if (step === 3) return <span className="muted">{t('dashboard.nextAwaiting')}</span>
  if (step === TOP_STEP) return <Link to="/records">{t('dashboard.nextRecord')}</Link>
  return <span className="muted">—</span>
}
