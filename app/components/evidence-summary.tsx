import {
  EVIDENCE_KINDS,
  isEvidenceKind,
  RUBRIC,
  isRubricLevel,
} from '#app/assessment/assessment-rules.ts'
import type { EvidenceDetail } from '#app/assessment/evidence.server.ts'
import { formatDate } from '#app/i18n/i18n.ts'
import { DECISION_LABEL, RUBRIC_LABEL, textFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { DataTable } from '#app/components/data-table.tsx'

type Evidence = Omit<EvidenceDetail, 'submittedAt' | 'assessments'> & {
  submittedAt: Date | string
  assessments: Array<
    Omit<EvidenceDetail['assessments'][number], 'createdAt'> & { createdAt: Date | string }
  >
}

/** What was handed in: kind, text, file and the work processes and competencies it covers. */
export function EvidenceSummary({ evidence }: { evidence: Evidence }) {
  const { t, locale } = useTranslation()
  const kb = evidence.fileSize ? Math.max(1, Math.round(evidence.fileSize / 1024)) : 0
  return (
    <>
      <dl className="facts">
        <dt>{t('evidence.learner')}</dt>
        <dd>{evidence.user.name}</dd>
        <dt>{t('evidence.kind')}</dt>
        <dd>
          {isEvidenceKind(evidence.kind) ? EVIDENCE_KINDS[evidence.kind][locale] : evidence.kind}
        </dd>
        <dt>{t('evidence.submittedOn')}</dt>
        <dd>{formatDate(evidence.submittedAt, locale)}</dd>
        <dt>{t('evidence.workProcesses')}</dt>
        <dd>{evidence.workProcesses.map((w) => w.workProcessCode).join(', ')}</dd>
        <dt>{t('evidence.competencies')}</dt>
        <dd>{evidence.competencies.join(', ')}</dd>
        {evidence.fileKey ? (
          <>
            <dt>{t('evidence.attachment')}</dt>
            <dd>
              <a href={`/evidence/${evidence.id}/file`} download>
                {evidence.fileName}
              </a>{' '}
              <span className="muted">
                ({evidence.fileType}, {kb} kB)
              </span>
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t('evidence.narrative')}</h2>
      <p className="prewrap">{evidence.narrative}</p>
    </>
  )
}

/** Every judgement on the evidence: decision, comment and the level per criterion. */
export function AssessmentFeedback({ evidence }: { evidence: Evidence }) {
  const { t, locale } = useTranslation()
  if (evidence.assessments.length === 0) return <p>{t('evidence.noFeedbackYet')}</p>
  return (
    <>
      {evidence.assessments.map((a) => (
        <article key={a.id} className="card assessment-card" data-assessment={a.workProcessCode}>
          <h3>
            <span className="code">{a.workProcessCode}</span>{' '}
            {textFor(t, DECISION_LABEL, a.decision)}
          </h3>
          <p className="muted">
            {t('assessment.by', { name: a.assessor.name, date: formatDate(a.createdAt, locale) })}
          </p>
          {a.comment ? <p className="prewrap">{a.comment}</p> : null}
          <DataTable
            caption={t('assessment.scores')}
            columns={[t('assessment.criterion'), t('assessment.level'), t('assessment.required')]}
          >
            {a.scores.map((s) => (
              <tr key={s.position}>
                <th scope="row">
                  {locale === 'en' && s.criterionEn ? s.criterionEn : s.criterionNl}
                  {s.comment ? <span className="block muted">{s.comment}</span> : null}
                </th>
                <td title={isRubricLevel(s.level) ? RUBRIC[s.level][locale] : undefined}>
                  {textFor(t, RUBRIC_LABEL, s.level)}
                </td>
                <td>{textFor(t, RUBRIC_LABEL, s.requiredLevel)}</td>
              </tr>
            ))}
          </DataTable>
        </article>
      ))}
    </>
  )
}
