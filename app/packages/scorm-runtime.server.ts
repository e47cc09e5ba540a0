import { prisma } from '#app/db.server.ts'
import { settleAttempt } from './attempt-outcome.server.ts'
import { commitUrl, RUNTIME_FOLDER, PACKAGE_CONTENT_PREFIX } from './content-policy.ts'
import type { Completion, ReportedOutcome, Success } from './done-rule.ts'
import type { LaunchedPackage } from './package-content.server.ts'

/**
 * The SCORM runtime (decision 031). The SCO runs in an opaque origin and cannot reach an API
 * object in our page, so every HTML page of a SCORM package gets scorm-again's API
 * (window.API for 1.2, window.API_1484_11 for 2004) injected, loaded with the attempt's saved
 * CMI data. It commits to /package-content/<token>/__runtime/commit, which stores the data on
 * the attempt (resume on any device) and settles the attempt's outcome.
 */

export type ScormStandard = 'scorm12' | 'scorm2004'
export const isScorm = (standard: string): standard is ScormStandard =>
  standard === 'scorm12' || standard === 'scorm2004'

/** A commit bigger than this is refused: suspend_data of 1.2 is 4 KB, 2004's 64 KB. */
export const MAX_COMMIT_BYTES = 96 * 1024

/** The CMI elements each version has (the children of `cmi` in scorm-again's JSON). */
const CMI_KEYS: Record<ScormStandard, ReadonlySet<string>> = {
  scorm12: new Set([
    'core',
    'suspend_data',
    'launch_data',
    'comments',
    'comments_from_lms',
    'objectives',
    'student_data',
    'student_preference',
    'interactions',
  ]),
  scorm2004: new Set([
    'comments_from_learner',
    'comments_from_lms',
    'completion_status',
    'completion_threshold',
    'credit',
    'entry',
    'exit',
    'interactions',
    'launch_data',
    'learner_id',
    'learner_name',
    'learner_preference',
    'location',
    'max_time_allowed',
    'mode',
    'objectives',
    'progress_measure',
    'scaled_passing_score',
    'score',
    'session_time',
    'success_status',
    'suspend_data',
    'time_limit_action',
    'total_time',
  ]),
}

type CmiValue = string | number | boolean | null | CmiObject
type CmiObject = { [key: string]: CmiValue }
export type Cmi = CmiObject

const KEY = /^[A-Za-z0-9_]{1,64}$/

function isCmiTree(value: unknown, depth: number): value is CmiObject {
  if (depth > 8 || typeof value !== 'object' || value === null || Array.isArray(value)) return false
  return Object.entries(value).every(
    ([key, child]) =>
      KEY.test(key) &&
      (child === null ||
        typeof child === 'string' ||
        typeof child === 'number' ||
        typeof child === 'boolean' ||
        isCmiTree(child, depth + 1)),
  )
}

/** The CMI data of a commit body ({ "cmi": { … } }, scorm-again's json format), or null. */
export function parseCommit(standard: ScormStandard, body: string): Cmi | null {
  if (Buffer.byteLength(body, 'utf8') > MAX_COMMIT_BYTES) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null
  const keys = Object.keys(parsed)
  if (keys.length !== 1 || keys[0] !== 'cmi') return null
  const cmi = (parsed as { cmi: unknown }).cmi
  if (!isCmiTree(cmi, 0)) return null
  if (!Object.keys(cmi).every((key) => CMI_KEYS[standard].has(key))) return null
  return cmi
}

const text = (value: CmiValue | undefined) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
const child = (value: CmiValue | undefined): CmiObject =>
  typeof value === 'object' && value !== null ? value : {}
const num = (value: CmiValue | undefined) => {
  const s = text(value).trim()
  if (s === '') return null
  const n = Number(s)
  return Number.isFinite(n) ? n : null
}
const percent = (value: number) => Math.round(Math.min(100, Math.max(0, value)))

/** A raw score as a percentage of its range (min 0 and max 100 when the SCO gives none). */
function rawPercent(score: CmiObject): number | null {
  const raw = num(score.raw)
  if (raw === null) return null
  const min = num(score.min) ?? 0
  const max = num(score.max) ?? 100
  return max > min ? percent(((raw - min) / (max - min)) * 100) : null
}

/**
 * What the SCO reported, in the shape the done rule reads. SCORM 1.2 has one lesson_status
 * for both: "failed" says the learner failed, not that they finished, so it does not count
 * as completed (a trainer's "completed" rule must not credit a failed test).
 */
export function scormOutcome(standard: ScormStandard, cmi: Cmi): ReportedOutcome {
  if (standard === 'scorm12') {
    const core = child(cmi.core)
    const status = text(core.lesson_status)
    const completion: Completion =
      status === 'completed' || status === 'passed'
        ? 'completed'
        : status === 'incomplete' || status === 'browsed'
          ? 'incomplete'
          : 'unknown'
    const success: Success = status === 'passed' || status === 'failed' ? status : 'unknown'
    return { completion, success, score: rawPercent(child(core.score)) }
  }
  const completionStatus = text(cmi.completion_status)
  const successStatus = text(cmi.success_status)
  const score = child(cmi.score)
  const scaled = num(score.scaled)
  return {
    completion:
      completionStatus === 'completed'
        ? 'completed'
        : completionStatus === 'incomplete' || completionStatus === 'not attempted'
          ? 'incomplete'
          : 'unknown',
    success: successStatus === 'passed' || successStatus === 'failed' ? successStatus : 'unknown',
    score: scaled !== null ? percent(scaled * 100) : rawPercent(score),
  }
}

/** Whether the SCO left to come back later (its exit was suspend). */
export function suspended(standard: ScormStandard, cmi: Cmi) {
  const exit = standard === 'scorm12' ? text(child(cmi.core).exit) : text(cmi.exit)
  return exit === 'suspend'
}

export type CommitResult = 'saved' | 'ended' | 'invalid'

/**
 * Keep one commit of a launch: the CMI data and its outcome are written in one update (the
 * last write wins), then the outcome is settled (the done rule, the ladder). A commit at
 * Finish/Terminate ends the attempt unless the SCO suspended; a commit to an attempt that
 * has ended is refused, so a late autocommit cannot reopen it.
 */
export async function saveCommit(
  launched: LaunchedPackage,
  body: string,
  options: { terminate: boolean },
): Promise<CommitResult> {
  const standard = launched.standard
  if (!isScorm(standard)) return 'invalid'
  const cmi = parseCommit(standard, body)
  if (!cmi) return 'invalid'
  const outcome = scormOutcome(standard, cmi)
  const attemptId = launched.launch.attempt.id
  const written = await prisma.packageAttempt.updateMany({
    where: { id: attemptId, endedAt: null },
    data: { cmi: JSON.stringify(cmi), ...outcome },
  })
  if (written.count === 0) return 'ended'
  const ended = options.terminate && !suspended(standard, cmi)
  await settleAttempt(attemptId, outcome, { ended })
  return 'saved'
}

/**
 * The saved CMI data as the next session starts from it: what the learner did is kept, the
 * last session's exit and time are not (write-only in SCORM), and entry says resume when
 * the last session suspended. The LMS's own fields (learner, credit, mode) are set by us.
 */
export function startingCmi(
  standard: ScormStandard,
  saved: string,
  learner: { id: string; name: string },
  masteryScore: number | null,
): Cmi {
  let cmi: Cmi = {}
  try {
    const parsed: unknown = JSON.parse(saved)
    if (isCmiTree(parsed, 0)) cmi = parsed
  } catch {
    // An unreadable saved state starts afresh.
  }
  const resume = suspended(standard, cmi) ? 'resume' : ''
  if (standard === 'scorm12') {
    const {
      exit: _exit,
      session_time: _time,
      total_time: _total,
      entry: _entry,
      ...core
    } = child(cmi.core)
    return {
      ...cmi,
      core: {
        ...core,
        student_id: learner.id,
        student_name: learner.name,
        credit: 'credit',
        lesson_mode: 'normal',
        entry: resume || (Object.keys(core).length === 0 ? 'ab-initio' : ''),
      },
      student_data: {
        ...child(cmi.student_data),
        mastery_score: masteryScore === null ? '' : String(masteryScore),
      },
    }
  }
  const { exit: _exit, session_time: _time, total_time: _total, entry: _entry, ...rest } = cmi
  return {
    ...rest,
    learner_id: learner.id,
    learner_name: learner.name,
    credit: 'credit',
    mode: 'normal',
    entry: resume || (Object.keys(rest).length === 0 ? 'ab-initio' : ''),
    ...(masteryScore === null ? {} : { scaled_passing_score: String(masteryScore / 100) }),
  }
}

/**
 * JSON safe inside an inline <script>: no "</script>" or "<!--" can end or bend it, and all
 * ASCII, so it reads the same in a page of any character set (old SCOs are often Latin-1).
 */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(
    /[<>&\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )

/**
 * The two tags that start every HTML page of a SCORM package: scorm-again, then the API
 * made from it. Commits go out as text/plain (a CORS-simple request from the opaque origin,
 * no preflight); the final commit at Finish/Terminate is a beacon (scorm-again sends it with
 * sendBeacon, so it arrives even when the page closes right after), and so is a last save
 * when the page goes away without Finish (a closed tab).
 */
export function runtimeTags(
  origin: string,
  token: string,
  standard: ScormStandard,
  cmi: Cmi,
): string {
  const base = `${PACKAGE_CONTENT_PREFIX}${token}/${RUNTIME_FOLDER}`
  const config = {
    standard,
    settings: {
      lmsCommitUrl: commitUrl(origin, token),
      autocommit: true,
      autocommitSeconds: 3,
      terminateCommitParam: 'terminate',
      commitRequestDataType: 'text/plain;charset=UTF-8',
      dataCommitFormat: 'json',
      logLevel: 4,
    },
    cmi,
  }
  const bootstrap = `(function(c){var A=c.standard==="scorm12"?window.Scorm12API:window.Scorm2004API;if(!A)return;var api=new A(c.settings);api.loadFromJSON(c.cmi);if(c.standard==="scorm12"){window.API=api}else{window.API_1484_11=api}window.addEventListener("pagehide",function(){try{if(api.isInitialized()&&!api.isTerminated()){navigator.sendBeacon(c.settings.lmsCommitUrl,new Blob([JSON.stringify(api.renderCommitCMI(true))],{type:"text/plain"}))}}catch(e){}})})(${scriptJson(config)});`
  return `<script src="${base}/${standard}.js"></script><script>${bootstrap}</script>`
}

/**
 * The page with the runtime added at the start of its <head> (or of the document). Works on
 * the bytes read as Latin-1, so a page in any ASCII-compatible character set keeps its bytes;
 * the tags are ASCII.
 */
export function injectRuntime(html: string, tags: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html)
  if (head)
    return (
      html.slice(0, head.index + head[0].length) + tags + html.slice(head.index + head[0].length)
    )
  const htmlTag = /<html(\s[^>]*)?>/i.exec(html)
  if (htmlTag) {
    const at = htmlTag.index + htmlTag[0].length
    return `${html.slice(0, at)}<head>${tags}</head>${html.slice(at)}`
  }
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html)
  const at = doctype ? doctype[0].length : 0
  return html.slice(0, at) + tags + html.slice(at)
}
