import { LADDER } from '#app/domain/progress-rules.ts'
import { STEP_LABEL, STEP_SHORT } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/** A shape per step, so the matrix never relies on colour alone. */
export const STEP_ICONS = ['○', '◔', '◑', '◕', '●'] as const

export const stepLabelKey = (step: number) => STEP_LABEL[LADDER[step]!.key]
const stepShortKey = (step: number) => STEP_SHORT[LADDER[step]!.key]

/**
 * A ladder step as a small badge: colour, shape and a one-letter code for the eye; the
 * full step name for screen readers (the badge itself is hidden from them).
 */
export function StepBadge({ step }: { step: number }) {
  const { t } = useTranslation()
  return (
    <>
      <span className={`step-badge step-badge-${step}`} aria-hidden="true">
        {STEP_ICONS[step]}
        {t(stepShortKey(step))}
      </span>
      <span className="visually-hidden">{t(stepLabelKey(step))}</span>
    </>
  )
}

/** One matrix cell: the step's badge, with work process and step as its tooltip. */
export function StepCell({ step, workProcess }: { step: number; workProcess: string }) {
  const { t } = useTranslation()
  return (
    <td
      className={`cell cell-step-${step}`}
      title={`${workProcess}: ${t(stepLabelKey(step))}`}
      data-step={step}
    >
      <StepBadge step={step} />
    </td>
  )
}

/** The key to the badges, shown above the matrix. */
export function StepLegend() {
  const { t } = useTranslation()
  return (
    <ul className="step-legend" aria-label={t('employer.legend')}>
      {LADDER.map((rung) => (
        <li key={rung.step}>
          <span className={`step-badge step-badge-${rung.step}`} aria-hidden="true">
            {STEP_ICONS[rung.step]}
            {t(STEP_SHORT[rung.key])}
          </span>{' '}
          {t(STEP_LABEL[rung.key])}
        </li>
      ))}
    </ul>
  )
}
