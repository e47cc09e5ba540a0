import {
  judgeLesson,
  type Judgement,
  type LessonProblem,
} from '#app/content/judge-lesson.server.ts'
import { mdxFile } from './course-files-export.server.ts'

/**
 * A lesson text from the editor, judged as the file publishing will write: the export's
 * layout under a front matter the trainer cannot edit, so a `---` block in the text is the
 * same Markdown here as in the published lesson. Problems point into the editor's text.
 */
export type BodyJudgement =
  Extract<Judgement, { ok: true }> | { ok: false; problems: LessonProblem[]; overLimit: boolean }

export async function judgeBody(body: string): Promise<BodyJudgement> {
  const file = mdxFile([], body)
  const judged = await judgeLesson(file, { safe: true })
  if (judged.ok) return judged
  // The front matter ends with `---` and a blank line: body line 1 is file line 4.
  const headerLines = 3
  return {
    ok: false,
    overLimit: judged.overLimit,
    problems: judged.problems.map((p) => ({
      ...p,
      line: Math.max(1, p.line - headerLines),
    })),
  }
}

/**
 * The editor's preview: the compiled lesson, or its problems. The answer key comes back
 * separately, for the trainer's eyes only.
 */
export async function previewLesson(body: string) {
  const judged = await judgeBody(body)
  if (!judged.ok) {
    return { ok: false as const, problems: judged.problems, overLimit: judged.overLimit }
  }
  return { ok: true as const, hash: judged.hash, code: judged.code, quiz: judged.analysis.quiz }
}
