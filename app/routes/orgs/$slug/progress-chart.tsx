import { useId, type JSX } from 'react'

export type ProgressPoint = {
  /** ISO date (YYYY-MM-DD) of the Monday of the week. */
  week: string
  /** values[i] belongs to series[i]; a missing or non-finite value leaves a gap. */
  values: number[]
}

export type ProgressSeries = { label: string }

export type ProgressChartProps = {
  /** Accessible name of the chart, also the caption of the data table. */
  title: string
  /** One sentence on what is counted. */
  description: string
  /** 1..4 lines; beyond 4 the line styles repeat. */
  series: ProgressSeries[]
  /** Chronological, 0..52 points. */
  points: ProgressPoint[]
  locale: 'nl' | 'en'
  yLabel: string
}

// Colour, dash and marker all differ per series, so no line is told apart by colour alone.
// All four colours have at least 3:1 contrast on white.
type Marker = 'circle' | 'square' | 'triangle' | 'diamond'
const SERIES_STYLES: ReadonlyArray<{ colour: string; dash?: string; marker: Marker }> = [
  { colour: '#0b5c7a', marker: 'circle' },
  { colour: '#b45309', dash: '8 4', marker: 'square' },
  { colour: '#166534', dash: '2 3', marker: 'triangle' },
  { colour: '#7c3aed', dash: '10 3 2 3', marker: 'diamond' },
]

const TEXT = {
  nl: { empty: 'Nog geen gegevens', week: 'Week van', legend: 'Legenda' },
  en: { empty: 'No data yet', week: 'Week of', legend: 'Legend' },
} as const

const WIDTH = 640
const HEIGHT = 260
const PLOT = { left: 60, right: WIDTH - 24, top: 16, bottom: HEIGHT - 36 }
const MAX_X_LABELS = 8
const TEXT_COLOUR = '#374151'

/** SVG line chart of a team's weekly progress, with a legend and a hidden data table. */
export function ProgressChart({
  title,
  description,
  series,
  points,
  locale,
  yLabel,
}: ProgressChartProps): JSX.Element {
  const id = useId()
  const text = TEXT[locale]
  const tag = locale === 'en' ? 'en-GB' : 'nl-NL'

  if (points.length === 0) {
    return (
      <figure className="progress-chart" aria-label={title}>
        <p className="muted">{text.empty}</p>
      </figure>
    )
  }

  const titleId = `${id}-title`
  const descId = `${id}-desc`
  const numberFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 })
  const shortDate = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  })
  const longDate = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
  const formatWeek = (week: string, format: Intl.DateTimeFormat) => {
    const date = new Date(`${week}T00:00:00Z`)
    // An unparsable week would make Intl throw; show it as given instead.
    return Number.isNaN(date.getTime()) ? week : format.format(date)
  }

  const finite = points.flatMap((p) => p.values.filter(Number.isFinite))
  const ticks = yTicks(Math.max(0, ...finite), finite.every(Number.isInteger))
  const yMax = ticks[ticks.length - 1] ?? 1
  const plotWidth = PLOT.right - PLOT.left
  const plotHeight = PLOT.bottom - PLOT.top
  const x = (i: number) =>
    round(
      points.length === 1
        ? PLOT.left + plotWidth / 2
        : PLOT.left + (i * plotWidth) / (points.length - 1),
    )
  // Negative values do not fit a progress count; keep them on the axis rather than off the plot.
  const y = (v: number) => round(PLOT.bottom - (Math.max(0, v) / yMax) * plotHeight)

  const labelEvery = Math.ceil(points.length / MAX_X_LABELS)

  return (
    // The svg carries the name; labelling the figure too would make screen readers say it twice.
    <figure className="progress-chart" style={{ margin: 0 }}>
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ display: 'block', height: 'auto', overflow: 'visible' }}
        fontSize="11"
        fill={TEXT_COLOUR}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>

        <g>
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                x1={PLOT.left}
                x2={PLOT.right}
                y1={y(tick)}
                y2={y(tick)}
                stroke={tick === 0 ? '#6b7280' : '#e5e7eb'}
              />
              <text x={PLOT.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle">
                {numberFormat.format(tick)}
              </text>
            </g>
          ))}
          <line x1={PLOT.left} x2={PLOT.left} y1={PLOT.top} y2={PLOT.bottom} stroke="#6b7280" />
          <text
            transform="rotate(-90)"
            x={-round(PLOT.top + plotHeight / 2)}
            y={12}
            textAnchor="middle"
            dominantBaseline="middle"
          >
            {yLabel}
          </text>
        </g>

        <g data-axis="x">
          {points.map((point, i) =>
            i % labelEvery === 0 ? (
              <g key={i}>
                <line x1={x(i)} x2={x(i)} y1={PLOT.bottom} y2={PLOT.bottom + 4} stroke="#6b7280" />
                <text x={x(i)} y={PLOT.bottom + 18} textAnchor="middle" data-x-label="">
                  {formatWeek(point.week, shortDate)}
                </text>
              </g>
            ) : null,
          )}
        </g>

        {series.map((s, si) => {
          const style = seriesStyle(si)
          const placed = points.map((p, i) => {
            const v = p.values[si]
            return v !== undefined && Number.isFinite(v) ? { x: x(i), y: y(v) } : null
          })
          return (
            <g key={si} data-series={si}>
              <path
                d={linePath(placed)}
                fill="none"
                stroke={style.colour}
                strokeWidth={2.5}
                strokeDasharray={style.dash}
                strokeLinejoin="round"
                strokeLinecap="butt"
              />
              {placed.map((pt, i) =>
                pt ? (
                  <MarkerShape key={i} {...pt} marker={style.marker} colour={style.colour} />
                ) : null,
              )}
            </g>
          )
        })}
      </svg>

      <ul
        className="progress-chart-legend"
        aria-label={text.legend}
        style={{
          listStyle: 'none',
          padding: 0,
          margin: '0.5rem 0 0',
          display: 'flex',
          flexWrap: 'wrap',
          gap: '0.5rem 1.25rem',
        }}
      >
        {series.map((s, si) => {
          const style = seriesStyle(si)
          return (
            <li key={si} style={{ display: 'flex', alignItems: 'center', gap: '0.4rem' }}>
              <svg width="36" height="12" viewBox="0 0 36 12" aria-hidden="true" focusable="false">
                <line
                  x1={1}
                  x2={35}
                  y1={6}
                  y2={6}
                  stroke={style.colour}
                  strokeWidth={2.5}
                  strokeDasharray={style.dash}
                />
                <MarkerShape x={18} y={6} marker={style.marker} colour={style.colour} />
              </svg>
              {s.label}
            </li>
          )
        })}
      </ul>

      {/* A table ignores a 1-px width, so the box that hides it is a div around it. */}
      <div className="visually-hidden">
        <table>
          <caption>
            {title} ({yLabel})
          </caption>
          <thead>
            <tr>
              <th scope="col">{text.week}</th>
              {series.map((s, si) => (
                <th key={si} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point, i) => (
              <tr key={i}>
                <th scope="row">{formatWeek(point.week, longDate)}</th>
                {series.map((_, si) => {
                  const v = point.values[si]
                  return (
                    <td key={si}>
                      {v !== undefined && Number.isFinite(v) ? numberFormat.format(v) : '–'}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}

function seriesStyle(index: number) {
  // The array is non-empty, so the modulo always hits an entry.
  return SERIES_STYLES[index % SERIES_STYLES.length]!
}

function MarkerShape({
  x,
  y,
  marker,
  colour,
}: {
  x: number
  y: number
  marker: Marker
  colour: string
}) {
  const r = 3.5
  // A white outline keeps markers visible where lines cross.
  const common = { fill: colour, stroke: '#fff', strokeWidth: 1 }
  switch (marker) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} {...common} />
    case 'square':
      return <rect x={round(x - r)} y={round(y - r)} width={r * 2} height={r * 2} {...common} />
    case 'triangle':
      return (
        <polygon
          points={`${round(x)},${round(y - r - 1)} ${round(x + r + 0.5)},${round(y + r)} ${round(x - r - 0.5)},${round(y + r)}`}
          {...common}
        />
      )
    case 'diamond':
      return (
        <polygon
          points={`${x},${round(y - r - 1)} ${round(x + r + 1)},${y} ${x},${round(y + r + 1)} ${round(x - r - 1)},${y}`}
          {...common}
        />
      )
  }
}

/** Path through the placed points; a null breaks the line so gaps stay visible. */
function linePath(placed: Array<{ x: number; y: number } | null>): string {
  let d = ''
  let penDown = false
  for (const pt of placed) {
    if (!pt) {
      penDown = false
      continue
    }
    d += `${penDown ? 'L' : 'M'}${pt.x} ${pt.y} `
    penDown = true
  }
  return d.trim()
}

/** Round ticks from 0 up past max: about four steps of 1, 2 or 5 × 10ⁿ. */
export function yTicks(max: number, integers: boolean): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1
  const raw = top / 4
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const f = raw / magnitude
  let step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude
  // Counts of work processes have no half steps.
  if (integers) step = Math.max(1, step)
  const count = Math.ceil(top / step - 1e-9)
  // toFixed avoids float noise such as 0.30000000000000004 in labels and keys.
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toFixed(10)))
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
