import { describe, expect, test } from 'vitest'
import {
  addQuestion,
  appendSnippet,
  questionCount,
  revealAfterOf,
  setRevealAfter,
  SNIPPETS,
  starterBody,
} from './kit-snippets.ts'
import { LESSON_TYPES } from '#app/content/lesson-kit-spec.ts'

describe('the quiz builder', () => {
  const question = {
    prompt: 'Wat zeg je bij "boos"?',
    options: ['Rustig <blijven>', '', '{Ophangen}'],
    correct: [0],
    feedback: 'Eerst & vooral luisteren.',
  }

  test('starts a quiz when the lesson has none; text is escaped, empty options skipped', () => {
    const body = addQuestion('Intro.\n', question)
    expect(body).toBe(
      [
        'Intro.',
        '',
        '<Quiz passMark="75">',
        '  <Question type="single" prompt="Wat zeg je bij &quot;boos&quot;?">',
        '    <Option correct>Rustig &lt;blijven&gt;</Option>',
        '    <Option>&#123;Ophangen&#125;</Option>',
        '    <Feedback>Eerst &amp; vooral luisteren.</Feedback>',
        '  </Question>',
        '</Quiz>',
        '',
      ].join('\n'),
    )
  })

  test('adds to the existing quiz; two correct options make a multiple-choice question', () => {
    const once = addQuestion('Intro.', question)
    const twice = addQuestion(once, { ...question, correct: [0, 2], prompt: 'Tweede?' })
    expect(twice.match(/<Quiz /g)).toHaveLength(1)
    expect(twice.match(/<Question /g)).toHaveLength(2)
    expect(twice).toContain('<Question type="multiple" prompt="Tweede?">')
    expect(twice.trimEnd().endsWith('</Quiz>')).toBe(true)
  })
})

test('snippets are appended after the text; every lesson type has a starter text', () => {
  for (const name of Object.keys(SNIPPETS) as Array<keyof typeof SNIPPETS>) {
    expect(appendSnippet('Tekst.  \n\n', name)).toBe(`Tekst.\n\n${SNIPPETS[name]}\n`)
  }
  for (const type of LESSON_TYPES) expect(starterBody(type).length).toBeGreaterThan(10)
})

test('revealAfter is set, replaced and removed on the quiz; questions are counted', () => {
  const body = addQuestion('Intro.', {
    prompt: 'Een?',
    options: ['Ja', 'Nee'],
    correct: [0],
    feedback: '',
  })
  expect(revealAfterOf(body)).toBeNull()
  const twice = setRevealAfter(setRevealAfter(body, 2), 5)
  expect(twice).toContain('<Quiz passMark="75" revealAfter="5">')
  expect(revealAfterOf(twice)).toBe(5)
  expect(setRevealAfter(twice, null)).toBe(body)
  expect(setRevealAfter('Geen toets.', 3)).toBe('Geen toets.')
  expect(questionCount(body)).toBe(1)
  expect(questionCount('Geen toets.')).toBe(0)
})
