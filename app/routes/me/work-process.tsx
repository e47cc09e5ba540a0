import { Link } from 'react-router'
import type { Route } from './+types/work-process'
import { LadderProgress } from '#app/components/learner/ladder-progress.tsx'
import { requireUser } from '#app/auth/authorize.server.ts'
import { EVIDENCE_KINDS, isEvidenceKind } from '#app/assessment/assessment-rules.ts'
import { CONDITIONS, LADDER, TOP_STEP } from '#app/domain/progress-rules.ts'
import { formatDate, localized } from '#app/i18n/i18n.ts'
import { LESSON_TYPE_LABEL, STEP_LABEL, textFor, VERDICT_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { learnerWorkProcess } from '#app/learner/work-process-path.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { metaLocale, pageTitle } from '#app/utils/meta.ts'
import learnerStyles from '#app/styles/learner.css?url'

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: learnerStyles }]

export const meta: Route.MetaFunction = ({ matches, data }) =>
  pageTitle(
    matches,
    data
      ? `${data.workProcess.code} ${localized(data.workProcess, 'title', metaLocale(matches))}`
      : 'dashboard.title',
  )

/** The signed-in learner's own path through one work process; any unknown code is a 404. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const path = await learnerWorkProcess(user.id, params.dossierSlug, params.code)
  invariantResponse(path, 'Work process not found')
  return path
}

export default function LearnerWorkProcess({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { workProcess, step, lessons, evidence, criteria, next } = loaderData
  const title = (x: { titleNl: string; titleEn: string | null }) =>
    locale === 'en' && x.titleEn ? x.titleEn : x.titleNl
  return (
    <div className="page learner-work-process">
      <p>
        <Link to="/dashboard">{t('learner.wp.back')}</Link>
      </p>
      <p className="muted">
        {t('learner.wp.coreTask')} <span className="code">{workProcess.coreTask.code}</span>{' '}
        {localized(workProcess.coreTask, 'title', locale)}
      </p>
      <h1>
        <span className="code">{workProcess.code}</span> {localized(workProcess, 'title', locale)}
      </h1>

      <section aria-labelledby="wp-status" className="wp-status card">
        <h2 id="wp-status">{t('learner.wp.status')}</h2>
        <p>
          <LadderProgress code={workProcess.code} step={step} />{' '}
          <span className="muted">{t('dashboard.stepOf', { step, top: TOP_STEP })}</span>
        </p>
        <h3>{t('learner.wp.next')}</h3>
        <NextStepAction next={next} code={workProcess.code} title={title} />
      </section>

      <section aria-labelledby="wp-lessons">
        <h2 id="wp-lessons">{t('learner.wp.lessons')}</h2>
        {lessons.length === 0 ? (
          <p>{t('learner.wp.noLessons')}</p>
        ) : (
          <ul className="path-list">
            {lessons.map((l) => (
              <li key={l.lessonKey} data-lesson={l.lessonKey} data-done={!!l.completedAt}>
                <span className={l.completedAt ? 'path-mark done' : 'path-mark'} aria-hidden="true">
                  {l.completedAt ? '✓' : ''}
                </span>
                <span className="path-body">
                  <Link to={`/courses/${l.courseId}/${l.lessonKey}`}>{title(l)}</Link>
                  <span className="muted">
                    {textFor(t, LESSON_TYPE_LABEL, l.type)} ·{' '}
                    {title({ titleNl: l.courseTitleNl, titleEn: l.courseTitleEn })}
                    {l.type === 'quiz' && l.bestScore !== null
                      ? ` · ${t('learner.wp.bestScore', { score: l.bestScore })}`
                      : ''}
                  </span>
                </span>
                <span className={l.completedAt ? 'path-state done' : 'path-state'}>
                  {l.completedAt ? t('learner.wp.done') : t('learner.wp.todo')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="wp-evidence">
        <h2 id="wp-evidence">{t('learner.wp.evidence')}</h2>
        {evidence.length === 0 ? (
          <p>{t('learner.wp.noEvidence')}</p>
        ) : (
          <ul className="path-list">
            {evidence.map((e) => (
              <li key={e.id} data-evidence={e.id}>
                <span className="path-body">
                  <Link to={`/evidence/${e.id}`}>{e.title}</Link>
                  <span className="muted">
                    {isEvidenceKind(e.kind) ? EVIDENCE_KINDS[e.kind][locale] : e.kind} ·{' '}
                    {formatDate(e.submittedAt, locale)}
                  </span>
                  {e.comments.map((comment, i) => (
                    <span key={i} className="path-comment">
                      <span className="visually-hidden">{t('learner.wp.assessorComment')}: </span>
                      {comment}
                    </span>
                  ))}
                </span>
                <span className={`verdict verdict-${e.verdict}`}>
                  {t(VERDICT_LABEL[e.verdict])}
                </span>
              </li>
            ))}
          </ul>
        )}
        {criteria.length > 0 ? (
          <>
            <h3>{t('learner.wp.criteria')}</h3>
            <ol className="criteria-list">
              {criteria.map((c, i) => (
                <li key={i} lang={locale === 'en' && c.en ? 'en' : 'nl'}>
                  {locale === 'en' && c.en ? c.en : c.nl}{' '}
                  <span className="muted">
                    ({t('learner.wp.requiredLevel', { level: c.requiredLevel })})
                  </span>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>

      <section aria-labelledby="wp-counts">
        <h2 id="wp-counts">{t('learner.wp.whatCounts')}</h2>
        <p>{t('learner.wp.whatCountsIntro')}</p>
        <ol className="ladder-rules path-ladder">
          {LADDER.filter((rung) => rung.step > 0).map((rung) => (
            <li key={rung.key} data-reached={step >= rung.step}>
              <strong>{t(STEP_LABEL[rung.key])}</strong>{' '}
              <span className={step >= rung.step ? 'step step-4' : 'muted'}>
                ({step >= rung.step ? t('learner.wp.reached') : t('learner.wp.notReached')})
              </span>
              <ul>
                {rung.requires.map((c) => (
                  <li key={c}>{CONDITIONS[c][locale]}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
        <p>
          <Link to="/progress/rules">{t('dashboard.howComputed')}</Link> ·{' '}
          <Link to={`/dossiers/${workProcess.dossier.slug}/${workProcess.code}`}>
            {t('learner.wp.dossierText')}
          </Link>
        </p>
      </section>
    </div>
  )
}

/** The next step as one button: a lesson, evidence, waiting, or the record at the top. */
function NextStepAction({
  next,
  code,
  title,
}: {
  next: Route.ComponentProps['loaderData']['next']
  code: string
  title: (x: { titleNl: string; titleEn: string | null }) => string
}) {
  const { t } = useTranslation()
  if (next.kind === 'lesson') {
    return (
      <p>
        <Link to={`/courses/${next.courseId}/${next.lessonKey}`} className="button">
          {t('learner.wp.startLesson', { title: title(next) })}
        </Link>
      </p>
    )
  }
  if (next.kind === 'evidence') {
    return (
      <p>
        <Link to={`/evidence/new?wp=${encodeURIComponent(code)}`} className="button">
          {t(next.again ? 'learner.wp.handInAgain' : 'learner.wp.handIn')}
        </Link>
      </p>
    )
  }
  if (next.kind === 'awaiting') {
    return (
      <>
        <p>{t('learner.wp.awaiting')}</p>
        <p>
          <Link to="/evidence" className="button secondary">
            {t('learner.wp.viewEvidence')}
          </Link>
        </p>
      </>
    )
  }
  return (
    <>
      <p>{t('learner.wp.competent')}</p>
      <p>
        <Link to="/records" className="button">
          {t('learner.wp.viewRecords')}
        </Link>
      </p>
    </>
  )
}
