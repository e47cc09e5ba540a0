import { LADDER } from '#app/domain/progress-rules.ts'
import type { MessageKey } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/** A shape per step, so the matrix never relies on colour alone. */
export const STEP_ICONS = ['○', '◔', '◑', '◕', '●'] as const

export const stepLabelKey = (step: number) => `progress.step.${LADDER[step]!.key}` as MessageKey

/** One matrix cell: colour, shape and a short code, with the full step for screen readers. */
export function StepCell({ step, workProcess }: { step: number; workProcess: string }) {
  const { t } = useTranslation()
  const label = t(stepLabelKey(step))
  return (
    <td className={`cell cell-step-${step}`} title={`${workProcess}: ${label}`} data-step={step}>
      <span aria-hidden="true">
        {STEP_ICONS[step]} {t(`progress.short.${step}` as MessageKey)}
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
            {STEP_ICONS[rung.step]} {t(`progress.short.${rung.step}` as MessageKey)}
          </span>{' '}
          {t(stepLabelKey(rung.step))}
        </li>
      ))}
    </ul>
  )
}
