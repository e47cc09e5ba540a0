import { Link } from 'react-router'
import type { MatrixView } from '#app/employer/matrix-query.server.ts'
import type { staffMatrix } from '#app/employer/matrix.server.ts'
import { TOP_STEP } from '#app/domain/progress-rules.ts'
import { localized } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { StepCell, stepLabelKey } from './step-cell.tsx'

export type Matrix = NonNullable<Awaited<ReturnType<typeof staffMatrix>>>
type CoreTask = Matrix['columns']['coreTasks'][number]
export type ViewLink = (change: Partial<MatrixView>) => string

/** A work process code without its dossier prefix: TL-K1-W2 → K1-W2; in a group, W2. */
export const shortCode = (code: string) => code.replace(/^[A-Z]+-K\d+-/, '')

/**
 * Staff × work processes, laptop-sized: one-letter badges, the names column sticky while the
 * table scrolls inside its own region (never the page), and each core task foldable into one
 * summary column per person (a link, so it works without JavaScript).
 */
export function MatrixTable({
  slug,
  matrix,
  collapsed,
  linkTo,
}: {
  slug: string
  matrix: Matrix
  collapsed: string[]
  linkTo: ViewLink
}) {
  const { t, locale } = useTranslation()
  const isCollapsed = (c: CoreTask) => collapsed.includes(c.code)
  const toggle = (c: CoreTask) =>
    linkTo({
      collapsed: isCollapsed(c) ? collapsed.filter((x) => x !== c.code) : [...collapsed, c.code],
    })
  const open = matrix.columns.coreTasks.filter((c) => !isCollapsed(c))
  const shownCollapsed = matrix.columns.coreTasks.filter(isCollapsed)
  const total = (codes: string[], from: number) =>
    codes.reduce(
      (sum, code) =>
        sum + (matrix.perWorkProcess[code] ?? []).slice(from).reduce((a, b) => a + b, 0),
      0,
    )
  const codesOf = (c: CoreTask) => c.workProcesses.map((w) => w.code)

  return (
    <section className="matrix-laptop">
      <p className="muted matrix-hint">
        {t('employerView.collapseHint')}
        {shownCollapsed.length > 0 ? (
          <>
            {' '}
            <Link to={linkTo({ collapsed: [] })} preventScrollReset>
              {t('employerView.expandAll')}
            </Link>
          </>
        ) : null}
      </p>
      <div
        className="matrix-scroll"
        role="region"
        aria-label={t('employerView.scrollRegion')}
        tabIndex={0}
      >
        <table className="table matrix-progress">
          <caption className="visually-hidden">
            {t('employer.matrixCaption', {
              dossier: localized(matrix.columns, 'qualification', locale),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className="matrix-name">
                {t('employer.staff')}
              </th>
              <th scope="col" rowSpan={2} className="matrix-team">
                {t('org.team')}
              </th>
              {matrix.columns.coreTasks.map((c) => (
                <th
                  key={c.code}
                  scope={isCollapsed(c) ? 'col' : 'colgroup'}
                  colSpan={isCollapsed(c) ? 1 : c.workProcesses.length}
                  rowSpan={isCollapsed(c) ? 2 : 1}
                  className="matrix-group"
                  data-core-task={c.code}
                >
                  <span title={localized(c, 'title', locale)}>{c.code}</span>{' '}
                  <Link
                    to={toggle(c)}
                    preventScrollReset
                    className="group-toggle"
                    aria-label={t(
                      isCollapsed(c) ? 'employerView.expand' : 'employerView.collapse',
                      {
                        code: c.code,
                      },
                    )}
                  >
                    {isCollapsed(c) ? '+' : '−'}
                  </Link>
                </th>
              ))}
            </tr>
            <tr>
              {open.flatMap((c) =>
                c.workProcesses.map((w) => (
                  <th key={w.code} scope="col" className="matrix-wp">
                    <abbr title={`${w.code}: ${localized(w, 'title', locale)}`}>
                      {shortCode(w.code)}
                    </abbr>
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((r) => (
              <tr key={r.membershipId} data-staff={r.name}>
                <th scope="row" className="matrix-name">
                  <Link to={`/orgs/${slug}/staff/${r.membershipId}`}>{r.name}</Link>
                </th>
                <td className="matrix-team">{r.teams.join(', ')}</td>
                {matrix.columns.coreTasks.map((c) =>
                  isCollapsed(c) ? (
                    <CoreTaskSummary
                      key={c.code}
                      code={c.code}
                      steps={c.workProcesses.map((w) => r.steps[w.code] ?? 0)}
                    />
                  ) : (
                    c.workProcesses.map((w) => (
                      <StepCell key={w.code} step={r.steps[w.code] ?? 0} workProcess={w.code} />
                    ))
                  ),
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            {[
              { label: t('employer.totalKnowledge'), from: 2 },
              { label: t('employer.totalCompetent'), from: TOP_STEP },
            ].map((line) => (
              <tr key={line.from}>
                <th scope="row" colSpan={2} className="matrix-name">
                  {line.label}
                </th>
                {matrix.columns.coreTasks.flatMap((c) =>
                  isCollapsed(c) ? (
                    <td key={c.code}>{total(codesOf(c), line.from)}</td>
                  ) : (
                    c.workProcesses.map((w) => <td key={w.code}>{total([w.code], line.from)}</td>)
                  ),
                )}
              </tr>
            ))}
          </tfoot>
        </table>
      </div>
    </section>
  )
}

/**
 * A folded core task for one person: a small bar with a segment per work process (coloured
 * by step) and "competent of total" as text; the full count for screen readers.
 */
function CoreTaskSummary({ code, steps }: { code: string; steps: number[] }) {
  const { t } = useTranslation()
  const competent = steps.filter((s) => s === TOP_STEP).length
  const label = t('employerView.summary', {
    code,
    competent,
    total: steps.length,
    started: steps.filter((s) => s > 0).length,
  })
  return (
    <td className="cell core-task-summary" title={label} data-summary={code}>
      <span className="summary-bar" aria-hidden="true">
        {steps.map((s, i) => (
          <span key={i} className={`summary-segment step-badge-${s}`} title={t(stepLabelKey(s))} />
        ))}
      </span>
      <span aria-hidden="true" className="summary-count">
        {competent}/{steps.length}
      </span>
      <span className="visually-hidden">{label}</span>
    </td>
  )
}
