import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { COMPILER_VERSION, compileHash, compileLesson } from './compile-mdx.server.ts'
import { checkCourses, type CompileCache } from './course-check.server.ts'
import { readFramework } from './dossier-files.server.ts'
import { formatProblem } from './content-error.ts'
import { emptyAnalysis } from './remark-lesson.server.ts'

/** Every attack sits on line 5 of its lesson, after ordinary Markdown. */
const ATTACK_LINE = 5
const lessonWith = (snippet: string) => `# Klantcontact\n\nGewone tekst.\n\n${snippet}\n`

async function compileSafe(source: string, cwd = os.tmpdir()) {
  const result = await compileLesson(source, cwd, { safe: true })
  if (!result.ok) throw new Error(`compile failed: ${result.line}:${result.col} ${result.message}`)
  return result
}

// [what, snippet, the problem it must raise, text that must not reach the compiled code]
const ATTACKS: Array<[string, string, RegExp, string | null]> = [
  [
    'a script element',
    '<script>alert(1)</script>',
    /^HTML element <script> is not allowed in lessons written in the browser/,
    'alert',
  ],
  [
    'an event handler on an img',
    '<img src="x" onError="alert(1)" />',
    /^HTML element <img> is not allowed/,
    'alert',
  ],
  ['a flow expression', '{alert(1)}', /^JavaScript in \{…\}.* is not allowed/, 'alert'],
  ['an expression comment', '{/* c */}', /^JavaScript in \{…\}/, null],
  ['an inline expression', 'text {1+1} text', /^JavaScript in \{…\}/, '1+1'],
  [
    'an import',
    "import X from './x.js'",
    /^import\/export is not allowed in lessons written in the browser/,
    'x.js',
  ],
  ['an export', 'export const a = 1', /^import\/export is not allowed/, null],
  [
    'an expression attribute',
    '<Callout title={evil()}>\nTekst\n</Callout>',
    /^title=\{…\} is JavaScript, which is not allowed .*; write title="…"/,
    'evil',
  ],
  [
    'a spread attribute',
    '<Callout {...props}>\nTekst\n</Callout>',
    /^<Callout \{…\}> is JavaScript, which is not allowed/,
    'props',
  ],
  [
    'dangerouslySetInnerHTML on an HTML element',
    "<div dangerouslySetInnerHTML={{__html: '<b>x</b>'}} />",
    /^HTML element <div> is not allowed/,
    '__html',
  ],
  [
    'dangerouslySetInnerHTML on a kit component',
    '<Callout dangerouslySetInnerHTML="x">\nTekst\n</Callout>',
    /^<Callout> has no attribute "dangerouslySetInnerHTML": raw HTML is not allowed/,
    'dangerouslySetInnerHTML',
  ],
  [
    'a javascript: link inside svg',
    '<svg><a href="javascript:alert(1)">x</a></svg>',
    /^HTML element <svg> is not allowed/,
    'javascript',
  ],
  [
    'a javascript: link',
    '[klik](javascript:alert(1))',
    /^a link to "javascript:" is not allowed .*; use http:, https:, mailto:, tel:, lesson: or a relative address/,
    'javascript',
  ],
  ['an upper-case scheme', '[klik](JAVASCRIPT:alert(1))', /^a link to "javascript:"/, 'JAVASCRIPT'],
  [
    'an entity-encoded scheme',
    '[x](&#106;avascript:alert(1))',
    /^a link to "javascript:"/,
    'alert',
  ],
  ['a tab in the scheme', '[x](java&#9;script:alert(1))', /^a link to "javascript:"/, 'alert'],
  ['a leading space', '[x](<&#32;javascript:alert(1)>)', /^a link to "javascript:"/, 'alert'],
  ['a vbscript: link', '[x](vbscript:msgbox(1))', /^a link to "vbscript:"/, 'msgbox'],
  ['a file: link', '[x](file:///etc/passwd)', /^a link to "file:"/, 'passwd'],
  [
    'a data: image',
    '![x](data:image/svg+xml;base64,PHN2Zz4=)',
    /^an image from "data:" is not allowed/,
    'PHN2Zz4',
  ],
  [
    'a link definition',
    '[x]: javascript:alert(1)\n\nZie [y][x].',
    /^a link definition to "javascript:"/,
    'alert',
  ],
  [
    'an iframe',
    '<iframe src="https://evil"></iframe>',
    /^HTML element <iframe> is not allowed/,
    'evil',
  ],
  ['a style element', '<style>{`body{}`}</style>', /^HTML element <style>/, 'body'],
  [
    'an event handler on a kit component',
    '<Quiz passMark="75" onClick="x">\n</Quiz>',
    /^<Quiz> has no attribute "onClick": event handlers are not allowed in lessons/,
    'onClick',
  ],
  ['a fragment', '<>tekst</>', /^fragments <>…<\/> are not allowed/, null],
  [
    'a component outside the kit',
    '<Wizard />',
    /^unknown component <Wizard>; the kit has/,
    'Wizard',
  ],
  [
    'a name from Object.prototype',
    '<constructor />',
    /^HTML element <constructor> is not allowed/,
    null,
  ],
  [
    'an attribute name from Object.prototype',
    '<Callout toString="x">\nTekst\n</Callout>',
    /^<Callout> has no attribute "toString"/,
    'toString',
  ],
]

describe('safe mode (lessons written in the browser)', () => {
  test.each(ATTACKS)('%s is refused on its line', async (_what, snippet, message, absent) => {
    const { code, analysis } = await compileSafe(lessonWith(snippet))
    const problem = analysis.problems.find((p) => message.test(p.message))
    expect(problem, JSON.stringify(analysis.problems)).toBeDefined()
    expect(problem!.line).toBe(ATTACK_LINE)
    // Cut out of the tree, not only reported: none of it is in the bundle.
    if (absent) expect(code).not.toContain(absent)
  })

  test('every message says what is wrong in words an author understands', async () => {
    for (const [, snippet] of ATTACKS) {
      const { analysis } = await compileSafe(lessonWith(snippet))
      for (const { message } of analysis.problems) {
        expect(message).toMatch(/not allowed|has no attribute|unknown component|needs|a quiz/)
        expect(message).not.toMatch(/undefined|null|\[object/)
      }
    }
  })

  test('an unclosed HTML element is an MDX error on its line', async () => {
    const source = lessonWith('<iframe src="https://evil">')
    expect(await compileLesson(source, os.tmpdir(), { safe: true })).toMatchObject({
      ok: false,
      line: ATTACK_LINE,
      message: expect.stringMatching(/^MDX: Expected a closing tag for `<iframe>`/),
    })
  })

  test('an import is never resolved: the imported file does not reach the bundle', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safe-import-'))
    fs.writeFileSync(path.join(dir, 'evil.js'), "export default 'EVIL-MARKER'\n")
    const source = lessonWith("import Evil from './evil.js'\n\n{Evil}")
    const trusted = await compileLesson(source, dir)
    // The same lesson in git would bundle the file: the check below would see it.
    expect(trusted.ok && trusted.code).toContain('EVIL-MARKER')
    const { code, analysis } = await compileSafe(source, dir)
    expect(code).not.toContain('EVIL-MARKER')
    expect(analysis.problems.map((p) => p.line)).toEqual([ATTACK_LINE, ATTACK_LINE + 2])
  })

  // gray-matter reads the word after the opening --- as the parser to use, and runs `js` in eval().
  test.each(['---js\n', '--- javascript \n', '---\rjs\n', '\uFEFF---JS\n'])(
    'JavaScript front matter %j is refused before it can run',
    async (opening) => {
      const global = globalThis as { frontMatterRan?: boolean }
      delete global.frontMatterRan
      const source = `${opening}(globalThis.frontMatterRan = true, {})\n---\n\nTekst\n`
      expect(await compileLesson(source, os.tmpdir(), { safe: true })).toMatchObject({
        ok: false,
        line: 1,
        message: expect.stringMatching(/^front matter must be YAML.* is not allowed/),
      })
      expect(global.frontMatterRan).toBeUndefined()
      // In git the same file would run: the flag above would have caught it.
      await compileLesson(source, os.tmpdir())
      expect(global.frontMatterRan).toBe(true)
    },
  )

  test('an MDX syntax error is reported as in trusted mode', async () => {
    const source = lessonWith('<Callout type="tip">\nniet gesloten')
    const safe = await compileLesson(source, os.tmpdir(), { safe: true })
    expect(safe).toEqual(await compileLesson(source, os.tmpdir()))
    expect(safe).toMatchObject({
      ok: false,
      line: ATTACK_LINE,
      message: expect.stringMatching(/^MDX: /),
    })
  })

  test('a realistic lesson with Markdown, safe links and every kit component has no problems', async () => {
    const source = `---
id: cm-k1-w1-veilig
title: Een les uit de browser
duration: 10
type: lesson
workProcesses: [CM-K1-W1]
competencies: [R]
---

## Het gespreksmodel

Een **goed** gesprek heeft een _vaste_ opbouw. Lees ook [de vorige les](lesson:cm-k1-w1-inkomend-contact),
[het dossier](/dossiers/contactcenter-medewerker), [de bijlage](./bijlage.pdf), [verderop](#afspraken),
[de CAO](https://www.example.nl/cao "CAO") of mail [de helpdesk](mailto:helpdesk@example.nl), bel
[de servicedesk](tel:+31201234567) of kijk op www.example.nl.

![Het gespreksmodel](https://www.example.nl/model.png)

| Fase | Doel |
|---|---|
| Opening | Vertrouwen |
| Afsluiting | Afspraken |

> Een citaat, \`code\` en een [verwijzing][cao].

[cao]: https://www.example.nl/cao

Een <Term definition="First Contact Resolution: opgelost in het eerste contact.">FCR</Term> van 75 procent.

<Callout type="tip" title="Eerst luisteren">
Laat de klant uitpraten.
</Callout>

<Checklist id="na-het-gesprek" title="Na elk gesprek">
  <Item>De afspraak staat in het CRM</Item>
  <Item>De klant weet wat er gebeurt</Item>
</Checklist>

<KpiCalculator kind="aht" />

<Reflection id="laatste-keer" prompt="Wat deed je de laatste keer?" />

<Scenario title="Een boze beller" start="opening">
  <Step id="opening" speaker="Klant">
    "Ik bel nu voor de derde keer!"
    <Choice to="erkennen">"Vervelend, ik help u nu verder."</Choice>
    <Choice to="afwimpelen">"Dat ligt niet aan mij."</Choice>
  </Step>
  <Ending id="erkennen" result="good">De klant voelt zich gehoord.</Ending>
  <Ending id="afwimpelen" result="poor">De klant hangt boos op.</Ending>
</Scenario>

<Quiz passMark="75">
  <Question type="single" prompt="Wat doe je eerst?">
    <Option correct>Luisteren</Option>
    <Option>Oplossen</Option>
    <Feedback>Eerst luisteren, dan oplossen.</Feedback>
  </Question>
  <Question type="multiple" prompt="Wat hoort bij de afsluiting?">
    <Option correct>Samenvatten</Option>
    <Option correct>Vragen of alles duidelijk is</Option>
    <Option>Ophangen</Option>
  </Question>
</Quiz>
`
    const { code, analysis } = await compileSafe(source)
    expect(analysis.problems).toEqual([])
    expect(analysis.links.map((l) => l.target)).toEqual(['cm-k1-w1-inkomend-contact'])
    expect(analysis.quiz?.questions.map((q) => q.correct)).toEqual([[0], [0, 1]])
    expect(code).toContain('/lessons/cm-k1-w1-inkomend-contact')
    expect(code).toContain('mailto:helpdesk@example.nl')
  })

  test('every lesson in courses/ passes in safe mode', async () => {
    const framework = await readFramework('courses/dossiers')
    const { courses, problems } = await checkCourses('courses', framework, undefined, {
      safe: true,
    })
    expect(problems.map(formatProblem)).toEqual([])
    expect(courses.length).toBeGreaterThan(0)
  })
})

describe('the compile cache key', () => {
  const source = '# Les\n\nTekst.\n'

  test('trusted: unchanged, so stored lessons stay valid', () => {
    const expected = createHash('sha256').update(`${COMPILER_VERSION}\0${source}`).digest('hex')
    expect(compileHash(source)).toBe(expected)
    expect(compileHash(source, { safe: false })).toBe(expected)
  })

  test('safe: differs from trusted, so a trusted compile never answers a safe lookup', () => {
    expect(compileHash(source, { safe: true })).not.toBe(compileHash(source))
    expect(compileHash(source, { safe: true })).toMatch(/^[0-9a-f]{64}$/)
  })

  test('checkCourses in safe mode asks the cache for safe hashes only', async () => {
    const root = tinyCourse()
    const lesson = fs.readFileSync(path.join(root, LESSON_FILE), 'utf8')
    const asked: string[] = []
    // A cache holding the trusted compile of every source: safe mode must not take it.
    const cache: CompileCache = {
      async get(hashes) {
        asked.push(...hashes)
        return new Map(
          hashes
            .filter((h) => h === compileHash(lesson))
            .map((h) => [h, { code: 'TRUSTED', analysis: emptyAnalysis() }]),
        )
      },
    }
    const { courses, problems } = await checkCourses(root, await framework(), cache, {
      safe: true,
    })
    expect(problems).toEqual([])
    expect(asked).toEqual([compileHash(lesson, { safe: true })])
    expect(courses[0]!.lessons.get('veilig-les-1')!.nl.code).not.toBe('TRUSTED')
  })
})

describe('checkCourses with knownLessonKeys', () => {
  test('a link to a lesson of another course resolves', async () => {
    const root = tinyCourse('Zie [de andere les](lesson:elders-les).')
    expect((await checkCourses(root, await framework())).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/01-les\.mdx:\d+:\d+ broken link: no lesson "elders-les"/),
    ])
    const known = new Set(['elders-les'])
    const { problems } = await checkCourses(root, await framework(), undefined, {
      knownLessonKeys: known,
    })
    expect(problems).toEqual([])
  })

  test('reusing a lesson id of another course is a duplicate', async () => {
    const root = tinyCourse()
    const { problems } = await checkCourses(root, await framework(), undefined, {
      knownLessonKeys: new Set(['veilig-les-1']),
    })
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /01-les\.mdx:2:1 lesson id "veilig-les-1" is already used by another course$/,
      ),
    ])
  })
})

const LESSON_FILE = '01-veilig/01-module/01-les.mdx'
const framework = () => readFramework('courses/dossiers')

/** One course, one module, one lesson, in a temp folder. */
function tinyCourse(body = 'Gewone tekst.'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'safe-course-'))
  const files: Record<string, string> = {
    '01-veilig/course.yaml': `id: veilig
title: { nl: "Veilig", en: "Safe" }
summary: { nl: "Een cursus.", en: "A course." }
audience: { nl: "Medewerkers", en: "Agents" }
dossier: contactcenter-medewerker
languages: [nl]
selfEnrol: true
`,
    '01-veilig/01-module/module.yaml': `id: veilig-m1
title: { nl: "Module", en: "Module" }
`,
    [LESSON_FILE]: `---
id: veilig-les-1
title: Een les
duration: 5
type: lesson
workProcesses: [CM-K1-W1]
competencies: [R]
---

${body}
`,
  }
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), text)
  }
  return root
}
