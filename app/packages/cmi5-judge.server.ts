import { prisma, type Db } from '#app/db.server.ts'
import type { XapiScope } from '#app/xapi/credentials.server.ts'
import { XapiError } from '#app/xapi/http.server.ts'
import type { Statement } from '#app/xapi/statement-store.server.ts'
import { settleAttempt } from './attempt-outcome.server.ts'
import type { ReportedOutcome } from './done-rule.ts'
import {
  LMS_ONLY_VERBS,
  hasCmi5Category,
  recordLmsStatement,
  registrationStatements,
  sessionIdOf,
  verbName,
} from './cmi5-statements.server.ts'

/**
 * The LMS's judgement of an AU's statements (cmi5 spec 9.3, 10): what the AU may say and
 * when, and what it means for the learner. A batch is judged as a whole before anything is
 * stored, so a refused statement stores none of its batch.
 */
type RegistrationState = {
  /** This launch's session. */
  initialized: boolean
  ended: boolean
  completed: boolean
  passed: boolean
  failed: boolean
  satisfied: boolean
  /** The last score a passed/failed statement reported, in percent. */
  score: number | null
}

async function stateOf(scope: XapiScope, db: Db = prisma): Promise<RegistrationState> {
  const state: RegistrationState = {
    initialized: false,
    ended: false,
    completed: false,
    passed: false,
    failed: false,
    satisfied: false,
    score: null,
  }
  for (const statement of await registrationStatements(scope.userId, scope.registration, db)) {
    apply(state, statement, sessionIdOf(statement) === scope.launchId)
  }
  return state
}

function apply(state: RegistrationState, statement: Statement, thisSession: boolean) {
  const verb = verbName((statement.verb as { id: string }).id)
  const scaled = (statement.result as { score?: { scaled?: unknown } } | undefined)?.score?.scaled
  switch (verb) {
    case 'initialized':
      if (thisSession) state.initialized = true
      break
    case 'terminated':
    case 'abandoned':
      if (thisSession) state.ended = true
      break
    case 'completed':
      state.completed = true
      break
    case 'passed':
    case 'failed':
      state[verb] = true
      if (typeof scaled === 'number') state.score = Math.round(scaled * 100)
      break
    case 'satisfied':
      state.satisfied = true
      break
  }
}

const refuse = (message: string) => new XapiError(403, message)
const invalid = (message: string) => new XapiError(400, message)

/**
 * Throws (403/400) when an AU's batch breaks a cmi5 rule; returns what it changes. Called in
 * the transaction that stores the batch, after it locked the attempt (statements.server.ts),
 * so two batches of one registration are judged one after the other.
 */
export async function judgeStatements(scope: XapiScope, statements: Statement[], db: Db) {
  const state = await stateOf(scope, db)
  let judged = false
  let terminated = false
  for (const statement of statements) {
    const verbIri = (statement.verb as { id: string }).id
    if (LMS_ONLY_VERBS.includes(verbIri))
      throw refuse(`Verb ${verbIri} is reserved for the LMS (cmi5 9.3)`)
    if (state.ended) throw refuse('This session has been terminated: no more statements')
    const verb = verbName(verbIri)
    const defined = verb !== null && hasCmi5Category(statement)
    if (!state.initialized && !(defined && verb === 'initialized'))
      throw refuse('The first statement of a session must be "initialized" (cmi5 9.3.2)')
    if (!defined) continue
    if ((statement.object as { id?: string }).id !== scope.activityId)
      throw refuse('A cmi5 defined statement must have the AU as its object')
    if (sessionIdOf(statement) !== scope.launchId)
      throw refuse('A cmi5 defined statement must carry the session id of its launch')
    const result = (statement.result ?? {}) as {
      completion?: boolean
      success?: boolean
      score?: { scaled?: number }
    }
    const scaled = result.score?.scaled
    switch (verb) {
      case 'initialized':
        if (state.initialized) throw refuse('"initialized" may be sent once per session')
        state.initialized = true
        break
      case 'completed':
        if (state.completed) throw refuse('"completed" may be sent once per registration')
        if (result.completion !== true) throw invalid('"completed" needs result.completion true')
        state.completed = true
        judged = true
        break
      case 'passed':
        if (state.passed) throw refuse('"passed" may be sent once per registration')
        if (result.success !== true) throw invalid('"passed" needs result.success true')
        if (
          scope.masteryScore !== null &&
          !(typeof scaled === 'number' && scaled >= scope.masteryScore)
        )
          throw invalid('"passed" needs a scaled score of at least the mastery score')
        state.passed = true
        judged = true
        break
      case 'failed':
        if (state.passed) throw refuse('"failed" after "passed" in the same registration')
        if (result.success !== false) throw invalid('"failed" needs result.success false')
        if (
          scope.masteryScore !== null &&
          typeof scaled === 'number' &&
          scaled >= scope.masteryScore
        )
          throw invalid('"failed" with a scaled score at or above the mastery score')
        state.failed = true
        judged = true
        break
      case 'terminated':
        state.ended = true
        terminated = true
        break
    }
  }
  return { judged, terminated }
}

export function moveOnMet(moveOn: string, state: { completed: boolean; passed: boolean }) {
  switch (moveOn) {
    case 'Completed':
      return state.completed
    case 'Passed':
      return state.passed
    case 'CompletedAndPassed':
      return state.completed && state.passed
    case 'CompletedOrPassed':
      return state.completed || state.passed
    default:
      return true // NotApplicable
  }
}

/**
 * After an AU's statements are stored: tell the attempt what the AU reported (the trainer's
 * done rule may complete the lesson), issue `satisfied` once the AU's moveOn is met, and end
 * the attempt on `terminated`.
 */
export async function settleCmi5(
  scope: XapiScope,
  change: { judged: boolean; terminated: boolean },
) {
  if (!change.judged && !change.terminated) return
  const state = await stateOf(scope)
  const outcome: ReportedOutcome = {
    completion: state.completed ? 'completed' : 'incomplete',
    success: state.passed ? 'passed' : state.failed ? 'failed' : 'unknown',
    score: state.score,
  }
  if (!state.satisfied && moveOnMet(scope.moveOn, state))
    await recordLmsStatement(scope, 'satisfied')
  await settleAttempt(scope.attemptId, outcome, { ended: change.terminated })
}
