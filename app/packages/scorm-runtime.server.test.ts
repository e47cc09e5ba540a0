import { describe, expect, test } from 'vitest'
import {
  injectRuntime,
  MAX_COMMIT_BYTES,
  parseCommit,
  runtimeTags,
  scormOutcome,
  startingCmi,
} from './scorm-runtime.server.ts'
import { contentSecurityPolicy } from './content-policy.ts'
import { normalisePackagePath } from './package-content.server.ts'

const commit = (cmi: unknown) => JSON.stringify({ cmi })

describe('commit validation', () => {
  test('scorm-again commits of both versions are accepted', () => {
    expect(
      parseCommit('scorm12', commit({ core: { lesson_status: 'passed' }, suspend_data: 'x' })),
    ).toEqual({ core: { lesson_status: 'passed' }, suspend_data: 'x' })
    expect(parseCommit('scorm2004', commit({ completion_status: 'completed', score: {} }))).toEqual(
      { completion_status: 'completed', score: {} },
    )
  })

  test('anything but CMI data is refused', () => {
    expect(parseCommit('scorm12', 'not json')).toBeNull()
    expect(parseCommit('scorm12', '[]')).toBeNull()
    expect(parseCommit('scorm12', JSON.stringify({ cmi: {}, extra: 1 }))).toBeNull()
    expect(parseCommit('scorm12', JSON.stringify({ core: {} }))).toBeNull()
    // A 2004 element in a 1.2 commit, and the other way round.
    expect(parseCommit('scorm12', commit({ completion_status: 'completed' }))).toBeNull()
    expect(parseCommit('scorm2004', commit({ core: {} }))).toBeNull()
    expect(parseCommit('scorm12', commit({ core: { 'lesson status': 'x' } }))).toBeNull()
    expect(parseCommit('scorm12', commit({ core: { __proto__x: ['a'] } }))).toBeNull()
    let deep: Record<string, unknown> = { v: 'x' }
    for (let i = 0; i < 12; i++) deep = { a: deep }
    expect(parseCommit('scorm12', commit({ core: deep }))).toBeNull()
  })

  test('a commit over the size limit is refused', () => {
    const big = commit({ suspend_data: 'x'.repeat(MAX_COMMIT_BYTES) })
    expect(parseCommit('scorm12', big)).toBeNull()
  })
})

describe('normalising what the SCO reported', () => {
  test('SCORM 1.2: lesson_status and the raw score within its range', () => {
    const outcome = (status: string, score: Record<string, string> = {}) =>
      scormOutcome('scorm12', { core: { lesson_status: status, score } })
    expect(outcome('passed', { raw: '90', max: '100' })).toEqual({
      completion: 'completed',
      success: 'passed',
      score: 90,
    })
    expect(outcome('completed')).toEqual({
      completion: 'completed',
      success: 'unknown',
      score: null,
    })
    // Failed is no finished lesson: a trainer's "completed" rule must not credit it.
    expect(outcome('failed', { raw: '3', min: '0', max: '10' })).toEqual({
      completion: 'unknown',
      success: 'failed',
      score: 30,
    })
    expect(outcome('incomplete')).toMatchObject({ completion: 'incomplete', success: 'unknown' })
    expect(outcome('not attempted')).toMatchObject({ completion: 'unknown' })
    expect(outcome('passed', { raw: '150', max: '100' }).score).toBe(100)
    expect(outcome('passed', { raw: 'veel' }).score).toBeNull()
  })

  test('SCORM 2004: completion_status, success_status and score.scaled', () => {
    expect(
      scormOutcome('scorm2004', {
        completion_status: 'completed',
        success_status: 'passed',
        score: { scaled: '0.85' },
      }),
    ).toEqual({ completion: 'completed', success: 'passed', score: 85 })
    expect(
      scormOutcome('scorm2004', {
        completion_status: 'incomplete',
        success_status: 'unknown',
        score: { scaled: '', raw: '7', min: '0', max: '10' },
      }),
    ).toEqual({ completion: 'incomplete', success: 'unknown', score: 70 })
    expect(scormOutcome('scorm2004', { score: { scaled: '-0.5' } }).score).toBe(0)
  })
})

describe('resuming', () => {
  const learner = { id: 'u1', name: 'Sanne' }
  test('a suspended 1.2 session resumes with its data, without its exit and time', () => {
    const saved = JSON.stringify({
      core: { lesson_location: 'p2', exit: 'suspend', session_time: '00:01:00' },
      suspend_data: 'bezocht=2',
    })
    const cmi = startingCmi('scorm12', saved, learner, 80)
    expect(cmi).toMatchObject({
      suspend_data: 'bezocht=2',
      core: { lesson_location: 'p2', entry: 'resume', student_id: 'u1', student_name: 'Sanne' },
      student_data: { mastery_score: '80' },
    })
    expect((cmi.core as Record<string, unknown>).exit).toBeUndefined()
    expect(startingCmi('scorm12', '{}', learner, null)).toMatchObject({
      core: { entry: 'ab-initio' },
    })
  })

  test('2004 likewise; unreadable saved data starts afresh', () => {
    expect(
      startingCmi('scorm2004', JSON.stringify({ location: '3', exit: 'suspend' }), learner, null),
    ).toMatchObject({ location: '3', entry: 'resume', learner_id: 'u1' })
    expect(startingCmi('scorm2004', 'kapot', learner, 50)).toMatchObject({
      entry: 'ab-initio',
      scaled_passing_score: '0.5',
    })
  })
})

describe('the runtime in the page', () => {
  test('goes at the start of <head>, before any script of the package', () => {
    const page = '<!doctype html><html><head><script src="sco.js"></script></head></html>'
    const out = injectRuntime(page, '<script>RUNTIME</script>')
    expect(out).toBe(
      '<!doctype html><html><head><script>RUNTIME</script><script src="sco.js"></script></head></html>',
    )
    expect(injectRuntime('<html lang="nl"><body>x</body></html>', 'R')).toBe(
      '<html lang="nl"><head>R</head><body>x</body></html>',
    )
    expect(injectRuntime('<!DOCTYPE html><p>x</p>', 'R')).toBe('<!DOCTYPE html>R<p>x</p>')
  })

  test('saved data cannot close the bootstrap script', () => {
    const tags = runtimeTags('https://leerplein.test', 'tok', 'scorm12', {
      suspend_data: '</script><script>alert(1)</script>',
    })
    expect(tags.match(/<\/script>/g)).toHaveLength(2)
    expect(tags).toContain('/package-content/tok/__runtime/scorm12.js')
  })
})

describe('paths and policy', () => {
  test('a path is looked up exactly as stored, never climbing out', () => {
    expect(normalisePackagePath('sco/index.html')).toBe('sco/index.html')
    expect(normalisePackagePath('sco//index.html')).toBe('sco/index.html')
    expect(normalisePackagePath('sco%2Findex.html')).toBe('sco/index.html')
    expect(normalisePackagePath('../x')).toBeNull()
    expect(normalisePackagePath('sco/%2e%2e/x')).toBeNull()
    expect(normalisePackagePath('a\\..\\b')).toBeNull()
    expect(normalisePackagePath('%E0%A4%A')).toBeNull()
    expect(normalisePackagePath('')).toBeNull()
  })

  test('the sandbox policy: opaque origin, own files only, two endpoints', () => {
    const csp = contentSecurityPolicy('https://leerplein.test', 'tok')
    expect(csp).toMatch(/^sandbox allow-scripts allow-forms allow-popups;/)
    expect(csp).not.toContain('allow-same-origin')
    expect(csp).toContain('default-src https://leerplein.test/package-content/tok/ data: blob:')
    expect(csp).toContain(
      'connect-src https://leerplein.test/package-content/tok/ https://leerplein.test/xapi/;',
    )
    expect(csp).toContain('frame-ancestors https://leerplein.test')
  })
})
