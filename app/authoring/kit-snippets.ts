import type { LessonType } from '#app/content/lesson-kit-spec.ts'

/**
 * MDX the editor writes for trainers: a starting text per lesson type, ready-made pieces of
 * the component kit, and quiz questions built from a form. Text from a form is escaped, so a
 * question can never become markup or code: the safe-subset check would refuse it anyway.
 */

/** Text as MDX: literal characters, never syntax (no markup, no code, no Markdown links). */
function escapeMdxText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/^([#+-]|\d+\.)/, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\{/g, '&#123;')
    .replace(/\}/g, '&#125;')
}

/** Text as an MDX attribute value in double quotes. */
function escapeMdxAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\s+/g, ' ').trim()
}

export type QuestionDraft = {
  prompt: string
  options: string[]
  /** Positions of the correct options; more than one makes a multiple-choice question. */
  correct: number[]
  feedback: string
}

function questionMdx(q: QuestionDraft): string {
  const options = q.options.map((text, i) => ({ text: text.trim(), i })).filter((o) => o.text)
  const type = q.correct.length > 1 ? 'multiple' : 'single'
  return [
    `  <Question type="${type}" prompt="${escapeMdxAttribute(q.prompt)}">`,
    ...options.map(
      (o) =>
        `    <Option${q.correct.includes(o.i) ? ' correct' : ''}>${escapeMdxText(o.text)}</Option>`,
    ),
    ...(q.feedback.trim() ? [`    <Feedback>${escapeMdxText(q.feedback)}</Feedback>`] : []),
    '  </Question>',
  ].join('\n')
}

/** Add a question to the lesson's quiz, or start a quiz at the end when it has none. */
export function addQuestion(body: string, question: QuestionDraft, passMark = 75): string {
  const mdx = questionMdx(question)
  const close = body.lastIndexOf('</Quiz>')
  if (close >= 0) {
    const before = body.slice(0, close).replace(/\s*$/, '')
    return `${before}\n${mdx}\n${body.slice(close)}`
  }
  return `${body.replace(/\s*$/, '')}\n\n<Quiz passMark="${passMark}">\n${mdx}\n</Quiz>\n`
}

export const SNIPPETS = {
  callout: `<Callout type="tip" title="Tip">\nSchrijf hier de tip.\n</Callout>`,
  term: `<Term definition="Uitleg van het begrip.">begrip</Term>`,
  reflection: `<Reflection id="reflectie-1" prompt="Wat neem je mee naar je eigen team?" />`,
  checklist: `<Checklist id="checklist-1" title="Checklist">\n  <Item>Eerste punt</Item>\n  <Item>Tweede punt</Item>\n</Checklist>`,
  kpi: `<KpiCalculator kind="aht" />`,
  scenario: `<Scenario title="Titel van het scenario" start="begin">\n  <Step id="begin" speaker="Klant">\n    Wat de klant zegt.\n    <Choice to="goed">Een goede reactie</Choice>\n    <Choice to="minder">Een minder goede reactie</Choice>\n  </Step>\n  <Ending id="goed" result="good">Waarom dit goed werkt.</Ending>\n  <Ending id="minder" result="poor">Waarom dit minder goed werkt.</Ending>\n</Scenario>`,
} as const
export type SnippetName = keyof typeof SNIPPETS

export function appendSnippet(body: string, name: SnippetName): string {
  return `${body.replace(/\s*$/, '')}\n\n${SNIPPETS[name]}\n`
}

/** What a new lesson starts with, so the first preview already shows something. */
export function starterBody(type: LessonType): string {
  switch (type) {
    case 'quiz':
      return 'Beschrijf in één zin wat deze toets vraagt. Voeg hieronder vragen toe met de quizbouwer.\n'
    case 'scenario':
      return `Beschrijf de situatie.\n\n${SNIPPETS.scenario}\n`
    case 'assignment':
      return '## Opdracht\n\nBeschrijf de opdracht op de werkvloer en wat de deelnemer inlevert.\n'
    case 'lesson':
      return '## Inleiding\n\nSchrijf hier de les.\n'
  }
}

/**
 * Set (or with null remove) the quiz's `revealAfter`: after how many attempts a learner who
 * has not passed sees the correct options. A body without a quiz is returned as it is.
 */
export function setRevealAfter(body: string, attempts: number | null): string {
  return body.replace(/<Quiz\b([^>]*)>/, (_, attributes: string) => {
    const rest = attributes.replace(/\s+revealAfter="[^"]*"/, '')
    return `<Quiz${rest}${attempts === null ? '' : ` revealAfter="${attempts}"`}>`
  })
}

/** The quiz's `revealAfter` as written, or null when the quiz leaves it to the default. */
export function revealAfterOf(body: string): number | null {
  const match = /<Quiz\b[^>]*\srevealAfter="(\d+)"/.exec(body)
  return match ? Number(match[1]) : null
}

/** How many questions the lesson's quiz has, for the builder's count. */
export function questionCount(body: string): number {
  return body.match(/<Question\b/g)?.length ?? 0
}
