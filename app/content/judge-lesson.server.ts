import os from 'node:os'
import { z } from 'zod'
import { compileHash } from './compile-mdx.server.ts'
import { lessonBody, lessonFrontmatter } from './course-files.server.ts'
import { lessonLimitProblems } from './lesson-limits.ts'
import { compileInWorker } from './lesson-workers.server.ts'
import type { LessonAnalysis } from './remark-lesson.server.ts'
import { parseYaml } from './yaml-file.server.ts'

/**
 * The one judgement of a lesson file, used by the preview, saving, publishing (through
 * `checkCourses`) and importing, so they cannot disagree. In order: the limits (size, lines,
 * nesting), plain YAML in the front matter, then the real compile with the kit and safe-subset
 * checks on a worker thread with a deadline. It never throws for anything in the text: every
 * outcome is a list of problems with a line and column in the file.
 */
export type LessonProblem = { line: number; col: number; message: string }
export type Judgement =
  | { ok: true; hash: string; code: string; analysis: LessonAnalysis }
  | {
      ok: false
      hash: string
      problems: LessonProblem[]
      /** Too large, too deep or too slow to judge: no draft should keep such a text. */
      overLimit: boolean
    }

export type JudgeOptions = {
  /** Written in the browser: the safe subset (see `remarkLesson`). */
  safe: boolean
  /** The lesson's folder, for a trusted lesson's local imports. */
  cwd?: string
  deadlineMs?: number
}

/** Normal lessons compile in well under a second, even on a busy machine. */
export const JUDGE_DEADLINE_MS = 5_000

// A text that ran out of time will again: judged once per process, not at every page view.
const outOfTime = new Map<string, Judgement>()
const OUT_OF_TIME_KEPT = 100

export async function judgeLesson(source: string, options: JudgeOptions): Promise<Judgement> {
  const hash = compileHash(source, { safe: options.safe })
  const refuse = (problems: LessonProblem[], overLimit: boolean): Judgement => ({
    ok: false,
    hash,
    problems,
    overLimit,
  })
  const known = outOfTime.get(hash)
  if (known) return known

  const body = lessonBody(source)
  const bodyLine = source.slice(0, source.length - body.length).split('\n').length
  const over = lessonLimitProblems(body, bodyLine)
  if (over.length > 0) return refuse(over, true)

  const frontmatter = lessonFrontmatter(source)
  const yaml = frontmatter === null ? null : parseYaml(frontmatter, z.unknown(), '')
  if (yaml && !yaml.ok) {
    // Positions inside the front matter, which starts on the file's second line.
    return refuse(
      yaml.problems.map((p) => ({ line: p.line + 1, col: p.col, message: p.message })),
      false,
    )
  }

  const deadlineMs = options.deadlineMs ?? JUDGE_DEADLINE_MS
  const outcome = await compileInWorker(
    { source, cwd: options.cwd ?? os.tmpdir(), safe: options.safe },
    deadlineMs,
  )
  if (!outcome.done) {
    const judgement = refuse(
      [
        {
          line: bodyLine,
          col: 1,
          message:
            outcome.reason === 'deadline'
              ? `judging the lesson took longer than ${deadlineMs / 1000} seconds; nest lists, quotes, emphasis and components less deeply`
              : `the lesson could not be judged: ${outcome.detail ?? 'the compiler stopped'}`,
        },
      ],
      true,
    )
    if (outcome.reason === 'deadline') remember(hash, judgement)
    return judgement
  }
  const { result } = outcome
  if (!result.ok && result.message.includes('Maximum call stack size exceeded')) {
    const message =
      'the lesson nests too deeply to be read; nest lists, quotes, emphasis and components less deeply'
    return refuse([{ line: result.line, col: result.col, message }], true)
  }
  if (!result.ok)
    return refuse([{ line: result.line, col: result.col, message: result.message }], false)
  if (result.analysis.problems.length > 0) return refuse(result.analysis.problems, false)
  return { ok: true, hash, code: result.code, analysis: result.analysis }
}

function remember(hash: string, judgement: Judgement) {
  outOfTime.set(hash, judgement)
  if (outOfTime.size > OUT_OF_TIME_KEPT) outOfTime.delete(outOfTime.keys().next().value!)
}
