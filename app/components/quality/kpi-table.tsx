import { DataTable } from '#app/components/data-table.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'

export type KpiWeekView = {
  weekStart: string
  ahtSeconds: number | null
  fcrPercent: number | null
  csat: number | null
  nps: number | null
  adherencePercent: number | null
}

/** "4:35" for 275 seconds: how contact centers read a handle time. */
function minutesSeconds(seconds: number) {
  const s = Math.round(seconds)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** ISO week number of a Monday "YYYY-MM-DD". */
function isoWeek(monday: string) {
  const thursday = new Date(`${monday}T12:00:00Z`)
  thursday.setUTCDate(thursday.getUTCDate() + 3)
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1)
  return Math.floor((+thursday - jan1) / (7 * 86400_000)) + 1
}

/**
 * An agent's last weeks of KPIs, newest first, with the note that they are context: they
 * never move a step of the ladder (only an assessor's sign-off does).
 */
export function KpiTable({
  weeks,
  caption,
  note = true,
}: {
  weeks: KpiWeekView[]
  caption: string
  /** The "context only" line; off where the page says it already. */
  note?: boolean
}) {
  const { t, locale } = useTranslation()
  const number = (n: number | null, suffix = '') =>
    n === null ? '—' : `${n.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB')}${suffix}`
  return (
    <>
      {note ? <p className="muted">{t('kpis.contextOnly')}</p> : null}
      <DataTable
        caption={caption}
        columns={[
          t('kpis.week'),
          t('kpis.aht'),
          t('kpis.fcr'),
          t('kpis.csat'),
          t('kpis.nps'),
          t('kpis.adherence'),
        ]}
      >
        {weeks.map((w) => (
          <tr key={w.weekStart} data-kpi-week={w.weekStart}>
            <th scope="row">
              {t('kpis.weekOf', {
                week: isoWeek(w.weekStart),
                date: formatAmsterdam(`${w.weekStart}T12:00:00Z`, locale),
              })}
            </th>
            <td>{w.ahtSeconds === null ? '—' : minutesSeconds(w.ahtSeconds)}</td>
            <td>{number(w.fcrPercent, ' %')}</td>
            <td>{number(w.csat)}</td>
            <td>{number(w.nps)}</td>
            <td>{number(w.adherencePercent, ' %')}</td>
          </tr>
        ))}
      </DataTable>
    </>
  )
}
