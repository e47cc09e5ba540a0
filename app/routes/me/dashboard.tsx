import { Link } from 'react-router'
import type { Route } from './+types/dashboard'
import { LadderProgress } from '#app/components/learner/ladder-progress.tsx'
import { KpiTable } from '#app/components/quality/kpi-table.tsx'
import { getMemberships, requireUser } from '#app/auth/authorize.server.ts'
import { learnerDashboard } from '#app/domain/dashboard.server.ts'
import { TOP_STEP } from '#app/domain/progress-rules.ts'
import { formatDate, localized } from '#app/i18n/i18n.ts'
import { EVENT_LABEL, ROLE_LABEL, textFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ownOpenWorkProcessAssignments } from '#app/employer/assignments.server.ts'
import { ownKpiWeeks } from '#app/quality/kpis.server.ts'
import { ownQualitySummary } from '#app/quality/own-quality.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import learnerStyles from '#app/styles/learner.css?url'

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: learnerStyles }]

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard.title')

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const [memberships, dashboard, kpis, quality, assigned] = await Promise.all([
    getMemberships(user),
    learnerDashboard(user.id),
    ownKpiWeeks(user.id),
    ownQualitySummary(user.id),
    ownOpenWorkProcessAssignments(user.id),
  ])
  return { user, memberships, ...dashboard, kpis, quality, assigned }
}

/** At most this many things under "what to do next": a short list is one a phone shows whole. */
const NEXT_ITEMS = 4

/**
 * The learner's dashboard, phone first: what to do next on top, then courses, then every work
 * process as a compact line with its ladder badge, grouped per core task. A core task opens
 * when something in it is under way or assigned; finished and untouched ones stay folded.
 */
export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { user, memberships, dossiers, recent, courses, kpis, quality, assigned } = loaderData
  const title = (x: { titleNl: string; titleEn: string | null }) =>
    locale === 'en' && x.titleEn ? x.titleEn : x.titleNl
  const lessonLink = (next: { courseId: string; lessonKey: string }) =>
    `/courses/${next.courseId}/${next.lessonKey}`
  const workProcessesOf = (slug: string) =>
    dossiers.find((d) => d.slug === slug)?.coreTasks.flatMap((k) => k.workProcesses) ?? []
  /** The next lesson of an assigned work process: where the assignment is worked on. */
  const nextLessonOf = (slug: string, code: string) => {
    const wp = workProcessesOf(slug).find((w) => w.code === code)
    return wp?.next ? { to: lessonLink(wp.next), title: title(wp.next) } : null
  }
  const assignedCodes = new Set(assigned.map((a) => `${a.dossierSlug}|${a.workProcessCode}`))

  // What to do next: overdue and assigned work first, then unfinished courses, then work
  // processes already under way.
  const nextItems: Array<{ key: string; to: string; label: string; detail: string }> = []
  for (const a of [...assigned].sort((x, y) => Number(y.overdue) - Number(x.overdue))) {
    const lesson = nextLessonOf(a.dossierSlug, a.workProcessCode)
    if (!lesson) continue
    nextItems.push({
      key: `a-${a.id}`,
      to: lesson.to,
      label: lesson.title,
      detail: t(a.overdue ? 'dashboard.assigned.overdue' : 'dashboard.due', {
        date: formatDate(a.dueAt, locale),
      }),
    })
  }
  for (const c of courses) {
    if (!c.resume) continue
    nextItems.push({
      key: `c-${c.courseId}`,
      to: `/courses/${c.courseId}/${c.resume}`,
      label: title(c),
      detail: t('dashboard.lessonsDone', { done: c.completed, total: c.total }),
    })
  }
  for (const d of dossiers) {
    for (const wp of d.coreTasks.flatMap((k) => k.workProcesses)) {
      if (wp.step === 0 || wp.step === TOP_STEP) continue
      nextItems.push({
        key: `w-${d.slug}-${wp.code}`,
        to: `/work-processes/${d.slug}/${wp.code}`,
        label: `${wp.code} ${localized(wp, 'title', locale)}`,
        detail: wp.next ? title(wp.next) : t('dashboard.stepOf', { step: wp.step, top: TOP_STEP }),
      })
    }
  }
  const seen = new Set<string>()
  const shownNext = nextItems
    .filter((item) => (seen.has(item.to) ? false : (seen.add(item.to), true)))
    .slice(0, NEXT_ITEMS)

  return (
    <div className="page learner-dashboard">
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

      <section aria-labelledby="next-up" className="next-up">
        <h2 id="next-up">{t('learner.dash.nextTitle')}</h2>
        {shownNext.length === 0 ? (
          <p>
            {t('learner.dash.nothingNext')} <Link to="/courses">{t('courses.title')}</Link>
          </p>
        ) : (
          <ul className="next-list">
            {shownNext.map((item) => (
              <li key={item.key}>
                <Link to={item.to} className="next-item">
                  <span className="next-label">{item.label}</span>
                  <span className="next-detail">{item.detail}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <ul className="inline-list">
          <li>
            <Link to="/evidence">{t('dashboard.evidenceLink')}</Link>
          </li>
          <li>
            <Link to="/records">{t('dashboard.recordsLink')}</Link>
          </li>
        </ul>
      </section>

      {assigned.length > 0 ? (
        <section aria-labelledby="my-assignments">
          <h2 id="my-assignments">{t('dashboard.assigned.title')}</h2>
          <ul className="plain-list">
            {assigned.map((a) => {
              const lesson = nextLessonOf(a.dossierSlug, a.workProcessCode)
              return (
                <li key={a.id} data-assignment={a.workProcessCode}>
                  <Link to={`/work-processes/${a.dossierSlug}/${a.workProcessCode}`}>
                    {a.title ? a.title[locale] : a.workProcessCode}
                  </Link>
                  {lesson ? (
                    <>
                      {' · '}
                      <Link to={lesson.to}>{lesson.title}</Link>
                    </>
                  ) : null}{' '}
                  <span className={a.overdue ? 'critical' : 'muted'}>
                    ·{' '}
                    {t(a.overdue ? 'dashboard.assigned.overdue' : 'dashboard.due', {
                      date: formatDate(a.dueAt, locale),
                    })}
                  </span>
                </li>
              )
            })}
          </ul>
          <p className="hint">{t('dashboard.assigned.hint')}</p>
        </section>
      ) : null}

      <section aria-labelledby="in-progress">
        <h2 id="in-progress">{t('dashboard.courses')}</h2>
        {courses.length === 0 ? (
          <p>
            {t('dashboard.noCourses')} <Link to="/courses">{t('courses.title')}</Link>
          </p>
        ) : (
          <ul className="course-list">
            {courses.map((c) => (
              <li key={c.courseId}>
                <Link to={`/courses/${c.courseId}`} className="course-title">
                  {title(c)}
                </Link>
                <span className="course-progress">
                  <progress
                    max={c.total}
                    value={c.completed}
                    aria-label={t('dashboard.courseProgress', { title: title(c) })}
                  />{' '}
                  {t('dashboard.lessonsDone', { done: c.completed, total: c.total })}
                  {c.dueAt ? (
                    <span className="muted">
                      {' · '}
                      {t('dashboard.due', { date: formatDate(c.dueAt, locale) })}
                    </span>
                  ) : null}
                </span>
                {c.resume ? (
                  <Link to={`/courses/${c.courseId}/${c.resume}`} className="course-resume">
                    {t('dashboard.resume')}
                  </Link>
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
          {d.coreTasks.map((k) => {
            const competent = k.workProcesses.filter((wp) => wp.step === TOP_STEP).length
            // Open where the learner has something to do now: learning, or assigned.
            const open = k.workProcesses.some(
              (wp) => wp.step === 1 || wp.step === 2 || assignedCodes.has(`${d.slug}|${wp.code}`),
            )
            return (
              <details key={k.code} className="core-task-group" open={open}>
                <summary>
                  <span className="core-task-title">
                    <span className="code">{k.code}</span> {localized(k, 'title', locale)}
                  </span>
                  <span className="muted core-task-count">
                    {t('learner.dash.competentOf', {
                      competent,
                      total: k.workProcesses.length,
                    })}
                  </span>
                </summary>
                <ul className="wp-list">
                  {k.workProcesses.map((wp) => (
                    <li key={wp.code} data-work-process={wp.code}>
                      <Link to={`/work-processes/${d.slug}/${wp.code}`} className="wp-title">
                        <span className="code">{wp.code}</span> {localized(wp, 'title', locale)}
                      </Link>
                      <span className="wp-state">
                        <LadderProgress code={wp.code} step={wp.step} />
                        {/* A next step only where there is one to take now: lines stay short. */}
                        {(wp.step > 0 && wp.step < TOP_STEP) ||
                        assignedCodes.has(`${d.slug}|${wp.code}`) ? (
                          <NextStep
                            code={wp.code}
                            step={wp.step}
                            lesson={
                              wp.next ? { to: lessonLink(wp.next), title: title(wp.next) } : null
                            }
                          />
                        ) : null}
                      </span>
                    </li>
                  ))}
                </ul>
              </details>
            )
          })}
        </section>
      ))}

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
          {/* Folded: a long table of weeks, looked at now and then, not on every visit. */}
          <details className="kpi-weeks">
            <summary>{t('learner.dash.showKpis')}</summary>
            <KpiTable weeks={k.weeks} caption={`${t('kpis.title')} · ${k.organisation.name}`} />
          </details>
        </section>
      ))}

      <section aria-labelledby="recent">
        <h2 id="recent">{t('dashboard.recent')}</h2>
        {recent.length === 0 ? (
          <p>{t('dashboard.noActivity')}</p>
        ) : (
          <ul className="plain-list recent-list">
            {recent.map((e) => (
              <li key={e.id}>
                <span className="muted">{formatDate(e.timestamp, locale)}</span>{' '}
                {textFor(t, EVENT_LABEL, e.verb)} {title(e)}
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
