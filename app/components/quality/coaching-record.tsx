import { DataTable } from '#app/components/data-table.tsx'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

export type CoachingRecordData = {
  heldAt: Date | string
  followUpAt: Date | string | null
  confirmedAt: Date | string | null
  evidenceId: string | null
  discussed: string
  agreements: string
  coach: { name: string }
  agent: { name: string }
  workProcesses: Array<{ workProcessCode: string }>
  evaluations: Array<{
    evaluation: { id: string; contactAt: Date | string; score: number; passed: boolean }
  }>
}

/** The record of a session, as both the organisation's side and the agent see it. */
export function CoachingRecord({ session }: { session: CoachingRecordData }) {
  const { t, locale } = useTranslation()
  return (
    <div className="stack">
      <dl className="facts">
        <div>
          <dt>{t('coaching.heldAt')}</dt>
          <dd>{formatDate(session.heldAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('coaching.coach')}</dt>
          <dd>{session.coach.name}</dd>
        </div>
        <div>
          <dt>{t('coaching.agent')}</dt>
          <dd>{session.agent.name}</dd>
        </div>
        <div>
          <dt>{t('coaching.workProcesses')}</dt>
          <dd>{session.workProcesses.map((w) => w.workProcessCode).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t('coaching.followUpAt')}</dt>
          <dd>{session.followUpAt ? formatDate(session.followUpAt, locale) : '—'}</dd>
        </div>
        <div>
          <dt>{t('coaching.status')}</dt>
          <dd>
            {session.confirmedAt
              ? t('coaching.confirmedOn', { date: formatDate(session.confirmedAt, locale) })
              : t('coaching.status.open')}
            {session.evidenceId ? ` · ${t('coaching.status.handedIn')}` : ''}
          </dd>
        </div>
      </dl>
      <h2>{t('coaching.discussed')}</h2>
      <p style={{ whiteSpace: 'pre-wrap' }}>{session.discussed}</p>
      <h2>{t('coaching.agreements')}</h2>
      <p style={{ whiteSpace: 'pre-wrap' }}>{session.agreements}</p>
      {session.evaluations.length > 0 ? (
        <DataTable
          caption={t('coaching.evaluations')}
          showCaption
          columns={[t('trend.date'), t('trend.score')]}
        >
          {session.evaluations.map(({ evaluation: e }) => (
            <tr key={e.id}>
              <td>{formatDate(e.contactAt, locale)}</td>
              <td>
                {e.score} ({t(e.passed ? 'trend.passed' : 'trend.failed')})
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </div>
  )
}
