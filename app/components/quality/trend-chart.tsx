import { useId, type JSX } from 'react'
import { DataTable } from '#app/components/data-table.tsx'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/**
 * A score time line drawn on the server: scores (0-100) at their dates, with coaching
 * sessions and completed lessons as marked vertical lines, and the before/after pivot. No
 * client script; the caller shows the same numbers in a data table beside it.
 */
export type TrendChartPoint = { at: string; value: number; passed?: boolean }
export type TrendChartEvent = { at: string; kind: 'coaching' | 'lesson'; label: string }

const WIDTH = 640
const HEIGHT = 240
const PLOT = { left: 44, right: WIDTH - 16, top: 14, bottom: HEIGHT - 34 }
// Coaching and lessons differ in colour, dash and the marker at the top, never colour alone.
const EVENT_STYLE = {
  coaching: { colour: '#7c3aed', dash: '6 3' },
  lesson: { colour: '#166534', dash: '2 3' },
} as const

const round = (n: number) => Math.round(n * 10) / 10

export function TrendChart({
  title,
  description,
  points,
  events,
  pivot,
  legend,
}: {
  title: string
  description: string
  points: TrendChartPoint[]
  events: TrendChartEvent[]
  pivot: string | null
  legend: { score: string; coaching: string; lesson: string; pivot: string }
}): JSX.Element {
  const id = useId()
  const times = [...points.map((p) => Date.parse(p.at)), ...events.map((e) => Date.parse(e.at))]
  if (pivot) times.push(Date.parse(pivot))
  const min = Math.min(...times)
  const max = Math.max(...times)
  const span = max - min || 1
  const x = (at: string) =>
    round(
      times.length < 2 || max === min
        ? (PLOT.left + PLOT.right) / 2
        : PLOT.left + ((Date.parse(at) - min) / span) * (PLOT.right - PLOT.left),
    )
  const y = (v: number) =>
    round(PLOT.bottom - (Math.max(0, Math.min(100, v)) / 100) * (PLOT.bottom - PLOT.top))
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at)} ${y(p.value)}`).join(' ')
  const dateLabel = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  return (
    <figure className="trend-chart" style={{ margin: 0 }}>
      <svg
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ display: 'block', height: 'auto' }}
        fontSize="11"
        fill="#374151"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {[0, 25, 50, 75, 100].map((tick) => (
          <g key={tick}>
            <line
              x1={PLOT.left}
              x2={PLOT.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke={tick === 0 ? '#6b7280' : '#e5e7eb'}
            />
            <text x={PLOT.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle">
              {tick}
            </text>
          </g>
        ))}
        {times.length > 0 ? (
          <g>
            <text x={PLOT.left} y={PLOT.bottom + 18} textAnchor="start">
              {dateLabel(min)}
            </text>
            <text x={PLOT.right} y={PLOT.bottom + 18} textAnchor="end">
              {dateLabel(max)}
            </text>
          </g>
        ) : null}
        {pivot ? (
          <line
            data-pivot=""
            x1={x(pivot)}
            x2={x(pivot)}
            y1={PLOT.top}
            y2={PLOT.bottom}
            stroke="#111827"
            strokeWidth={1.5}
          />
        ) : null}
        {events.map((e, i) => (
          <g key={i} data-event={e.kind}>
            <line
              x1={x(e.at)}
              x2={x(e.at)}
              y1={PLOT.top}
              y2={PLOT.bottom}
              stroke={EVENT_STYLE[e.kind].colour}
              strokeDasharray={EVENT_STYLE[e.kind].dash}
            />
            {e.kind === 'coaching' ? (
              <rect
                x={x(e.at) - 4}
                y={PLOT.top - 4}
                width={8}
                height={8}
                fill={EVENT_STYLE.coaching.colour}
              />
            ) : (
              <polygon
                points={`${x(e.at)},${PLOT.top - 5} ${x(e.at) + 5},${PLOT.top + 4} ${x(e.at) - 5},${PLOT.top + 4}`}
                fill={EVENT_STYLE.lesson.colour}
              />
            )}
          </g>
        ))}
        <path d={path} fill="none" stroke="#0b5c7a" strokeWidth={2.5} strokeLinejoin="round" />
        {points.map((p, i) => (
          <circle
            key={i}
            data-point=""
            cx={x(p.at)}
            cy={y(p.value)}
            r={3.5}
            fill={p.passed === false ? '#fff' : '#0b5c7a'}
            stroke="#0b5c7a"
            strokeWidth={1.5}
          />
        ))}
      </svg>
      <figcaption className="muted">
        <span aria-hidden="true" style={{ color: '#0b5c7a' }}>
          ●
        </span>{' '}
        {legend.score} ·{' '}
        <span aria-hidden="true" style={{ color: EVENT_STYLE.coaching.colour }}>
          ■
        </span>{' '}
        {legend.coaching} ·{' '}
        <span aria-hidden="true" style={{ color: EVENT_STYLE.lesson.colour }}>
          ▲
        </span>{' '}
        {legend.lesson}
        {pivot ? <> · │ {legend.pivot}</> : null}
      </figcaption>
    </figure>
  )
}

type Side = { count: number; meanScore: number | null; passRate: number | null }
export type TrendViewData = {
  code: string
  titleNl: string
  titleEn: string
  points: TrendChartPoint[]
  events: TrendChartEvent[]
  comparison: { pivot: string; weeks: number; before: Side; after: Side } | null
}

/** One work process: the chart, the before/after comparison and the data table. */
export function WorkProcessTrendView({ trend }: { trend: TrendViewData }) {
  const { t, locale } = useTranslation()
  const title = `${trend.code} ${locale === 'en' ? trend.titleEn : trend.titleNl}`
  const c = trend.comparison
  const num = (v: number | null) => (v === null ? '—' : String(v))
  const rows = [
    ...trend.points.map((p) => ({
      at: p.at,
      kind: 'score' as const,
      text: String(p.value),
      passed: p.passed,
    })),
    ...trend.events.map((e) => ({ at: e.at, kind: e.kind, text: e.label, passed: undefined })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  return (
    <section className="stack" data-work-process={trend.code}>
      <h2>{title}</h2>
      <TrendChart
        title={title}
        description={t('trend.chartDescription')}
        points={trend.points}
        events={trend.events}
        pivot={c?.pivot ?? null}
        legend={{
          score: t('trend.score'),
          coaching: t('trend.coaching'),
          lesson: t('trend.lesson'),
          pivot: t('trend.pivot'),
        }}
      />
      {c ? (
        <DataTable
          caption={t('trend.comparison', { date: formatDate(c.pivot, locale), weeks: c.weeks })}
          showCaption
          columns={[
            <span key="side" className="visually-hidden">
              {t('trend.period')}
            </span>,
            t('trend.count'),
            t('trend.meanScore'),
            t('trend.passRate'),
          ]}
        >
          {(['before', 'after'] as const).map((k) => (
            <tr key={k} data-side={k}>
              <th scope="row">{t(k === 'before' ? 'trend.before' : 'trend.after')}</th>
              <td>{c[k].count}</td>
              <td>{num(c[k].meanScore)}</td>
              <td>{c[k].passRate === null ? '—' : `${c[k].passRate}%`}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="muted">{t('trend.noPivot')}</p>
      )}
      <details>
        <summary>{t('trend.table')}</summary>
        <DataTable
          caption={`${t('trend.table')}: ${title}`}
          columns={[t('trend.date'), t('trend.what'), t('trend.value')]}
        >
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{formatDate(r.at, locale)}</td>
              <td>
                {r.kind === 'score'
                  ? `${t('trend.score')} (${t(r.passed ? 'trend.passed' : 'trend.failed')})`
                  : t(r.kind === 'coaching' ? 'trend.coaching' : 'trend.lesson')}
              </td>
              <td>{r.text}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </section>
  )
}

/** The pivot and window form of a trend page: a plain GET, so it works without script. */
export function TrendWindowForm({ pivot, weeks }: { pivot: string; weeks: number }) {
  const { t } = useTranslation()
  return (
    <form method="get" className="inline-form">
      <div className="field">
        <label htmlFor="trend-pivot">{t('trend.pivotDate')}</label>
        <input id="trend-pivot" name="pivot" type="date" defaultValue={pivot} />
      </div>
      <div className="field">
        <label htmlFor="trend-weeks">{t('trend.weeks')}</label>
        <input id="trend-weeks" name="weeks" type="number" min={1} max={26} defaultValue={weeks} />
      </div>
      <button type="submit" className="button secondary">
        {t('trend.show')}
      </button>
    </form>
  )
}
