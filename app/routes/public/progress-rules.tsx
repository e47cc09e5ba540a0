import type { Route } from './+types/progress-rules'
import {
  COMPLETION_RULES,
  EVIDENCE_KIND_KEYS,
  EVIDENCE_KINDS,
  RUBRIC,
  RUBRIC_LEVELS,
} from '#app/assessment/assessment-rules.ts'
import { CONDITIONS, LADDER } from '#app/domain/progress-rules.ts'
import { STEP_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'rules.title')

/** "How progress is computed": rendered from the same rule data the engine applies. */
export default function ProgressRules() {
  const { t, locale } = useTranslation()
  return (
    <div className="page">
      <h1>{t('rules.title')}</h1>
      <p className="lead">{t('rules.intro')}</p>
      <ol className="ladder-rules">
        {LADDER.map((rung) => (
          <li key={rung.key}>
            <strong>{t(STEP_LABEL[rung.key])}</strong>
            {rung.requires.length === 0 ? (
              <p>{t('rules.start')}</p>
            ) : (
              <ul>
                {rung.requires.map((c) => (
                  <li key={c}>{CONDITIONS[c][locale]}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <h2>{t('rules.principles')}</h2>
      <ul>
        <li>{t('rules.lowerSteps')}</li>
        <li>{t('rules.neverBack')}</li>
        <li>{t('rules.stableIds')}</li>
        <li>{t('rules.assignments')}</li>
      </ul>
      <h2>{t('rules.assessment')}</h2>
      <h3>{t('rules.rubric')}</h3>
      <ul>
        {RUBRIC_LEVELS.map((level) => (
          <li key={level}>{RUBRIC[level][locale]}</li>
        ))}
      </ul>
      <h3>{t('rules.evidenceKinds')}</h3>
      <ul>
        {EVIDENCE_KIND_KEYS.map((k) => (
          <li key={k}>
            {EVIDENCE_KINDS[k][locale]}:{' '}
            {t('rules.assessorsNeeded', { count: EVIDENCE_KINDS[k].assessors })}
          </li>
        ))}
      </ul>
      <h2>{t('rules.completion')}</h2>
      <ul>
        {COMPLETION_RULES.map((rule) => (
          <li key={rule.key}>{rule[locale]}</li>
        ))}
        <li>{t('rules.recertification')}</li>
      </ul>
    </div>
  )
}
