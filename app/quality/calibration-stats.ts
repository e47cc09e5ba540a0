import { allItems, type ScorecardDefinition } from './scorecard-definition.ts'

/**
 * The maths of calibration, pure so it can be checked by hand. Item answers are compared on
 * one scale of points (0-100: "no" 0, "yes" 100; 1-5 as 0, 25, 50, 75, 100), so a yes/no item
 * and a 1-5 item can be ranked side by side; totals are the evaluations' scores (0-100).
 */

/** An evaluator further than this from the consensus (or reference), in points, is flagged. */
export const DEVIATION_TARGET_POINTS = 10

export type CalibrationScore = {
  evaluatorId: string
  /** The evaluation's total score, 0-100. */
  score: number
  /** itemKey → the answer on the item's own scale, null for n.a. */
  answers: Record<string, number | null>
}

export type ItemSpread = {
  itemKey: string
  sectionKey: string
  /** Each evaluator's answer on the item's own scale (null: n.a. or not answered). */
  answers: { evaluatorId: string; value: number | null }[]
  /** Over the answered values, in points; null when fewer than one evaluator answered. */
  min: number | null
  max: number | null
  range: number | null
  /** Population standard deviation in points (the evaluators are the whole group). */
  standardDeviation: number | null
  /** Answered by this many evaluators (n.a. does not count). */
  answered: number
}

const round1 = (n: number) => Math.round(n * 10) / 10

export function mean(values: number[]): number | null {
  if (values.length === 0) return null
  return values.reduce((sum, v) => sum + v, 0) / values.length
}

export function standardDeviation(values: number[]): number | null {
  const m = mean(values)
  if (m === null) return null
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length)
}

/** An answer in points: yes/no 0 or 100, 1-5 as 0, 25, 50, 75, 100. */
export function answerPoints(scale: 'yes_no' | 'one_to_five', value: number): number {
  return scale === 'yes_no' ? value * 100 : ((value - 1) / 4) * 100
}

/** The spread of the evaluators' answers, per item of the scorecard, in its order. */
export function itemSpreads(
  definition: ScorecardDefinition,
  scores: CalibrationScore[],
): ItemSpread[] {
  return allItems(definition).map((item) => {
    const answers = scores.map((s) => ({
      evaluatorId: s.evaluatorId,
      value: s.answers[item.key] ?? null,
    }))
    const points = answers.flatMap((a) =>
      a.value === null ? [] : [answerPoints(item.scale, a.value)],
    )
    const sd = standardDeviation(points)
    const min = points.length ? Math.min(...points) : null
    const max = points.length ? Math.max(...points) : null
    return {
      itemKey: item.key,
      sectionKey: item.sectionKey,
      answers,
      min,
      max,
      range: min === null || max === null ? null : max - min,
      standardDeviation: sd === null ? null : round1(sd),
      answered: points.length,
    }
  })
}

export type EvaluatorDeviation = {
  evaluatorId: string
  score: number
  /** Absolute difference of the total score from the benchmark, in points. */
  deviation: number
  beyondTarget: boolean
}

export type Deviations = {
  /** "reference": one evaluator's score counts; "consensus": the mean of all evaluators. */
  basis: 'reference' | 'consensus'
  /** The total the evaluators are measured against. */
  benchmark: number
  evaluators: EvaluatorDeviation[]
}

/**
 * Each evaluator's deviation from the reference evaluator's total, or (without a reference,
 * or when the reference did not score) from the consensus: the mean total of all evaluators.
 */
export function deviations(
  scores: CalibrationScore[],
  referenceEvaluatorId: string | null,
): Deviations | null {
  if (scores.length === 0) return null
  const reference = referenceEvaluatorId
    ? scores.find((s) => s.evaluatorId === referenceEvaluatorId)
    : undefined
  const benchmark = reference ? reference.score : mean(scores.map((s) => s.score))!
  return {
    basis: reference ? 'reference' : 'consensus',
    benchmark: round1(benchmark),
    evaluators: scores.map((s) => {
      const deviation = round1(Math.abs(s.score - benchmark))
      return {
        evaluatorId: s.evaluatorId,
        score: s.score,
        deviation,
        beyondTarget: deviation > DEVIATION_TARGET_POINTS,
      }
    }),
  }
}

export type ClosedSession = {
  sessionId: string
  title: string
  closedAt: Date
  referenceEvaluatorId: string | null
  /** Groups items across sessions: the same key on another scorecard is another item. */
  scorecardId: string
  definition: ScorecardDefinition
  scores: CalibrationScore[]
}

export type EvaluatorTrend = {
  evaluatorId: string
  /** Oldest first: the deviation in each closed session the evaluator scored in. */
  sessions: {
    sessionId: string
    title: string
    closedAt: Date
    deviation: number
    beyondTarget: boolean
  }[]
  meanAbsoluteDeviation: number
}

/** Per evaluator, their deviation per closed session and its mean over time. */
export function evaluatorTrends(sessions: ClosedSession[]): EvaluatorTrend[] {
  const byEvaluator = new Map<string, EvaluatorTrend['sessions']>()
  const ordered = [...sessions].sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime())
  for (const session of ordered) {
    const result = deviations(session.scores, session.referenceEvaluatorId)
    for (const e of result?.evaluators ?? []) {
      const list = byEvaluator.get(e.evaluatorId) ?? []
      list.push({
        sessionId: session.sessionId,
        title: session.title,
        closedAt: session.closedAt,
        deviation: e.deviation,
        beyondTarget: e.beyondTarget,
      })
      byEvaluator.set(e.evaluatorId, list)
    }
  }
  return [...byEvaluator.entries()]
    .map(([evaluatorId, list]) => ({
      evaluatorId,
      sessions: list,
      meanAbsoluteDeviation: round1(mean(list.map((s) => s.deviation))!),
    }))
    .sort((a, b) => b.meanAbsoluteDeviation - a.meanAbsoluteDeviation)
}

export type ItemDisagreement = {
  scorecardId: string
  itemKey: string
  sectionKey: string
  /** The item's wording in the newest session that scored it. */
  nl: string
  en: string
  sessions: number
  /** Mean over the sessions of the item's standard deviation, in points. */
  meanStandardDeviation: number
  meanRange: number
}

/**
 * The items the evaluators disagree on most: per item, the mean spread over the closed
 * sessions in which at least two evaluators answered it; largest first.
 */
export function itemsDisagreedOn(sessions: ClosedSession[], top = 5): ItemDisagreement[] {
  const byItem = new Map<
    string,
    { first: Omit<ItemDisagreement, 'sessions' | 'meanStandardDeviation' | 'meanRange'> } & {
      sds: number[]
      ranges: number[]
      closedAt: number
    }
  >()
  for (const session of sessions) {
    const labels = new Map(allItems(session.definition).map((i) => [i.key, i]))
    for (const spread of itemSpreads(session.definition, session.scores)) {
      if (spread.answered < 2) continue
      const id = `${session.scorecardId}:${spread.itemKey}`
      const label = labels.get(spread.itemKey)!
      const entry = byItem.get(id) ?? {
        first: {
          scorecardId: session.scorecardId,
          itemKey: spread.itemKey,
          sectionKey: spread.sectionKey,
          nl: label.nl,
          en: label.en,
        },
        sds: [],
        ranges: [],
        closedAt: 0,
      }
      if (session.closedAt.getTime() >= entry.closedAt) {
        entry.first = { ...entry.first, nl: label.nl, en: label.en }
        entry.closedAt = session.closedAt.getTime()
      }
      entry.sds.push(spread.standardDeviation!)
      entry.ranges.push(spread.range!)
      byItem.set(id, entry)
    }
  }
  return [...byItem.values()]
    .map((e) => ({
      ...e.first,
      sessions: e.sds.length,
      meanStandardDeviation: round1(mean(e.sds)!),
      meanRange: round1(mean(e.ranges)!),
    }))
    .filter((e) => e.meanStandardDeviation > 0)
    .sort(
      (a, b) =>
        b.meanStandardDeviation - a.meanStandardDeviation ||
        b.sessions - a.sessions ||
        a.itemKey.localeCompare(b.itemKey),
    )
    .slice(0, top)
}
