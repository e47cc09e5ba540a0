/**
 * Limits a lesson text must keep before any parser sees it. The Markdown parser (micromark)
 * slows down much faster than the text grows when lists or block quotes nest deeply: a
 * 6,000-character lesson of nested lists took half a minute. These checks are linear and
 * cheap; whatever still runs long is stopped by the judge's deadline.
 */
export const MAX_LESSON_CHARS = 100_000
export const MAX_LESSON_LINES = 3_000
export const MAX_NESTING = 32

export type LimitProblem = { line: number; col: number; message: string }

/**
 * The list and block-quote markers a line opens with (`> - 1. * x`), each a level deeper.
 * A marker is followed by a space, a tab, another `>` or the end of the line, so `---`,
 * `**bold**` and `-1` are not markers.
 */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t>]|$))+/
const MARKER = />|[-*+](?=[ \t>]|$)|\d{1,9}[.)]/g
// Control characters other than tab, line feed and carriage return: invisible in the editor.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/** The problems of a lesson body over a limit; lines count from `firstLine` (the body's line in its file). */
export function lessonLimitProblems(body: string, firstLine = 1): LimitProblem[] {
  if (body.length > MAX_LESSON_CHARS) {
    return [
      {
        line: firstLine,
        col: 1,
        message: `the lesson text has ${body.length} characters; at most ${MAX_LESSON_CHARS}`,
      },
    ]
  }
  const lines = body.split('\n')
  if (lines.length > MAX_LESSON_LINES) {
    return [
      {
        line: firstLine + MAX_LESSON_LINES,
        col: 1,
        message: `the lesson text has ${lines.length} lines; at most ${MAX_LESSON_LINES}`,
      },
    ]
  }
  for (const [i, text] of lines.entries()) {
    const control = CONTROL.exec(text)
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
      return [
        {
          line: firstLine + i,
          col: control.index + 1,
          message: `the lesson text holds an invisible control character (U+${code})`,
        },
      ]
    }
    const depth = nesting(text)
    if (depth > MAX_NESTING) {
      return [
        {
          line: firstLine + i,
          col: 1,
          message: `lists and quotes nest ${depth} levels deep here; at most ${MAX_NESTING}`,
        },
      ]
    }
  }
  return []
}

/**
 * How deep a line's containers nest, estimated from its markers and its indentation (a nested
 * list item is indented under its parent, two columns or more a level). Lines without a
 * marker open nothing and count 0, so an indented code block is never refused.
 */
function nesting(line: string): number {
  const prefix = CONTAINER_PREFIX.exec(line)?.[0]
  if (!prefix) return 0
  const markers = prefix.match(MARKER)?.length ?? 0
  const indent = /^[ \t]*/.exec(prefix)![0].replace(/\t/g, '    ').length
  return markers + Math.floor(indent / 2)
}
