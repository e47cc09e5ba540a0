import { Link } from 'react-router'
import { TOP_STEP } from '#app/domain/progress-rules.ts'
import { localized } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import type { Matrix, ViewLink } from './matrix-table.tsx'
import { StepBadge } from './step-cell.tsx'

/**
 * The matrix on a phone: one person at a time. The people of this page as a list of links
 * (with how many work processes each has made competent); the chosen person's work processes
 * listed per core task with their step. Server-rendered from the same page of rows.
 */
export function PersonView({
  slug,
  matrix,
  person,
  linkTo,
}: {
  slug: string
  matrix: Matrix
  person: string | undefined
  linkTo: ViewLink
}) {
  const { t, locale } = useTranslation()
  const chosen = matrix.rows.find((r) => r.membershipId === person)
  const workProcesses = matrix.columns.coreTasks.flatMap((c) => c.workProcesses)
  const competent = (steps: Record<string, number>) =>
    workProcesses.filter((w) => steps[w.code] === TOP_STEP).length
  return (
    <section className="matrix-phone" aria-labelledby="matrix-person-title">
      <h2 id="matrix-person-title">{t('employerView.person')}</h2>
      {chosen ? (
        <div className="person-progress" data-person={chosen.name}>
          <h3>{t('employerView.personHeading', { name: chosen.name })}</h3>
          <p className="muted">
            {chosen.teams.join(', ')} ·{' '}
            <Link to={`/orgs/${slug}/staff/${chosen.membershipId}`}>
              {t('employerView.personProfile', { name: chosen.name })}
            </Link>
          </p>
          {matrix.columns.coreTasks.map((c) => (
            <div key={c.code} className="person-core-task">
              <h4>
                {c.code} {localized(c, 'title', locale)}
              </h4>
              <ul className="person-work-processes">
                {c.workProcesses.map((w) => (
                  <li key={w.code} data-work-process={w.code}>
                    <StepBadge step={chosen.steps[w.code] ?? 0} />
                    <span>
                      <strong>{w.code}</strong> {localized(w, 'title', locale)}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : (
        <p className="muted">{t('employerView.personHint')}</p>
      )}
      <ul className="person-list">
        {matrix.rows.map((r) => (
          <li key={r.membershipId}>
            <Link
              to={linkTo({ person: r.membershipId })}
              aria-current={r.membershipId === chosen?.membershipId ? 'true' : undefined}
            >
              {r.name}
            </Link>{' '}
            <span className="muted">
              {t('employerView.competentOf', {
                competent: competent(r.steps),
                total: workProcesses.length,
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
