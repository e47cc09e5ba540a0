import fs from 'node:fs/promises'
import { LineCounter, isNode, parseDocument, type Document } from 'yaml'
import type { ZodType, ZodTypeDef } from 'zod'
import { formatPath, type ContentProblem } from './content-error.ts'

type Parsed<T> = { ok: true; data: T } | { ok: false; problems: ContentProblem[] }

/**
 * Parse a YAML file and validate it with a zod schema. Every syntax or schema problem is
 * reported with the line and column of the offending node, so `file:line:col` points at it.
 */
export async function readYamlFile<T>(
  file: string,
  schema: ZodType<T, ZodTypeDef, unknown>,
  displayName = file,
): Promise<Parsed<T>> {
  const text = await fs.readFile(file, 'utf8')
  return parseYaml(text, schema, displayName)
}

export function parseYaml<T>(
  text: string,
  schema: ZodType<T, ZodTypeDef, unknown>,
  file: string,
): Parsed<T> {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0])
        return { file, line: pos.line, col: pos.col, message: `YAML: ${firstLine(e.message)}` }
      }),
    }
  }
  const result = schema.safeParse(doc.toJS())
  if (result.success) return { ok: true, data: result.data }
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const { line, col } = locate(doc, lineCounter, issue.path)
      return { file, line, col, path: formatPath(issue.path) || undefined, message: issue.message }
    }),
  }
}

/** The position of the deepest node that exists along `path` (a missing key points at its parent). */
function locate(doc: Document, lineCounter: LineCounter, path: ReadonlyArray<PropertyKey>) {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true)
    if (isNode(node) && node.range) {
      const pos = lineCounter.linePos(node.range[0])
      return { line: pos.line, col: pos.col }
    }
  }
  return { line: 1, col: 1 }
}

function firstLine(message: string) {
  return message.split('\n')[0] ?? message
}
