import os from 'node:os'
import { expect, test } from 'vitest'
import { compileLesson } from '#app/content/compile-mdx.server.ts'
import { LESSON_TYPES } from '#app/content/lesson-kit-spec.ts'
import { addQuestion, SNIPPETS, starterBody } from './kit-snippets.ts'

/** What the editor writes for a trainer must itself pass the browser's safe subset. */
test.each(Object.entries(SNIPPETS))('the %s snippet compiles in safe mode', async (_, snippet) => {
  const result = await compileLesson(`Tekst.\n\n${snippet}\n`, os.tmpdir(), { safe: true })
  expect(result.ok && result.analysis.problems).toEqual([])
})

test.each(LESSON_TYPES)('the starter text of a %s compiles in safe mode', async (type) => {
  const result = await compileLesson(starterBody(type), os.tmpdir(), { safe: true })
  expect(result.ok && result.analysis.problems).toEqual([])
})

test('a built question with hostile text compiles to a quiz whose key is right', async () => {
  const body = addQuestion('Intro.', {
    prompt: 'Klopt {1+1} <script>alert(1)</script> "dit"?',
    options: ['<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '- *Nee*'],
    correct: [2],
    feedback: '{geen code}',
  })
  const result = await compileLesson(body, os.tmpdir(), { safe: true })
  expect(result.ok).toBe(true)
  if (!result.ok) return
  expect(result.analysis.problems).toEqual([])
  expect(result.analysis.quiz?.questions).toEqual([
    { type: 'single', options: 3, correct: [2], feedback: '{geen code}' },
  ])
  // The text is a string for React to escape, never an element of its own.
  expect(result.code).not.toMatch(/jsx\)\("(script|img|a)"/)
  // Typed text shows as typed: no link, no list, no emphasis made of it.
  expect(result.code).toContain('[x](javascript:alert(1))')
  expect(result.code).toContain('- *Nee*')
})
