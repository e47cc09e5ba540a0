import { describe, expect, test } from 'vitest'
import { judgeLesson } from './judge-lesson.server.ts'
import { MAX_LESSON_CHARS, MAX_NESTING, lessonLimitProblems } from './lesson-limits.ts'

/**
 * The one judgement of a lesson with hostile input: each is a problem with a place, never a
 * throw, and nothing holds up the event loop the server answers requests on.
 */
const file = (body: string) => `---\n---\n\n${body}\n`

describe('limits checked before parsing', () => {
  test.each([
    ['nested lists on one line', '- '.repeat(3000) + 'x', 1],
    [
      'indented nested lists',
      Array.from({ length: 200 }, (_, i) => '  '.repeat(i) + '- x').join('\n'),
      MAX_NESTING - 0,
    ],
    ['nested quotes', '>'.repeat(5000) + ' x', 1],
  ])('%s are refused by their nesting', (_, body, line) => {
    const [problem] = lessonLimitProblems(body)
    expect(problem?.message).toMatch(/^lists and quotes nest \d+ levels deep here; at most 32$/)
    expect(problem?.line).toBeLessThanOrEqual(line + 1)
  })

  test('ordinary nesting, code and emphasis pass', () => {
    const body = [
      '- een',
      '  - twee',
      '    1. drie',
      '> citaat',
      '> - in een citaat',
      '',
      '        ingesprongen code met - streepjes',
      '---',
      '**vet** en *schuin* en -1',
    ].join('\n')
    expect(lessonLimitProblems(body)).toEqual([])
  })

  test('size, lines and control characters', () => {
    expect(lessonLimitProblems('a'.repeat(MAX_LESSON_CHARS + 1))[0]?.message).toMatch(
      /characters; at most/,
    )
    expect(lessonLimitProblems('a\n'.repeat(4000))[0]?.message).toMatch(/lines; at most/)
    expect(lessonLimitProblems('regel\nab\u0000c', 4)).toEqual([
      {
        line: 5,
        col: 3,
        message: 'the lesson text holds an invisible control character (U+0000)',
      },
    ])
  })
})

describe('judgeLesson', () => {
  test('a good lesson compiles, in the worker', async () => {
    const judged = await judgeLesson(file('Hallo *wereld*.\n\n<Callout>Let op.</Callout>'), {
      safe: true,
    })
    expect(judged).toMatchObject({ ok: true })
    expect(judged.ok && judged.code).toContain('Hallo')
  })

  test.each([
    ['!!js/function', 'title: !!js/function "function () { return 1 }"', /tag !!js\/function/],
    ['!!binary', 'title: !!binary aGFsbG8=', /tag !!binary/],
    ['a custom tag', 'title: !mijn waarde', /tag !mijn/],
    [
      'billion laughs',
      [
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      ].join('\n'),
      /anchor &a/,
    ],
  ])('front matter with %s is a problem on its line, not a throw', async (_, yaml, message) => {
    const judged = await judgeLesson(`---\n${yaml}\n---\n\nHallo\n`, { safe: false })
    expect(judged.ok).toBe(false)
    if (judged.ok) return
    expect(judged.problems[0]).toMatchObject({ line: 2, message: expect.stringMatching(message) })
    expect(judged.overLimit).toBe(false)
  })

  test('a text that parses too slowly is stopped at the deadline while the event loop runs', async () => {
    // Passes the cheap limits, and keeps the parser busy far longer than the deadline.
    const hostile = file('<Callout>'.repeat(5000) + 'x' + '</Callout>'.repeat(5000))
    let longestGap = 0
    let last = Date.now()
    const beat = setInterval(() => {
      longestGap = Math.max(longestGap, Date.now() - last)
      last = Date.now()
    }, 20)
    const started = Date.now()
    const judged = await judgeLesson(hostile, { safe: true, deadlineMs: 1_000 })
    clearInterval(beat)
    expect(judged, JSON.stringify(judged)).toMatchObject({
      ok: false,
      overLimit: true,
      problems: [{ line: 4, message: expect.stringMatching(/^judging the lesson took longer/) }],
    })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(longestGap).toBeLessThan(500)
    // The pool replaced the stopped worker: the next lesson is judged normally.
    expect(await judgeLesson(file('Weer gewoon.'), { safe: true })).toMatchObject({ ok: true })
  }, 60_000)

  test('deep nesting is refused at once, without a compile', async () => {
    const started = Date.now()
    const judged = await judgeLesson(file('- '.repeat(3000) + 'x'), { safe: true })
    expect(judged).toMatchObject({ ok: false, overLimit: true, problems: [{ line: 4 }] })
    expect(Date.now() - started).toBeLessThan(100)
  })
})
