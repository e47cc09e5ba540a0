import { ErrorList } from '#app/components/forms.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { commentField, itemField, NOT_APPLICABLE } from '#app/quality/scoring-form.ts'
import type { ItemAnswer, ScorecardDefinition } from '#app/quality/scorecard-definition.ts'

/**
 * The items of a scorecard as radio groups, section by section: yes / no / n.a. or 1-5 / n.a.,
 * each with an optional comment. Plain form fields (readAnswers parses them), so the form works
 * before JavaScript loads; errors come back per item from the server.
 */
export function ScoringFields({
  definition,
  idPrefix,
  errors = {},
  initial = {},
}: {
  definition: ScorecardDefinition
  idPrefix: string
  errors?: Record<string, string[] | undefined>
  initial?: Record<string, ItemAnswer | undefined>
}) {
  const { t, locale } = useTranslation()
  const text = (x: { nl: string; en: string }) => (locale === 'en' && x.en ? x.en : x.nl)
  return (
    <div className="scoring">
      {definition.sections.map((section) => (
        <section key={section.key} className="scoring-section">
          <h3>
            {text(section)}{' '}
            <span className="muted">
              ({section.workProcesses.join(', ')} · {t('scoring.threshold')} {section.threshold})
            </span>
          </h3>
          {section.items.map((item) => {
            const name = itemField(item.key)
            const errorId = `${idPrefix}-${item.key}-error`
            const value = initial[item.key]?.value
            const checked =
              value === undefined ? undefined : value === null ? NOT_APPLICABLE : String(value)
            const points =
              item.scale === 'yes_no'
                ? [
                    ['1', t('scoring.yes')],
                    ['0', t('scoring.no')],
                  ]
                : ['1', '2', '3', '4', '5'].map((p) => [p, p])
            return (
              <fieldset
                key={item.key}
                className="criterion"
                aria-describedby={errors[name] ? errorId : undefined}
              >
                <legend>
                  {text(item)}
                  {item.critical ? (
                    <strong className="critical"> {t('scoring.critical')}</strong>
                  ) : null}
                </legend>
                <div className="choice-group">
                  {[...points, [NOT_APPLICABLE, t('scoring.na')]].map(([v, label]) => (
                    <label key={v} className="choice">
                      <input type="radio" name={name} value={v} defaultChecked={checked === v} />{' '}
                      {label}
                    </label>
                  ))}
                </div>
                <ErrorList id={errorId} errors={errors[name]} />
                <label htmlFor={`${idPrefix}-${item.key}-comment`} className="visually-hidden">
                  {t('scoring.comment', { item: text(item) })}
                </label>
                <input
                  id={`${idPrefix}-${item.key}-comment`}
                  name={commentField(item.key)}
                  defaultValue={initial[item.key]?.comment ?? ''}
                  placeholder={t('scoring.commentPlaceholder')}
                />
              </fieldset>
            )
          })}
        </section>
      ))}
    </div>
  )
}
