import { Link } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import {
  EVALUATION_STATUS_LABEL,
  CHANNEL_LABEL,
  type EvaluationStatus,
} from '#app/quality/quality-labels.ts'
import type { Channel } from '#app/quality/scorecard-definition.ts'

export type EvaluationRow = {
  id: string
  contactAt: Date | string
  channel: string
  score: number
  passed: boolean
  criticalFailed: boolean
  status: string
  agent: { name: string }
  evaluator: { name: string }
  scorecardVersion: { version: number; scorecard: { name: string } }
}

/** Evaluations as a list: the organisation's side (with the agent) or the agent's own. */
export function EvaluationTable({
  rows,
  base,
  showAgent = true,
}: {
  rows: EvaluationRow[]
  /** Where one evaluation's page lives: `${base}/${id}`. */
  base: string
  showAgent?: boolean
}) {
  const { t, locale } = useTranslation()
  return (
    <DataTable
      caption={t('quality.evaluations')}
      columns={[
        t('quality.col.contactAt'),
        showAgent && t('quality.col.agent'),
        t('quality.col.channel'),
        t('quality.col.scorecard'),
        t('quality.col.score'),
        t('quality.col.status'),
        t('quality.col.evaluator'),
      ]}
    >
      {rows.map((e) => (
        <tr key={e.id}>
          <td>
            <Link to={`${base}/${e.id}`}>{formatDate(e.contactAt, locale)}</Link>
          </td>
          {showAgent ? <td>{e.agent.name}</td> : null}
          <td>{t(CHANNEL_LABEL[e.channel as Channel] ?? 'quality.channel.phone')}</td>
          <td>
            {e.scorecardVersion.scorecard.name} v{e.scorecardVersion.version}
          </td>
          <td>
            <ScoreBadge score={e.score} passed={e.passed} criticalFailed={e.criticalFailed} />
          </td>
          <td>
            {t(EVALUATION_STATUS_LABEL[e.status as EvaluationStatus] ?? 'quality.status.open')}
          </td>
          <td>{e.evaluator.name}</td>
        </tr>
      ))}
    </DataTable>
  )
}

/** A score with its verdict in words, never only in colour. */
export function ScoreBadge({
  score,
  passed,
  criticalFailed,
}: {
  score: number
  passed: boolean
  criticalFailed: boolean
}) {
  const { t } = useTranslation()
  return (
    <span className={passed ? 'score score-pass' : 'score score-fail'}>
      {score}{' '}
      <span className="score-verdict">
        {criticalFailed
          ? t('quality.criticalFailed')
          : passed
            ? t('quality.passed')
            : t('quality.notPassed')}
      </span>
    </span>
  )
}
