import os from 'node:os'
import { expect, test } from 'vitest'
import { localizeProblem } from '#app/authoring/problem-messages.ts'
import { compileLesson } from './compile-mdx.server.ts'
import { DEFAULT_REVEAL_AFTER } from './lesson-kit-spec.ts'

/** A quiz's `revealAfter` as the compiler reads it into the answer key. */
const quizWith = (attributes: string) => `<Quiz passMark="50"${attributes}>
  <Question type="single" prompt="Wat doe je eerst?">
    <Option correct>Luisteren</Option>
    <Option>Oplossen</Option>
  </Question>
</Quiz>
`

async function analyse(attributes: string) {
  const result = await compileLesson(quizWith(attributes), os.tmpdir())
  if (!result.ok) throw new Error(result.message)
  return result.analysis
}

test('without revealAfter the key shows after the default number of attempts', async () => {
  const analysis = await analyse('')
  expect(analysis.problems).toEqual([])
  expect(analysis.quiz?.revealAfter).toBe(DEFAULT_REVEAL_AFTER)
})

test('a number of attempts, or never (only a pass shows the key)', async () => {
  expect((await analyse(' revealAfter="1"')).quiz?.revealAfter).toBe(1)
  expect((await analyse(' revealAfter="5"')).quiz?.revealAfter).toBe(5)
  expect((await analyse(' revealAfter="never"')).quiz?.revealAfter).toBeNull()
})

test.each(['0', '-1', '2.5', 'altijd', ''])('revealAfter="%s" is a problem', async (value) => {
  const analysis = await analyse(` revealAfter="${value}"`)
  expect(analysis.problems.map((p) => p.message)).toEqual([
    'revealAfter must be a whole number of attempts from 1, or never',
  ])
  // A trainer in the browser editor reads it in Dutch.
  expect(localizeProblem(analysis.problems[0]!.message, 'nl')).toBe(
    'revealAfter is een heel aantal pogingen vanaf 1, of never',
  )
})
