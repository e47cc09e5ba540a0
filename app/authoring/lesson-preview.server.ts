import os from 'node:os'
import { compileHash, compileLesson } from '#app/content/compile-mdx.server.ts'

/**
 * The editor's preview: the lesson text compiled by the real pipeline in the browser's safe
 * mode, so what the preview shows (or refuses) is what publishing will. The answer key comes
 * back separately, for the trainer's eyes only.
 */
export async function previewLesson(body: string) {
  const result = await compileLesson(body, os.tmpdir(), { safe: true })
  if (!result.ok) {
    return {
      ok: false as const,
      problems: [{ line: result.line, col: result.col, message: result.message }],
    }
  }
  if (result.analysis.problems.length > 0) {
    return { ok: false as const, problems: result.analysis.problems }
  }
  return {
    ok: true as const,
    hash: compileHash(body, { safe: true }),
    code: result.code,
    quiz: result.analysis.quiz,
  }
}
