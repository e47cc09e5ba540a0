import type { Translate } from '#app/i18n/i18n.ts'
import { STEP_LABEL } from '#app/i18n/labels.ts'
import { LADDER, TOP_STEP } from '#app/domain/progress-rules.ts'

/**
 * The score a platform's gradebook gets for a learner on a link (Assignment and Grade
 * Services 2.0, the Score publish service), worked out from our own progress: pure, so the
 * rules for each kind of target sit together and read like the spec's vocabulary.
 */
export type ActivityProgress = 'Initialized' | 'Started' | 'InProgress' | 'Completed'
export type GradingProgress = 'FullyGraded' | 'Pending'

export type LtiScore = {
  scoreGiven: number
  scoreMaximum: number
  activityProgress: ActivityProgress
  gradingProgress: GradingProgress
  /** Shown to the teacher in the gradebook: Dutch, the platforms' teachers are Dutch. */
  comment: string
}

function score(
  given: number,
  maximum: number,
  started: boolean,
  done: boolean,
  comment: string,
): LtiScore {
  return {
    scoreGiven: given,
    scoreMaximum: maximum,
    activityProgress: done ? 'Completed' : started ? 'InProgress' : 'Initialized',
    gradingProgress: done ? 'FullyGraded' : 'Pending',
    comment,
  }
}

/** A reading lesson, scenario or assignment: done or not. */
export function lessonScore(t: Translate, completed: boolean): LtiScore {
  const comment = t(completed ? 'ltiServices.comment.lessonDone' : 'ltiServices.comment.lessonOpen')
  return score(completed ? 1 : 0, 1, completed, completed, comment)
}

/** A quiz: the best attempt's percentage; complete once passed. */
export function quizScore(t: Translate, best: number | null, passed: boolean): LtiScore {
  const comment =
    best === null
      ? t('ltiServices.comment.quizNone')
      : t(passed ? 'ltiServices.comment.quizPassed' : 'ltiServices.comment.quizOpen', {
          score: best,
        })
  return score(best ?? 0, 100, best !== null, passed, comment)
}

/** A course: the lessons of its current version that are completed. */
export function courseScore(t: Translate, done: number, total: number): LtiScore {
  const comment = t('ltiServices.comment.course', { done, total })
  return score(done, Math.max(total, 1), done > 0, total > 0 && done >= total, comment)
}

/** A work process: the ladder step reached, out of the top step. */
export function workProcessScore(t: Translate, step: number): LtiScore {
  const rung = LADDER[Math.min(Math.max(step, 0), TOP_STEP)]!
  const comment = t('ltiServices.comment.workProcess', {
    step: rung.step,
    top: TOP_STEP,
    label: t(STEP_LABEL[rung.key]),
  })
  return score(rung.step, TOP_STEP, rung.step > 0, rung.step === TOP_STEP, comment)
}

/** A line item's score endpoint: `/scores` after its path, its query string kept (AGS §3.4). */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl)
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/scores`
  return url.href
}

/** What the platform accepted last is what we would send now: nothing to post. */
export function sameAsSent(
  sent: { scoreGiven: number | null; scoreMaximum: number | null; activityProgress: string | null },
  next: LtiScore,
) {
  return (
    sent.scoreGiven === next.scoreGiven &&
    sent.scoreMaximum === next.scoreMaximum &&
    sent.activityProgress === next.activityProgress
  )
}
