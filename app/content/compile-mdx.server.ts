import { createHash } from 'node:crypto'
import path from 'node:path'
import { bundleMDX } from 'mdx-bundler'
import remarkGfm from 'remark-gfm'
import { emptyAnalysis, remarkLesson, type LessonAnalysis } from './remark-lesson.server.ts'

/**
 * The one MDX compile: mdx-bundler with our lesson plugin. Compiles run one at a time (esbuild
 * is already parallel inside, and lessons compile at import, never per request).
 */
export const COMPILER_VERSION = 'mdx-bundler-10.1.1/gfm-4/lesson-kit-1'

export type CompileResult =
  | { ok: true; code: string; analysis: LessonAnalysis }
  | { ok: false; line: number; col: number; message: string }

/** The cache key of a compiled lesson: its source and the compiler that made it. */
export function compileHash(source: string): string {
  return createHash('sha256').update(COMPILER_VERSION).update('\0').update(source).digest('hex')
}

let queue: Promise<unknown> = Promise.resolve()

export function compileLesson(source: string, cwd: string): Promise<CompileResult> {
  const run = queue.then(() => compileNow(source, cwd))
  queue = run.catch(() => undefined)
  return run
}

async function compileNow(source: string, cwd: string): Promise<CompileResult> {
  const analysis = emptyAnalysis()
  try {
    const { code } = await bundleMDX({
      source,
      cwd: path.resolve(cwd),
      mdxOptions(options) {
        // GitHub-flavoured Markdown for tables; then our lesson pass.
        options.remarkPlugins = [
          ...(options.remarkPlugins ?? []),
          remarkGfm,
          remarkLesson(analysis),
        ]
        return options
      },
      esbuildOptions(options) {
        options.logLevel = 'silent'
        options.minify = true
        return options
      },
    })
    return { ok: true, code, analysis }
  } catch (error) {
    const first = (
      error as { errors?: Array<{ text: string; location?: { line: number; column: number } }> }
    ).errors?.[0]
    if (!first) throw error
    // esbuild wraps MDX's message ("8:14: Could not parse…"); keep MDX's own position and text.
    const inner = first.text.match(/(\d+):(\d+): ([^\n]+)/)
    return inner
      ? { ok: false, line: Number(inner[1]), col: Number(inner[2]), message: `MDX: ${inner[3]}` }
      : {
          ok: false,
          line: first.location?.line ?? 1,
          col: (first.location?.column ?? 0) + 1,
          message: `MDX: ${first.text.split('\n')[0]}`,
        }
  }
}
