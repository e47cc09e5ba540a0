import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { checkCourses } from './course-check.server.ts'
import { readFramework } from './dossier-files.server.ts'
import { formatProblem } from './content-error.ts'
import { LESSON, QUIZ, coursesFixture } from '#tests/course-fixtures.ts'

async function problemsIn(root: string) {
  const framework = await readFramework(path.join(root, 'dossiers'))
  const { problems } = await checkCourses(root, framework)
  return problems.map(formatProblem)
}

function runCli(root: string) {
  return spawnSync(path.resolve('node_modules/.bin/tsx'), ['app/cli/courses-check.ts', root], {
    encoding: 'utf8',
  })
}

describe('courses:check', () => {
  test('passes on the repository (exit 0)', () => {
    const result = runCli('courses')
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/courses:check: 5 courses, \d+ lessons, 0 problems/)
    expect(result.status).toBe(0)
  })

  test('an unknown work-process code: file:line:col and exit 1', () => {
    const root = coursesFixture({
      [LESSON]: (t) => t.replace('workProcesses: [TL-K2-W3]', 'workProcesses: [TL-K2-W9]'),
    })
    const result = runCli(root)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(
      /tl-k2-coachen\/03-coachen\/01-coachingsgesprek\.mdx:6:\d+ unknown work-process code TL-K2-W9/,
    )
  })

  test('bad frontmatter points at the field', async () => {
    const root = coursesFixture({ [LESSON]: (t) => t.replace(/duration: \d+/, 'duration: lang') })
    const [problem] = await problemsIn(root)
    expect(problem).toMatch(
      /01-coachingsgesprek\.mdx:4:\d+ duration: Expected number, received string/,
    )
  })

  test('an MDX syntax error gives its line and column', async () => {
    const root = coursesFixture({
      [LESSON]: (t) => `${t}\n\n<Callout type="tip">\nniet gesloten\n`,
    })
    const problems = await problemsIn(root)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/01-coachingsgesprek\.mdx:\d+:\d+ MDX: /)
  })

  test('a duplicate lesson id names both files', async () => {
    const root = coursesFixture({
      [QUIZ]: (t) => t.replace('id: tl-k2-w3-quiz', 'id: tl-k2-w3-coachgesprek'),
    })
    const problems = await problemsIn(root)
    expect(
      problems.some((p) =>
        /02-quiz-coachen\.mdx:2:1 lesson id "tl-k2-w3-coachgesprek" is also used by .*01-coachingsgesprek\.mdx/.test(
          p,
        ),
      ),
    ).toBe(true)
  })

  test('kit rules: a single-choice question with two answers, an unknown component, a broken lesson link', async () => {
    const root = coursesFixture({
      [QUIZ]: (t) => t.replace('<Option>Goal</Option>', '<Option correct>Goal</Option>'),
      [LESSON]: (t) => `${t}\n\n<Wizard />\n`,
      'tl-k1-leidinggeven/01-aansturen/01-dienst-aansturen.mdx': (t) =>
        `${t}\n\nZie [de toets](lesson:bestaat-niet).\n`,
    })
    const problems = await problemsIn(root)
    expect(
      problems.some((p) =>
        /02-quiz-coachen\.mdx:\d+:\d+ a single-choice question has exactly one correct option/.test(
          p,
        ),
      ),
    ).toBe(true)
    expect(
      problems.some((p) => /01-coachingsgesprek\.mdx:\d+:\d+ unknown component <Wizard>/.test(p)),
    ).toBe(true)
    expect(
      problems.some((p) =>
        /01-dienst-aansturen\.mdx:\d+:\d+ broken link: no lesson "bestaat-niet"/.test(p),
      ),
    ).toBe(true)
  })

  test('a missing translation in a bilingual course, and a translation that differs', async () => {
    const enQuiz = QUIZ.replace('.mdx', '.en.mdx')
    // One wrong option fewer in the English quiz: still valid alone, but not the same quiz.
    const root = coursesFixture({ [enQuiz]: (t) => t.replace(/\n\s*<Option>[^\n]*<\/Option>/, '') })
    const problems = await problemsIn(root)
    expect(
      problems.some((p) =>
        p.includes('02-quiz-coachen.en.mdx:1:1 the translation does not have the same'),
      ),
    ).toBe(true)
    const missing = coursesFixture()
    const fs = await import('node:fs')
    fs.rmSync(path.join(missing, LESSON.replace('.mdx', '.en.mdx')))
    expect((await problemsIn(missing)).some((p) => p.includes('has no .en.mdx translation'))).toBe(
      true,
    )
  })

  test('a scenario with an unreachable step and a dangling choice', async () => {
    const scenario = 'tl-k4-projecten/02-opdrachtgever/02-lastig-overleg.mdx'
    const root = coursesFixture({ [scenario]: (t) => t.replace(/to="[a-z-]+"/, 'to="nergens"') })
    const problems = await problemsIn(root)
    expect(
      problems.some((p) =>
        /02-lastig-overleg\.mdx:\d+:\d+ to="nergens" is not a step or ending/.test(p),
      ),
    ).toBe(true)
  })
})
