import type { Route } from './+types/progress-rules'
import { CONDITIONS, LADDER } from '#app/domain/progress-rules.ts'
import type { MessageKey } from '#app/i18n/i18n.ts'
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
            <strong>{t(`progress.step.${rung.key}` as MessageKey)}</strong>
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
        <li>{t('rules.coreTask')}</li>
      </ul>
    </div>
  )
}
