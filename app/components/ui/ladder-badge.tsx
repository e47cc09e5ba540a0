import { LADDER } from '#app/domain/progress-rules.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/**
 * A work process's step on the ladder (niet begonnen … bekwaam) as a coloured badge. The
 * colour is never the only cue: the step's name is always written out.
 */
export function LadderBadge({ step }: { step: number }) {
  const { t } = useTranslation()
  const rung = LADDER[Math.min(Math.max(0, Math.trunc(step)), LADDER.length - 1)]!
  return <span className={`ladder-badge step-${rung.step}`}>{t(`progress.step.${rung.key}`)}</span>
}
