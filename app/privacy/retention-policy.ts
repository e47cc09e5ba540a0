/**
 * How long an organisation keeps what it records about people, in months. An organisation
 * without its own RetentionPolicy row has these defaults (docs/privacy.md):
 * - exam evidence and its assessments: 18 months after the person's qualification record, the
 *   time the MBO exam inspection expects exam material to stay available after a diploma;
 * - learning events: 36 months, long enough for a full team-leader track and its re-takes;
 * - quality evaluations (and coaching built on them) and KPI weeks: 24 months, two annual
 *   performance cycles.
 */
export type RetentionPeriods = {
  examEvidenceMonths: number
  learningEventMonths: number
  evaluationMonths: number
  kpiMonths: number
}

export const DEFAULT_RETENTION: Readonly<RetentionPeriods> = {
  examEvidenceMonths: 18,
  learningEventMonths: 36,
  evaluationMonths: 24,
  kpiMonths: 24,
}

/** The periods an organisation keeps data for: its own row, or the defaults. */
export function retentionPeriods(row: RetentionPeriods | null | undefined): RetentionPeriods {
  if (!row) return { ...DEFAULT_RETENTION }
  const { examEvidenceMonths, learningEventMonths, evaluationMonths, kpiMonths } = row
  return { examEvidenceMonths, learningEventMonths, evaluationMonths, kpiMonths }
}
