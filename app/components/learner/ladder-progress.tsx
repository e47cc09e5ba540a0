import { LadderBadge } from '#app/components/ui/ladder-badge.tsx'
import { LADDER, TOP_STEP } from '#app/domain/progress-rules.ts'
import { STEP_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/**
 * Where a learner stands on one work process: a short bar (named for screen readers) showing
 * how far up the ladder that is, next to the step's badge from the design system.
 */
export function LadderProgress({ code, step }: { code: string; step: number }) {
  const { t } = useTranslation()
  const label = t(STEP_LABEL[LADDER[step]!.key])
  return (
    <span className="ladder-progress">
      <progress max={TOP_STEP} value={step} aria-label={`${code}: ${label}`} />
      <LadderBadge step={step} />
    </span>
  )
}
