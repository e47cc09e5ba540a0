import { LADDER, TOP_STEP } from '#app/domain/progress-rules.ts'
import { STEP_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/**
 * Where a learner stands on one work process: the step's name as a coloured badge, with a
 * progress bar (named for screen readers) showing how far up the ladder that is.
 */
export function LadderBadge({ code, step }: { code: string; step: number }) {
  const { t } = useTranslation()
  const label = t(STEP_LABEL[LADDER[step]!.key])
  return (
    <span className="ladder-badge">
      <progress max={TOP_STEP} value={step} aria-label={`${code}: ${label}`} />
      <span className={`step step-${step} step-badge`}>{label}</span>
    </span>
  )
}
