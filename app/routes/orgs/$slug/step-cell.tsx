import { LADDER } from '#app/domain/progress-rules.ts'
import { STEP_LABEL, STEP_SHORT } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/** A shape per step, so the matrix never relies on colour alone. */
export const STEP_ICONS = ['○', '◔', '◑', '◕', '●'] as const

export const stepLabelKey = (step: number) => STEP_LABEL[LADDER[step]!.key]
const stepShortKey = (step: number) => STEP_SHORT[LADDER[step]!.key]

/** One matrix cell: colour, shape and a short code, with the full step for screen readers. */
export function StepCell({ step, workProcess }: { step: number; workProcess: string }) {
  const { t } = useTranslation()
  const label = t(stepLabelKey(step))
  return (
    <td className={`cell cell-step-${step}`} title={`${workProcess}: ${label}`} data-step={step}>
      <span aria-hidden="true">
        {STEP_ICONS[step]} {t(stepShortKey(step))}
      </span>
      <span className="visually-hidden">{label}</span>
    </td>
  )
}

/** The key to the cells. */
export function StepLegend() {
  const { t } = useTranslation()
  return (
    <ul className="inline-list step-legend" aria-label={t('employer.legend')}>
      {LADDER.map((rung) => (
        <li key={rung.step} className={`cell-step-${rung.step}`}>
          <span aria-hidden="true">
            {STEP_ICONS[rung.step]} {t(STEP_SHORT[rung.key])}
          </span>{' '}
          {t(STEP_LABEL[rung.key])}
        </li>
      ))}
    </ul>
  )
}
