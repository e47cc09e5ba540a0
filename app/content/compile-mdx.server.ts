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

export type CompileOptions = {
  /** Written in the browser: compiled in the safe subset (see `remarkLesson`). */
  safe?: boolean
}

/** The cache key of a compiled lesson: its source and the compiler (and mode) that made it. */
export function compileHash(source: string, options: CompileOptions = {}): string {
  // The mode sits before the separator, so no trusted compile can answer a safe lookup.
  const compiler = options.safe ? `${COMPILER_VERSION}/safe` : COMPILER_VERSION
  return createHash('sha256').update(compiler).update('\0').update(source).digest('hex')
}

let queue: Promise<unknown> = Promise.resolve()

export function compileLesson(
  source: string,
  cwd: string,
  options: CompileOptions = {},
): Promise<CompileResult> {
  const run = queue.then(() => compileNow(source, cwd, options))
  queue = run.catch(() => undefined)
  return run
}

/**
 * The word after the opening `---` that makes gray-matter (inside mdx-bundler) pick another
 * front matter parser than YAML: `---js` is run through eval(), an unknown one throws.
 */
const frontMatterLanguage = (source: string) =>
  /^\uFEFF?---([^-\n][^\n]*)/.exec(source)?.[1]?.trim() ?? ''

async function compileNow(
  source: string,
  cwd: string,
  { safe = false }: CompileOptions,
): Promise<CompileResult> {
  const analysis = emptyAnalysis()
  const language = frontMatterLanguage(source)
  if (safe && language !== '') {
    return {
      ok: false,
      line: 1,
      col: 1,
      message: `front matter must be YAML, opened by a plain ---; "---${language}" is not allowed in lessons written in the browser`,
    }
  }
  try {
    const { code } = await bundleMDX({
      source,
      cwd: path.resolve(cwd),
      // A second guard, should gray-matter ever read a language the check above missed.
      grayMatterOptions: (options) =>
        safe ? { ...options, engines: { javascript: refuseJavaScript(analysis) } } : options,
      mdxOptions(options) {
        // GitHub-flavoured Markdown for tables; then our lesson pass.
        options.remarkPlugins = [
          ...(options.remarkPlugins ?? []),
          remarkGfm,
          remarkLesson(analysis, { safe }),
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
    if (!first) return notBundled(error)
    // esbuild wraps MDX's message ("8:14: Could not parse…"); keep MDX's own position and text.
    const inner = first.text.match(/(\d+):(\d+): ([^\n]+)/)
    // An unclosed tag is reported at 1:1, with the tag's own place at the end: "(5:1-5:28)".
    const [, line, col] = inner?.[3]?.match(/\((\d+):(\d+)-\d+:\d+\)$/) ?? inner ?? []
    return inner
      ? { ok: false, line: Number(line), col: Number(col), message: `MDX: ${inner[3]}` }
      : {
          ok: false,
          line: Math.max(1, first.location?.line ?? 1),
          col: (first.location?.column ?? 0) + 1,
          // "Cannot process MDX file with esbuild:" says why on its next line.
          message: `MDX: ${first.text
            .split('\n')
            .slice(0, 2)
            .map((l) => l.trim())
            .join(' ')}`,
        }
  }
}

/**
 * A failure outside esbuild, such as gray-matter's YAML parser refusing a tag: a problem
 * with the lesson, never a crash of whoever asked for the compile.
 */
function notBundled(error: unknown): CompileResult {
  const mark = (error as { mark?: { line: number; column: number } }).mark
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error)
  return {
    ok: false,
    line: (mark?.line ?? 0) + 1,
    col: (mark?.column ?? 0) + 1,
    message: mark ? `YAML: ${message.replace(/ at line .*$/, '')}` : `MDX: ${message}`,
  }
}

/** Stands in for gray-matter's JavaScript front matter parser, which would eval() the block. */
const refuseJavaScript = (analysis: LessonAnalysis) => () => {
  analysis.problems.push({
    line: 1,
    col: 1,
    message: 'JavaScript front matter is not allowed in lessons written in the browser',
  })
  return {}
}
