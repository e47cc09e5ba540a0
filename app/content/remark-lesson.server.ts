import type { Definition, Image, Link, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { SKIP, visitParents } from 'unist-util-visit-parents'
import { LESSON_KIT, parseRevealAfter, type QuizKey } from './lesson-kit-spec.ts'

/**
 * One pass over a lesson's syntax tree, inside the real MDX compile:
 * - checks every kit component, its place and its attributes;
 * - takes the quiz's answer key out of the lesson (the `correct` flags and <Feedback>) into
 *   `analysis.quiz`, so the compiled code a browser receives cannot reveal it;
 * - numbers questions and options, so answers are posted by position;
 * - turns `lesson:<id>` links into site URLs and records them for the link check;
 * - records the structure (component names, ids) to compare a translation with the original;
 * - in safe mode (lessons written in the browser) rejects JavaScript, HTML, non-kit elements and
 *   unsafe URLs, and cuts them out of the tree so none of it reaches the bundle.
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

type Position = { start: { line: number; column: number } }
type JsxAttribute = { type: string; name?: string; value?: unknown; position?: Position }
type JsxNode = {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement'
  name: string | null
  attributes: JsxAttribute[]
  children: RootContent[]
  position?: Position
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

export type LessonOptions = {
  localComponents?: Set<string>
  /** Written in the browser, not reviewed in git: only Markdown, the kit and safe URLs. */
  safe?: boolean
}

const IN_BROWSER = 'in lessons written in the browser'
/** URL schemes a safe lesson may use; anything else with a scheme (javascript:, data:, …) is refused. */
const SAFE_SCHEMES = ['http', 'https', 'mailto', 'tel', 'lesson']

/** The scheme of a URL that is not allowed in safe mode, or null when the URL is safe. */
function unsafeScheme(url: string): string | null {
  // Browsers ignore tabs, newlines and control characters in a scheme ("java\tscript:");
  // dropping every invisible character before looking errs on the safe side.
  const visible = url.replace(/[\s\p{Cc}\p{Cf}]/gu, '')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(visible)?.[1]?.toLowerCase()
  return scheme && !SAFE_SCHEMES.includes(scheme) ? scheme : null
}

const unknownComponent = (name: string) =>
  `unknown component <${name}>; the kit has ${Object.keys(LESSON_KIT).join(', ')}`

/** Why a JSX element outside the kit may not be in a safe lesson. */
function notInKit(name: string | null): string {
  if (name === null) return `fragments <>…</> are not allowed ${IN_BROWSER}`
  if (/^[A-Z]/.test(name)) return unknownComponent(name)
  return `HTML element <${name}> is not allowed ${IN_BROWSER}; format with Markdown or a kit component`
}

function unknownAttribute(component: string, name: string): string {
  const message = `<${component}> has no attribute "${name}"`
  if (/^on/i.test(name)) return `${message}: event handlers are not allowed in lessons`
  if (name === 'dangerouslySetInnerHTML') return `${message}: raw HTML is not allowed in lessons`
  return message
}

const isExpressionValue = (a: JsxAttribute) =>
  a.value !== null && a.value !== undefined && typeof a.value !== 'string'

/** Take a node out of its parent during the walk; the walk goes on with the next sibling. */
function cut(node: unknown, ancestors: unknown[]): [typeof SKIP, number] {
  const parent = ancestors[ancestors.length - 1] as { children: unknown[] }
  const index = parent.children.indexOf(node)
  parent.children.splice(index, 1)
  return [SKIP, index]
}

export function remarkLesson(analysis: LessonAnalysis, options: LessonOptions = {}) {
  return () => (tree: Root) => {
    const problem = (node: { position?: Position } | undefined, message: string) =>
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
      const p = (node as { position?: Position }).position?.start
      // Nodes without a position were generated (e.g. the frontmatter export), not written.
      if (
        p &&
        (type === 'mdxFlowExpression' || type === 'mdxTextExpression' || type === 'mdxjsEsm')
      ) {
        const esm = type === 'mdxjsEsm'
        analysis.scripts.push({
          line: p.line,
          col: p.column,
          kind: esm ? 'import/export' : 'expression',
        })
        if (options.safe) {
          problem(
            raw,
            esm
              ? `import/export is not allowed ${IN_BROWSER}`
              : `JavaScript in {…} (also a {/* comment */}) is not allowed ${IN_BROWSER}`,
          )
          return cut(raw, ancestors)
        }
      }
      if (options.safe && (type === 'link' || type === 'image' || type === 'definition')) {
        const resource = raw as Link | Image | Definition
        const scheme = unsafeScheme(resource.url)
        if (scheme) {
          const what = {
            link: 'a link to',
            image: 'an image from',
            definition: 'a link definition to',
          }[resource.type]
          problem(
            resource,
            `${what} "${scheme}:" is not allowed ${IN_BROWSER}; use http:, https:, mailto:, tel:, lesson: or a relative address`,
          )
          resource.url = ''
        }
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
        if (a.type === 'mdxJsxExpressionAttribute' || isExpressionValue(a)) {
          analysis.scripts.push({
            line: node.position?.start.line ?? 1,
            col: node.position?.start.column ?? 1,
            kind: 'expression',
          })
        }
      }
      // Own properties only: "constructor" or "toString" are not kit components or attributes.
      const spec = Object.hasOwn(LESSON_KIT, name) ? LESSON_KIT[name] : undefined
      if (!spec) {
        if (options.safe) {
          // The element goes with everything inside it: nothing outside the kit is rendered.
          problem(node, notInKit(node.name))
          return cut(raw, ancestors)
        }
        if (/^[A-Z]/.test(name) && !options.localComponents?.has(name)) {
          problem(node, unknownComponent(name))
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
      const known = (a: JsxAttribute) =>
        a.type === 'mdxJsxAttribute' && !!a.name && Object.hasOwn(spec.attributes, a.name)
      for (const a of node.attributes) {
        if (a.type === 'mdxJsxAttribute' && a.name && !known(a)) {
          problem(node, unknownAttribute(name, a.name))
        } else if (options.safe && a.type === 'mdxJsxExpressionAttribute') {
          problem(a, `<${name} {…}> is JavaScript, which is not allowed ${IN_BROWSER}`)
        } else if (options.safe && isExpressionValue(a)) {
          problem(
            a,
            `${a.name}={…} is JavaScript, which is not allowed ${IN_BROWSER}; write ${a.name}="…"`,
          )
        }
      }
      // Only plain-text kit attributes reach the bundle.
      if (options.safe)
        node.attributes = node.attributes.filter((a) => known(a) && !isExpressionValue(a))
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
  const revealAfter = parseRevealAfter(attr(quiz, 'revealAfter'))
  if (revealAfter === undefined) {
    problem(quiz, 'revealAfter must be a whole number of attempts from 1, or never')
  }
  const questions = jsxChildren(quiz, 'Question')
  const key: QuizKey = { passMark, revealAfter: revealAfter ?? null, questions: [] }
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
