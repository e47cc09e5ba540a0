import fs from 'node:fs/promises'
import { LineCounter, isAlias, isNode, parseDocument, visit, type Document } from 'yaml'
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
  const unplain = notPlain(doc, lineCounter, file)
  if (unplain.length > 0) return { ok: false, problems: unplain }
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

/**
 * Content YAML is plain data. A tag (`!!binary`, `!!js/function`, `!custom`) asks the parser
 * for a type our schemas never take, and aliases can multiply a few lines into millions of
 * values ("billion laughs"); no course or dossier file needs either, so both are refused
 * before the document is turned into data.
 */
function notPlain(doc: Document, lineCounter: LineCounter, file: string): ContentProblem[] {
  const problems: ContentProblem[] = []
  visit(doc, (_, node) => {
    const message = isAlias(node)
      ? `the alias *${node.source} is not allowed; write the value out`
      : isNode(node) && node.anchor
        ? `the anchor &${node.anchor} is not allowed; write the value out`
        : isNode(node) && node.tag
          ? `the tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed; write a plain value`
          : null
    if (!message || !isNode(node)) return
    const pos = lineCounter.linePos(node.range?.[0] ?? 0)
    problems.push({ file, line: pos.line, col: pos.col, message: `YAML: ${message}` })
    // One is enough to refuse the file; a bomb holds thousands.
    return visit.BREAK
  })
  return problems
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
