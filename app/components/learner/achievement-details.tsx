import { criteriaParts } from '#app/records/criteria-narrative.ts'
import type { TextKey } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/** The credential's alignment types (JSON-LD terms) in words a reader knows. */
const ALIGNMENT_LABEL: Record<string, TextKey> = {
  'ext:Werkproces': 'learner.alignment.work_process',
  'ext:Kerntaak': 'learner.alignment.core_task',
  'ext:Kwalificatie': 'learner.alignment.qualification',
  'ceasn:Competency': 'learner.alignment.competency',
}

export type Alignment = { targetCode: string; targetName: string; targetType: string }

/**
 * What an achievement certifies, as the record page and the verification page show it: the
 * criteria as a list (the narrative as issued, in Dutch) and what it aligns to, by kind.
 */
export function AchievementDetails({
  criteria,
  alignment,
  headingLevel = 2,
}: {
  criteria: string
  alignment: Alignment[]
  headingLevel?: 2 | 3
}) {
  const { t } = useTranslation()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const { intro, items, outro } = criteriaParts(criteria)
  return (
    <>
      <Heading>{t('records.criteria')}</Heading>
      <div lang="nl" className="criteria">
        {intro.map((line, i) => (
          <p key={`i${i}`}>{line}</p>
        ))}
        {items.length > 0 ? (
          <ol className="criteria-list">
            {items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ol>
        ) : null}
        {outro.map((line, i) => (
          <p key={`o${i}`}>{line}</p>
        ))}
      </div>
      {alignment.length > 0 ? (
        <>
          <Heading>{t('records.alignment')}</Heading>
          <ul>
            {alignment.map((a) => (
              <li key={`${a.targetType}-${a.targetCode}`}>
                <span className="code">{a.targetCode}</span> {a.targetName}{' '}
                <span className="muted">
                  (
                  {ALIGNMENT_LABEL[a.targetType] ? t(ALIGNMENT_LABEL[a.targetType]!) : a.targetType}
                  )
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}
