import type { Root, RootContent, Link } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visitParents } from 'unist-util-visit-parents'
import { LESSON_KIT, type QuizKey } from './lesson-kit-spec.ts'

/**
 * One pass over a lesson's syntax tree, inside the real MDX compile:
 * - checks every kit component, its place and its attributes;
 * - takes the quiz's answer key out of the lesson (the `correct` flags and <Feedback>) into
 *   `analysis.quiz`, so the compiled code a browser receives cannot reveal it;
 * - numbers questions and options, so answers are posted by position;
 * - turns `lesson:<id>` links into site URLs and records them for the link check;
 * - records the structure (component names, ids) to compare a translation with the original.
 */
export type LessonAnalysis = {
  problems: Array<{ line: number; col: number; message: string }>
  quiz: QuizKey | null
  quizCount: number
  scenarios: number
  reflections: string[]
  links: Array<{ target: string; line: number; col: number }>
  signature: string[]
  /** JavaScript in the lesson: expressions, import/export. Allowed in trusted files only. */
  scripts: Array<{ line: number; col: number; kind: string }>
}

export function emptyAnalysis(): LessonAnalysis {
  return {
    problems: [],
    quiz: null,
    quizCount: 0,
    scenarios: 0,
    reflections: [],
    links: [],
    signature: [],
    scripts: [],
  }
}

type JsxAttribute = { type: string; name?: string; value?: unknown }
type JsxNode = {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement'
  name: string | null
  attributes: JsxAttribute[]
  children: RootContent[]
  position?: { start: { line: number; column: number } }
}

const isJsx = (node: unknown): node is JsxNode =>
  typeof node === 'object' &&
  node !== null &&
  ((node as { type: string }).type === 'mdxJsxFlowElement' ||
    (node as { type: string }).type === 'mdxJsxTextElement')

function attr(node: JsxNode, name: string): string | true | undefined {
  const a = node.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name)
  if (!a) return undefined
  if (a.value === null || a.value === undefined) return true
  return typeof a.value === 'string' ? a.value : undefined
}

function setAttr(node: JsxNode, name: string, value: string) {
  node.attributes = node.attributes.filter((a) => a.name !== name)
  node.attributes.push({ type: 'mdxJsxAttribute', name, value })
}

export function remarkLesson(
  analysis: LessonAnalysis,
  options: { localComponents?: Set<string> } = {},
) {
  return () => (tree: Root) => {
    const problem = (
      node: { position?: { start: { line: number; column: number } } } | undefined,
      message: string,
    ) =>
      analysis.problems.push({
        line: node?.position?.start.line ?? 1,
        col: node?.position?.start.column ?? 1,
        message,
      })

    // Quizzes are rewritten after the walk, so their parts are checked as the author wrote them.
    const quizzes: JsxNode[] = []
    visitParents(tree, (raw, ancestors) => {
      // mdast's types do not know MDX's JSX nodes: look at them through our own type.
      const node: unknown = raw
      // The nearest enclosing component (inline ones sit inside a paragraph).
      const parent: unknown = [...(ancestors as unknown[])].reverse().find(isJsx)
      const type = (node as { type: string }).type
      const p = (node as { position?: JsxNode['position'] }).position?.start
      // Nodes without a position were generated (e.g. the frontmatter export), not written.
      if (
        p &&
        (type === 'mdxFlowExpression' || type === 'mdxTextExpression' || type === 'mdxjsEsm')
      ) {
        analysis.scripts.push({
          line: p.line,
          col: p.column,
          kind: type === 'mdxjsEsm' ? 'import/export' : 'expression',
        })
      }
      if (type === 'link') {
        const link = raw as Link
        if (link.url.startsWith('lesson:')) {
          const target = link.url.slice('lesson:'.length)
          analysis.links.push({
            target,
            line: link.position?.start.line ?? 1,
            col: link.position?.start.column ?? 1,
          })
          link.url = `/lessons/${encodeURIComponent(target)}`
        }
      }
      if (!isJsx(node)) return
      const name = node.name ?? ''
      for (const a of node.attributes) {
        if (a.type !== 'mdxJsxAttribute') continue
        if (a.value !== null && a.value !== undefined && typeof a.value !== 'string') {
          analysis.scripts.push({
            line: node.position?.start.line ?? 1,
            col: node.position?.start.column ?? 1,
            kind: 'expression',
          })
        }
      }
      const spec = LESSON_KIT[name]
      if (!spec) {
        if (/^[A-Z]/.test(name) && !options.localComponents?.has(name)) {
          problem(
            node,
            `unknown component <${name}>; the kit has ${Object.keys(LESSON_KIT).join(', ')}`,
          )
        }
        return
      }
      analysis.signature.push(
        name === 'Step' || name === 'Ending' || name === 'Reflection' || name === 'Checklist'
          ? `${name}#${String(attr(node, 'id') ?? '')}`
          : name === 'Option'
            ? `Option${attr(node, 'correct') === true ? '*' : ''}`
            : name,
      )
      if (spec.parent) {
        const parentName = isJsx(parent) ? parent.name : null
        if (parentName !== spec.parent) problem(node, `<${name}> belongs inside <${spec.parent}>`)
      }
      for (const a of node.attributes) {
        if (a.type === 'mdxJsxAttribute' && a.name && !(a.name in spec.attributes)) {
          problem(node, `<${name}> has no attribute "${a.name}"`)
        }
      }
      for (const [attrName, rule] of Object.entries(spec.attributes)) {
        const value = attr(node, attrName)
        if (rule.required && (value === undefined || value === true || value === '')) {
          problem(node, `<${name}> needs ${attrName}="…"`)
        } else if (rule.values && typeof value === 'string' && !rule.values.includes(value)) {
          problem(node, `<${name}> ${attrName}="${value}" must be one of ${rule.values.join(', ')}`)
        }
      }
      if (name === 'Quiz') quizzes.push(node)
      if (name === 'Scenario') analyseScenario(node, analysis, problem)
      if (name === 'Reflection') {
        const id = attr(node, 'id')
        if (typeof id === 'string') {
          if (analysis.reflections.includes(id)) problem(node, `duplicate reflection id "${id}"`)
          analysis.reflections.push(id)
        }
      }
    })
    for (const quiz of quizzes) analyseQuiz(quiz, analysis, problem)
  }
}

type Problem = (node: JsxNode | undefined, message: string) => void
/** Child components of a name, also those MDX wrapped in a paragraph (inline elements). */
const jsxChildren = (node: JsxNode, name: string): JsxNode[] =>
  (node.children as unknown[])
    .flatMap((c) =>
      (c as { type: string }).type === 'paragraph' ? ((c as JsxNode).children as unknown[]) : [c],
    )
    .filter((c): c is JsxNode => isJsx(c) && c.name === name)

function analyseQuiz(quiz: JsxNode, analysis: LessonAnalysis, problem: Problem) {
  analysis.quizCount++
  if (analysis.quizCount > 1) return problem(quiz, 'a lesson has at most one <Quiz>')
  const passMark = Number(attr(quiz, 'passMark'))
  if (!Number.isInteger(passMark) || passMark < 0 || passMark > 100) {
    problem(quiz, 'passMark must be a whole percentage from 0 to 100')
  }
  const questions = jsxChildren(quiz, 'Question')
  const key: QuizKey = { passMark, questions: [] }
  questions.forEach((question, q) => {
    setAttr(question, 'index', String(q))
    const options = jsxChildren(question, 'Option')
    const correct: number[] = []
    options.forEach((option, o) => {
      if (attr(option, 'correct') === true) correct.push(o)
      option.attributes = option.attributes.filter((a) => a.name !== 'correct')
      setAttr(option, 'index', String(o))
    })
    const type = attr(question, 'type') === 'multiple' ? 'multiple' : 'single'
    if (options.length < 2 || options.length > 6) problem(question, 'a question has 2 to 6 options')
    if (type === 'single' && correct.length !== 1)
      problem(question, 'a single-choice question has exactly one correct option')
    if (type === 'multiple' && correct.length < 1)
      problem(question, 'a multiple-choice question has at least one correct option')
    const feedback = jsxChildren(question, 'Feedback')
    key.questions.push({
      type,
      options: options.length,
      correct,
      feedback: feedback
        .map((f) => toString(f as unknown as Root))
        .join('\n')
        .trim(),
    })
    // The feedback goes with the key: it would give the answers away.
    removeComponents(question, 'Feedback')
  })
  if (questions.length === 0) problem(quiz, 'a quiz needs questions')
  analysis.quiz = key
}

function analyseScenario(scenario: JsxNode, analysis: LessonAnalysis, problem: Problem) {
  analysis.scenarios++
  const steps = jsxChildren(scenario, 'Step')
  const endings = jsxChildren(scenario, 'Ending')
  const ids = new Map<string, JsxNode>()
  for (const node of [...steps, ...endings]) {
    const id = attr(node, 'id')
    if (typeof id !== 'string') continue
    if (ids.has(id)) problem(node, `duplicate step id "${id}"`)
    ids.set(id, node)
  }
  const start = attr(scenario, 'start')
  if (typeof start === 'string' && !ids.has(start))
    problem(scenario, `start="${start}" is not a step`)
  const edges = new Map<string, string[]>()
  for (const step of steps) {
    const choices = jsxChildren(step, 'Choice')
    if (choices.length === 0) problem(step, 'a step needs at least one <Choice>')
    const targets: string[] = []
    for (const choice of choices) {
      const to = attr(choice, 'to')
      if (typeof to === 'string' && !ids.has(to))
        problem(choice, `to="${to}" is not a step or ending`)
      if (typeof to === 'string') targets.push(to)
    }
    edges.set(String(attr(step, 'id')), targets)
  }
  if (endings.length === 0) problem(scenario, 'a scenario needs at least one <Ending>')
  if (typeof start === 'string' && ids.has(start)) {
    const seen = new Set([start])
    const queue = [start]
    while (queue.length > 0) {
      for (const next of edges.get(queue.shift()!) ?? []) {
        if (seen.has(next)) continue
        seen.add(next)
        queue.push(next)
      }
    }
    for (const [id, node] of ids) {
      if (!seen.has(id)) problem(node, `step "${id}" cannot be reached from start`)
    }
  }
}

/** Remove child components of a name, also from inside paragraphs. */
function removeComponents(node: JsxNode, name: string) {
  const keep = (c: unknown) => !(isJsx(c) && c.name === name)
  node.children = (node.children as unknown[]).filter(keep) as RootContent[]
  for (const child of node.children as unknown[]) {
    if ((child as { type: string }).type === 'paragraph') {
      const paragraph = child as { children: unknown[] }
      paragraph.children = paragraph.children.filter(keep)
    }
  }
}
