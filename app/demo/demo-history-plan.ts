/**
 * Half a year of a demo learner's learning, planned before it is recorded: which lessons and
 * quizzes they take, which work processes they hand evidence in for and which an assessor
 * signs off, and when. Pure and seeded, so every fresh demo tells the same story.
 */

export const HISTORY_WEEKS = 26
const DAY = 86400_000
const WEEK = 7 * DAY

/** How far a learner got: work processes per highest step, active from `start` to `stop`. */
export type LearnerProfile = {
  /** Weeks ago of the first and of the last activity (a stalled learner stops early). */
  start: number
  stop: number
  competent?: number
  demonstrated?: number
  knowledge?: number
  learning?: number
  /** Work processes (or whole core tasks, `TL-K4`) this learner leaves alone. */
  avoid?: string[]
}

/** A work process with its knowledge lessons in course order. */
export type PlannedWorkProcess = {
  code: string
  reading: string[]
  quizzes: string[]
}

export type HistoryAction =
  | { kind: 'lesson'; at: Date; code: string; lessonKey: string }
  | { kind: 'quiz'; at: Date; code: string; lessonKey: string; score: number }
  | { kind: 'evidence'; at: Date; code: string }
  | { kind: 'signOff'; at: Date; code: string }

/** mulberry32: small, seeded, good enough to vary demo histories. */
export function generator(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A stable seed from a text (the learner's e-mail address). */
export function seedOf(text: string) {
  let h = 2166136261
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619)
  return h >>> 0
}

const coreTaskOf = (code: string) => code.replace(/-W\d+$/, '')

/** A working-day moment around 10:00-16:00 UTC, `weeksAgo` before `now`, never in the future. */
function moment(now: Date, weeksAgo: number, random: () => number) {
  const at = new Date(+now - weeksAgo * WEEK)
  // Contact-center training happens on weekdays.
  while (at.getUTCDay() === 0 || at.getUTCDay() === 6) at.setTime(+at - DAY)
  at.setUTCHours(8 + Math.floor(random() * 7), Math.floor(random() * 60), 0, 0)
  return at > now ? new Date(+now - 3600_000) : at
}

/**
 * The actions of one learner, oldest first. Core tasks are taken in a per-learner order (teams
 * follow different courses first), work processes within one in the dossier's order; the
 * first ones touched go furthest: competent, then demonstrated, knowledge complete and, last,
 * just started. Some quizzes are failed once before they are passed.
 */
export function planHistory(
  profile: LearnerProfile,
  workProcesses: PlannedWorkProcess[],
  random: () => number,
  now: Date,
): HistoryAction[] {
  const avoid = profile.avoid ?? []
  const open = workProcesses.filter(
    (w) => !avoid.includes(w.code) && !avoid.includes(coreTaskOf(w.code)) && w.reading.length,
  )
  const coreTasks = [...new Set(open.map((w) => coreTaskOf(w.code)))]
  const first = Math.floor(random() * coreTasks.length)
  const order = [...coreTasks.slice(first), ...coreTasks.slice(0, first)].flatMap((c) =>
    open.filter((w) => coreTaskOf(w.code) === c),
  )
  const targets = [
    ...Array<number>(profile.competent ?? 0).fill(4),
    ...Array<number>(profile.demonstrated ?? 0).fill(3),
    ...Array<number>(profile.knowledge ?? 0).fill(2),
    ...Array<number>(profile.learning ?? 0).fill(1),
  ].slice(0, order.length)
  const span = Math.max(profile.start - profile.stop, 0.5)
  const actions: HistoryAction[] = []
  targets.forEach((step, i) => {
    const seq: HistoryAction[] = []
    const w = order[i]!
    // The first work process starts at `start`, the last at `stop`, the others in between.
    let weeksAgo = profile.start - (span * i) / Math.max(targets.length - 1, 1)
    const next = () => {
      const at = moment(now, weeksAgo, random)
      weeksAgo = Math.max(profile.stop, weeksAgo - (1 + random() * 3) / 7)
      return at
    }
    const reading = step === 1 ? w.reading.slice(0, 1) : w.reading
    for (const lessonKey of reading)
      seq.push({ kind: 'lesson', at: next(), code: w.code, lessonKey })
    for (const lessonKey of step === 1 ? [] : w.quizzes) {
      if (random() < 0.15)
        seq.push({ kind: 'quiz', at: next(), code: w.code, lessonKey, score: 50 })
      const score = 75 + 5 * Math.floor(random() * 6)
      seq.push({ kind: 'quiz', at: next(), code: w.code, lessonKey, score })
    }
    if (step >= 3) {
      // Practising at work takes weeks before the evidence is handed in, and again before
      // an assessor has seen enough to sign off.
      const evidenceAgo = Math.max(profile.stop, weeksAgo - 2 - random() * 2)
      seq.push({ kind: 'evidence', at: moment(now, evidenceAgo, random), code: w.code })
      if (step === 4) {
        const signedAgo = Math.max(profile.stop * 0.5, evidenceAgo - 1 - random())
        seq.push({ kind: 'signOff', at: moment(now, signedAgo, random), code: w.code })
      }
    }
    // Weekends moved to Fridays can swap two moments: within a work process, order is kept.
    seq.forEach((a, j) => {
      const before = seq[j - 1]?.at
      if (before && a.at <= before) a.at = new Date(+before + 60_000)
    })
    actions.push(...seq)
  })
  return actions.sort((a, b) => +a.at - +b.at)
}
