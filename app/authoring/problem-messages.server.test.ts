import os from 'node:os'
import { expect, test } from 'vitest'
import { compileLesson } from '#app/content/compile-mdx.server.ts'
import { localizeProblem } from './problem-messages.ts'

/** Every problem a trainer can cause in the editor reads in Dutch, not the checker's English. */
const BROKEN = [
  '<script>alert(1)</script>',
  '<>x</>',
  "import X from './x.js'",
  'Som: {1 + 1}',
  '[klik](javascript:alert(1))',
  '![x](data:image/png;base64,AAAA)',
  '[x]: javascript:alert(1)\n\n[y][x]',
  '---js\nmodule.exports = {}\n---\n\nTekst',
  '<Onbekend />',
  '<Callout onClick="x">x</Callout>',
  '<Callout dangerouslySetInnerHTML="x">x</Callout>',
  '<Callout kleur="rood">x</Callout>',
  '<Callout {...props}>x</Callout>',
  '<Callout title={x}>x</Callout>',
  '<Option>los</Option>',
  '<Reflection prompt="Wat?" />',
  '<Callout type="rood">x</Callout>',
  '<Reflection id="a" prompt="b" />\n\n<Reflection id="a" prompt="c" />',
  '<Quiz passMark="75"></Quiz>\n\n<Quiz passMark="75"></Quiz>',
  '<Quiz passMark="200">\n  <Question type="single" prompt="?">\n    <Option>a</Option>\n  </Question>\n</Quiz>',
  '<Quiz passMark="75">\n  <Question type="multiple" prompt="?">\n    <Option>a</Option>\n    <Option>b</Option>\n  </Question>\n</Quiz>',
  '<Scenario title="S" start="x">\n  <Step id="a">\n    Tekst\n  </Step>\n  <Step id="a">\n    <Choice to="z">z</Choice>\n  </Step>\n</Scenario>',
  'Kapot <Callout>',
]

test.each(BROKEN)('every problem in %j is given in Dutch', async (body) => {
  const result = await compileLesson(body, os.tmpdir(), { safe: true })
  const messages = result.ok ? result.analysis.problems.map((p) => p.message) : [result.message]
  expect(messages.length).toBeGreaterThan(0)
  for (const message of messages) {
    const dutch = localizeProblem(message, 'nl')
    expect(dutch, message).not.toBe(message)
    expect(localizeProblem(message, 'en')).toBe(message)
  }
})

test('the checks of a whole course read in Dutch too', () => {
  for (const message of [
    'a quiz needs at least 4 questions (it has 1)',
    'a lesson of type quiz needs a <Quiz>',
    'a <Quiz> belongs in a lesson of type quiz',
    'a lesson of type scenario needs a <Scenario>',
    'a module needs at least one lesson',
    'a course needs a lesson',
    'broken link: no lesson "x"',
    'the course declares en, but this lesson has no .en.mdx translation',
    'unknown work-process code TL-K9-W9 in dossier contactcenter-teamleider',
    'lesson id "x" is already used by another course',
  ]) {
    expect(localizeProblem(message, 'nl'), message).not.toBe(message)
  }
  expect(localizeProblem('a quiz needs at least 4 questions (it has 1)', 'nl')).toBe(
    'een toets heeft minstens 4 vragen (deze heeft er 1)',
  )
})

test('an import’s refusals read in Dutch', async () => {
  const { zipSync, strToU8 } = await import('fflate')
  const fs = await import('node:fs/promises')
  const path = await import('node:path')
  const { unzipCourse } = await import('./course-files-export.server.ts')
  const uploads = [
    strToU8('geen zip'),
    zipSync({ 'a/course.yaml': strToU8('id: a'), 'b/course.yaml': strToU8('id: b') }),
    zipSync({ 'a/les.mdx': strToU8('x') }),
    zipSync({ 'a/course.yaml': strToU8('id: a'), 'README.md': strToU8('x') }),
  ]
  for (const bytes of uploads) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'import-message-'))
    try {
      const result = await unzipCourse(bytes, dir)
      expect(result.ok).toBe(false)
      if (result.ok) continue
      expect(localizeProblem(result.message, 'nl'), result.message).not.toBe(result.message)
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  }
  for (const message of [
    'course id "x" is in use; give the copy a new course id',
    'lesson id "x" is in use; give the copy a new course id',
  ]) {
    expect(localizeProblem(message, 'nl'), message).not.toBe(message)
  }
})
