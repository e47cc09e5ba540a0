import type { ReactNode } from 'react'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import {
  CHANNEL_LABEL,
  EVALUATION_STATUS_LABEL,
  type EvaluationStatus,
} from '#app/quality/quality-labels.ts'
import type {
  Channel,
  ScorecardDefinition,
  SectionResult,
} from '#app/quality/scorecard-definition.ts'
import { ScoreBadge } from './evaluation-table.tsx'

export type EvaluationViewData = {
  contactAt: Date | string
  channel: string
  externalId: string | null
  durationSeconds: number | null
  clientBrand: string | null
  score: number
  passed: boolean
  criticalFailed: boolean
  comment: string
  status: string
  disputeReason: string | null
  resolutionNote: string | null
  fileName: string | null
  agent: { name: string }
  evaluator: { name: string }
  scorecardVersion: { version: number; scorecard: { name: string } }
  definition: ScorecardDefinition
  sections: SectionResult[]
  items: { itemKey: string; value: number | null; comment: string }[]
  workProcesses: { workProcessCode: string; score: number; passed: boolean }[]
}

function answerText(
  scale: string,
  value: number | null,
  t: ReturnType<typeof useTranslation>['t'],
) {
  if (value === null) return t('scoring.na')
  if (scale === 'yes_no') return value === 1 ? t('scoring.yes') : t('scoring.no')
  return `${value} / 5`
}

/** One evaluation as its agent, evaluator and managers read it: every item, its comment, the verdict. */
export function EvaluationView({ e, fileHref }: { e: EvaluationViewData; fileHref?: string }) {
  const { t, locale } = useTranslation()
  const text = (x: { nl: string; en: string }) => (locale === 'en' && x.en ? x.en : x.nl)
  const answers = new Map(e.items.map((i) => [i.itemKey, i]))
  const minutes =
    e.durationSeconds === null
      ? null
      : `${Math.floor(e.durationSeconds / 60)}:${String(e.durationSeconds % 60).padStart(2, '0')}`
  const facts: [string, ReactNode][] = [
    [t('quality.col.agent'), e.agent.name],
    [t('quality.col.evaluator'), e.evaluator.name],
    [t('evaluation.contactAt'), formatDate(e.contactAt, locale)],
    [t('quality.col.channel'), t(CHANNEL_LABEL[e.channel as Channel] ?? 'quality.channel.phone')],
    ...(e.externalId ? [[t('evaluation.externalId'), e.externalId] as [string, ReactNode]] : []),
    ...(minutes ? [[t('evaluation.duration'), minutes] as [string, ReactNode]] : []),
    ...(e.clientBrand ? [[t('evaluation.clientBrand'), e.clientBrand] as [string, ReactNode]] : []),
    [
      t('quality.col.scorecard'),
      `${e.scorecardVersion.scorecard.name} v${e.scorecardVersion.version}`,
    ],
    [
      t('quality.col.score'),
      <ScoreBadge key="s" score={e.score} passed={e.passed} criticalFailed={e.criticalFailed} />,
    ],
    [
      t('quality.col.status'),
      t(EVALUATION_STATUS_LABEL[e.status as EvaluationStatus] ?? 'quality.status.open'),
    ],
    ...(e.fileName && fileHref
      ? [
          [
            t('evaluation.file'),
            <a key="f" href={fileHref}>
              {e.fileName}
            </a>,
          ] as [string, ReactNode],
        ]
      : []),
  ]
  return (
    <>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {e.disputeReason ? (
        <div className="callout">
          <h2>{t('evaluation.dispute.reason')}</h2>
          <p className="prewrap">{e.disputeReason}</p>
          {e.resolutionNote ? (
            <>
              <h3>{t('evaluation.dispute.decision')}</h3>
              <p className="prewrap">{e.resolutionNote}</p>
            </>
          ) : null}
        </div>
      ) : null}
      <h2>{t('evaluation.workProcesses')}</h2>
      <ul className="wp-scores">
        {e.workProcesses.map((w) => (
          <li key={w.workProcessCode}>
            <strong>{w.workProcessCode}</strong>{' '}
            <ScoreBadge score={w.score} passed={w.passed} criticalFailed={false} />
          </li>
        ))}
      </ul>
      {e.definition.sections.map((section, s) => {
        const result = e.sections[s]
        return (
          <section key={section.key} className="scoring-section">
            <h3>
              {text(section)}:{' '}
              {result?.score === null || result === undefined ? t('scoring.na') : result.score}{' '}
              <span className="muted">
                ({result?.passed ? t('quality.passed') : t('quality.notPassed')} ·{' '}
                {t('scoring.threshold')} {section.threshold})
              </span>
            </h3>
            <ul className="item-scores">
              {section.items.map((item) => {
                const answer = answers.get(item.key)
                return (
                  <li key={item.key}>
                    {text(item)}
                    {item.critical ? (
                      <strong className="critical"> {t('scoring.critical')}</strong>
                    ) : null}
                    : <strong>{answerText(item.scale, answer?.value ?? null, t)}</strong>
                    {answer?.comment ? <span className="muted"> · {answer.comment}</span> : null}
                  </li>
                )
              })}
            </ul>
          </section>
        )
      })}
      {e.comment ? (
        <>
          <h2>{t('evaluation.comment')}</h2>
          <p className="prewrap">{e.comment}</p>
        </>
      ) : null}
    </>
  )
}
