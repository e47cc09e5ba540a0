import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import {
  ProgressChart,
  yTicks,
  type ProgressPoint,
  type ProgressSeries,
} from './progress-chart.tsx'

const SERIES: ProgressSeries[] = [
  { label: 'Gestart' },
  { label: 'Kennis compleet of verder' },
  { label: 'Bewijs ingeleverd' },
  { label: 'Beoordeeld' },
]

/** Weekly Mondays from 2 November 2026. */
function weeks(count: number, values: (i: number) => number[]): ProgressPoint[] {
  return Array.from({ length: count }, (_, i) => ({
    week: new Date(Date.UTC(2026, 10, 2 + i * 7)).toISOString().slice(0, 10),
    values: values(i),
  }))
}

function render(
  points: ProgressPoint[],
  { series = SERIES, locale = 'nl' }: { series?: ProgressSeries[]; locale?: 'nl' | 'en' } = {},
) {
  return renderToStaticMarkup(
    <ProgressChart
      title="Team Service: voortgang per week"
      description="Aantal werkprocessen per stap, opgeteld over het team"
      series={series}
      points={points}
      locale={locale}
      yLabel="Werkprocessen"
    />,
  )
}

const between = (html: string, open: string, close: string) => {
  const start = html.indexOf(open)
  return start < 0 ? '' : html.slice(start, html.indexOf(close, start) + close.length)
}
const all = (html: string, re: RegExp) => [...html.matchAll(re)]
const cellTexts = (row: string) => all(row, /<t[hd][^>]*>([^<]*)<\/t[hd]>/g).map((m) => m[1])

const FOUR_WEEKS = weeks(4, (i) => [10 + i, 6 + i * 2, 2 + i, i])

describe('ProgressChart', () => {
  test('is an svg image named by its title and described by its desc', () => {
    const html = render(FOUR_WEEKS)
    expect(html).toMatch(/^<figure/)
    const svg = html.match(/<svg role="img" aria-labelledby="([^"]+)" aria-describedby="([^"]+)"/)
    expect(svg).not.toBeNull()
    const [, titleId, descId] = svg!
    expect(html).toContain(`<title id="${titleId}">Team Service: voortgang per week</title>`)
    expect(html).toContain(
      `<desc id="${descId}">Aantal werkprocessen per stap, opgeteld over het team</desc>`,
    )
    expect(html).toContain('viewBox="0 0 640 260"')
    expect(html).toContain('width="100%"')
    expect(html).toContain('Werkprocessen')
  })

  test('draws one line per series, each with its own colour, dash pattern and marker shape', () => {
    const html = render(FOUR_WEEKS)
    const chart = between(html, '<svg role="img"', '</svg>')
    const paths = all(chart, /<path [^>]*>/g).map((m) => m[0])
    expect(paths).toHaveLength(SERIES.length)

    const attr = (tag: string, name: string) => tag.match(new RegExp(` ${name}="([^"]*)"`))?.[1]
    const colours = paths.map((p) => attr(p, 'stroke'))
    const dashes = paths.map((p) => attr(p, 'stroke-dasharray') ?? 'solid')
    expect(new Set(colours).size).toBe(SERIES.length)
    expect(new Set(dashes).size).toBe(SERIES.length)

    const groups = all(chart, /<g data-series="(\d)">(.*?)<\/g>/g)
    expect(groups).toHaveLength(SERIES.length)
    const firstMarker = groups.map((g) => g[2]!.match(/<\/path>\s*<(\w+)/)?.[1])
    // circle, rect, and two polygons with different point layouts
    expect(firstMarker).toEqual(['circle', 'rect', 'polygon', 'polygon'])
    const polygonShapes = groups.slice(2).map((g) => g[2]!.match(/<polygon points="([^"]+)"/)![1])
    expect(polygonShapes[0]!.split(' ')).toHaveLength(3)
    expect(polygonShapes[1]!.split(' ')).toHaveLength(4)
    // a marker per point per series
    for (const g of groups) expect(all(g[2]!, /<(circle|rect|polygon) /g)).toHaveLength(4)
  })

  test('has a legend with a colour-and-dash swatch per series', () => {
    const html = render(FOUR_WEEKS)
    const legend = between(html, '<ul', '</ul>')
    const items = all(legend, /<li[^>]*>(.*?)<\/li>/g)
    expect(items.map((m) => m[1]!.replace(/<svg.*<\/svg>/, ''))).toEqual(SERIES.map((s) => s.label))
    for (const item of items) {
      expect(item[1]).toMatch(/<svg [^>]*aria-hidden="true"/)
      expect(item[1]).toMatch(/<line [^>]*stroke="#/)
    }
    expect(legend).toContain('stroke-dasharray="8 4"')
  })

  test('has a visually hidden table with one row per week and the same numbers', () => {
    const html = render(FOUR_WEEKS)
    const table = between(html, '<div class="visually-hidden"><table>', '</table>')
    expect(table).toContain('<caption>Team Service: voortgang per week (Werkprocessen)</caption>')
    const head = cellTexts(between(table, '<thead>', '</thead>'))
    expect(head).toEqual(['Week van', ...SERIES.map((s) => s.label)])

    const rows = all(between(table, '<tbody>', '</tbody>'), /<tr>(.*?)<\/tr>/g).map((m) =>
      cellTexts(m[1]!),
    )
    expect(rows).toHaveLength(FOUR_WEEKS.length)
    expect(rows[0]).toEqual(['2 november 2026', '10', '6', '2', '0'])
    expect(rows[3]).toEqual(['23 november 2026', '13', '12', '5', '3'])
  })

  test('formats week labels per locale and shows at most 8 of them for a full year', () => {
    const year = weeks(52, (i) => [i, Math.floor(i / 2)])
    for (const locale of ['nl', 'en'] as const) {
      const html = render(year, { series: SERIES.slice(0, 2), locale })
      const labels = all(html, /<text [^>]*data-x-label=""[^>]*>([^<]*)<\/text>/g).map((m) => m[1])
      expect(labels.length).toBeGreaterThan(1)
      expect(labels.length).toBeLessThanOrEqual(8)
      expect(labels[0]).toMatch(locale === 'nl' ? /^2 nov\.?$/ : /^2 Nov$/)
      expect(between(html, '<tbody>', '</tbody>').match(/<tr>/g)).toHaveLength(52)
    }
    // A short run labels every week.
    const few = all(render(FOUR_WEEKS), /data-x-label/g)
    expect(few).toHaveLength(4)
  })

  test('y ticks are round numbers starting at 0 and the top covers the largest value', () => {
    const html = render(weeks(3, (i) => [i * 6, 1, 0, 12]))
    const ticks = all(
      between(html, '<svg role="img"', '</svg>'),
      /<text [^>]*text-anchor="end"[^>]*>([^<]*)<\/text>/g,
    ).map((m) => m[1])
    expect(ticks).toEqual(['0', '5', '10', '15'])

    expect(yTicks(0, true)).toEqual([0, 1])
    expect(yTicks(5, true)).toEqual([0, 2, 4, 6])
    expect(yTicks(3, true)).toEqual([0, 1, 2, 3])
    expect(yTicks(40, true)).toEqual([0, 10, 20, 30, 40])
    expect(yTicks(1234, true)).toEqual([0, 500, 1000, 1500])
    expect(yTicks(0.3, false)).toEqual([0, 0.1, 0.2, 0.3])
  })

  test.each([
    ['a single point', weeks(1, () => [3, 2, 1, 0])],
    ['all-zero values', weeks(5, () => [0, 0, 0, 0])],
    ['equal values', weeks(6, () => [7, 7, 7, 7])],
    ['fractions', weeks(3, (i) => [i / 3, 0.1, 2 / 3, 1e-7])],
    ['gaps and non-finite values', weeks(4, (i) => (i === 1 ? [Number.NaN] : [i, Infinity]))],
  ])('never puts NaN or Infinity in the markup: %s', (_, points) => {
    const html = render(points)
    expect(html).not.toMatch(/NaN|Infinity/)
    expect(html).toContain('<path ')
    // coordinates keep at most one decimal
    for (const m of all(html, / d="([^"]*)"/g)) expect(m[1]).not.toMatch(/\.\d\d/)
  })

  test('a missing value breaks the line and shows as a dash in the table', () => {
    const html = render(
      weeks(3, (i) => (i === 1 ? [4] : [2, 5])),
      { series: SERIES.slice(0, 2) },
    )
    const second = all(html, /<path [^>]*d="([^"]*)"/g)[1]![1]!
    expect(second.match(/M/g)).toHaveLength(2)
    expect(second).not.toContain('L')
    const rows = all(between(html, '<tbody>', '</tbody>'), /<tr>(.*?)<\/tr>/g)
    expect(cellTexts(rows[1]![1]!)).toEqual(['9 november 2026', '4', '–'])
  })

  test('shows a short text instead of the chart when there are no points', () => {
    const nl = render([], { locale: 'nl' })
    expect(nl).toContain('Nog geen gegevens')
    expect(nl).not.toContain('<svg')
    expect(nl).not.toContain('<table')
    expect(nl).toContain('aria-label="Team Service: voortgang per week"')

    const en = render([], { locale: 'en' })
    expect(en).toContain('No data yet')
    expect(en).not.toContain('<svg')
  })

  test('renders the same markup every time', () => {
    expect(render(FOUR_WEEKS)).toBe(render(FOUR_WEEKS))
  })
})
