import { describe, expect, test } from 'vitest'
import { diffSnapshots, lineDiff, withContext, type DiffLine } from './course-diff.ts'
import type { CourseSnapshot, SnapshotLesson, SnapshotModule } from './course-snapshot.ts'

function lesson(key: string, overrides: Partial<SnapshotLesson> = {}): SnapshotLesson {
  return {
    key,
    type: 'lesson',
    duration: 10,
    titleNl: `Les ${key}`,
    titleEn: `Lesson ${key}`,
    workProcesses: ['TL-K2-W1'],
    competencies: ['C'],
    bodyNl: `## ${key}\n\nEen\nTwee\nDrie`,
    bodyEn: `## ${key}\n\nOne\nTwo\nThree`,
    ...overrides,
  }
}

function module(key: string, lessons: SnapshotLesson[]): SnapshotModule {
  return { key, titleNl: `Module ${key}`, titleEn: `Module ${key} (en)`, lessons }
}

function course(modules: SnapshotModule[]): CourseSnapshot {
  return {
    id: 'c',
    dossierSlug: 'contactcenter-teamleider',
    title: { nl: 'Cursus', en: 'Course' },
    summary: { nl: 'Samenvatting', en: 'Summary' },
    audience: { nl: 'Teamleiders', en: 'Team leaders' },
    languages: ['nl', 'en'],
    selfEnrol: true,
    modules,
  }
}

const base = () =>
  course([
    module('m1', [lesson('a'), lesson('b'), lesson('c')]),
    module('m2', [lesson('d'), lesson('e')]),
    module('m3', [lesson('f')]),
  ])

/** The two texts a diff was made from: 'same' + 'del' lines, and 'same' + 'add' lines. */
function sides(diff: DiffLine[]) {
  const text = (op: DiffLine['op']) =>
    diff
      .filter((d) => d.op === 'same' || d.op === op)
      .map((d) => d.text)
      .join('\n')
  return { a: text('del'), b: text('add') }
}

function lcsLength(a: string[], b: string[]) {
  const row = new Array<number>(b.length + 1).fill(0)
  for (const x of a) {
    let diagonal = 0
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]!)
      diagonal = above
    }
  }
  return row[b.length]!
}

/** A small deterministic PRNG (mulberry32): the property test runs the same cases every time. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('lineDiff', () => {
  test('a small edit', () => {
    expect(lineDiff('a\nb\nc', 'a\nc\nd')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'del', text: 'b' },
      { op: 'same', text: 'c' },
      { op: 'add', text: 'd' },
    ])
    expect(lineDiff('', '')).toEqual([])
    expect(lineDiff('', 'x\ny')).toEqual([
      { op: 'add', text: 'x' },
      { op: 'add', text: 'y' },
    ])
  })

  test('random texts: the diff gives back both sides and keeps a longest common subsequence', () => {
    const next = random(8)
    for (let round = 0; round < 300; round++) {
      // Few distinct lines, so there is much to match and many ways to match it.
      const lines = (n: number) => Array.from({ length: n }, () => 'abcde'[Math.floor(next() * 5)]!)
      const a = lines(Math.floor(next() * 30))
      const b = lines(Math.floor(next() * 30))
      const diff = lineDiff(a.join('\n'), b.join('\n'))
      expect(sides(diff)).toEqual({ a: a.join('\n'), b: b.join('\n') })
      expect(diff.filter((d) => d.op === 'same')).toHaveLength(lcsLength(a, b))
    }
  })

  test('a long lesson with a few edits stays minimal and quick', () => {
    const a = Array.from({ length: 4000 }, (_, i) => `regel ${i}`)
    const b = [...a]
    b.splice(3000, 2, 'nieuw')
    b.splice(1000, 0, 'ingevoegd', 'ook ingevoegd')
    b.splice(10, 1)
    const started = performance.now()
    const diff = lineDiff(a.join('\n'), b.join('\n'))
    expect(performance.now() - started).toBeLessThan(1000)
    expect(sides(diff)).toEqual({ a: a.join('\n'), b: b.join('\n') })
    expect(diff.filter((d) => d.op !== 'same')).toHaveLength(6)
  })

  test('two entirely different long texts still give a correct diff', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `oud ${i}`).join('\n')
    const b = Array.from({ length: 3000 }, (_, i) => `nieuw ${i}`).join('\n')
    const diff = lineDiff(a, b)
    expect(sides(diff)).toEqual({ a, b })
    expect(diff.filter((d) => d.op === 'same')).toHaveLength(0)
  })
})

describe('withContext', () => {
  const same = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i): DiffLine => ({ op: 'same', text: `${from + i}` }))

  test('keeps three lines around each change and collapses the rest', () => {
    const diff = [...same(10), { op: 'del', text: 'x' } as const, ...same(10, 10)]
    expect(withContext(diff, 3)).toEqual([
      { op: 'skip', count: 7 },
      ...same(3, 7),
      { op: 'del', text: 'x' },
      ...same(3, 10),
      { op: 'skip', count: 7 },
    ])
  })

  test('does not hide a single line: a short run stays whole', () => {
    const add = { op: 'add', text: 'x' } as const
    const diff = [...same(4), add, ...same(7, 4), add]
    expect(withContext(diff, 3)).toEqual(diff)
  })
})

describe('diffSnapshots', () => {
  test('equal snapshots: an empty diff', () => {
    expect(diffSnapshots(base(), base())).toEqual({
      course: [],
      modules: [],
      lessons: [],
      isEmpty: true,
    })
  })

  test('no version before: everything is added', () => {
    const diff = diffSnapshots(null, base())
    expect(diff.isEmpty).toBe(false)
    expect(diff.course.map((c) => c.field)).toEqual([
      'title.nl',
      'title.en',
      'summary.nl',
      'summary.en',
      'audience.nl',
      'audience.en',
      'dossierSlug',
      'languages',
      'selfEnrol',
    ])
    expect(diff.course.every((c) => c.before === null)).toBe(true)
    expect(diff.modules).toEqual([
      { kind: 'added', key: 'm1', title: 'Module m1', position: 1 },
      { kind: 'added', key: 'm2', title: 'Module m2', position: 2 },
      { kind: 'added', key: 'm3', title: 'Module m3', position: 3 },
    ])
    expect(diff.lessons.map((l) => [l.kind, l.key])).toEqual(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((key) => ['added', key]),
    )
  })

  test('course fields: which changed, from what to what', () => {
    const after = base()
    after.title.en = 'The course'
    after.languages = ['nl']
    after.selfEnrol = false
    expect(diffSnapshots(base(), after).course).toEqual([
      { field: 'title.en', before: 'Course', after: 'The course' },
      { field: 'languages', before: ['nl', 'en'], after: ['nl'] },
      { field: 'selfEnrol', before: true, after: false },
    ])
  })

  test('modules added, removed, renamed and moved', () => {
    const before = base()
    before.modules.push(module('m4', [lesson('g')]))
    const after = structuredClone(before)
    const [, m2, m3, m4] = after.modules as SnapshotModule[]
    m2!.titleNl = 'Nieuwe naam'
    // m4 moves to the front, m1 is removed, m5 is added at the end; m2 and m3 keep their order.
    after.modules = [m4!, m2!, m3!, module('m5', [lesson('h')])]
    expect(diffSnapshots(before, after).modules).toEqual([
      { kind: 'changed', key: 'm4', title: 'Module m4', moved: { from: 4, to: 1 }, fields: [] },
      {
        kind: 'changed',
        key: 'm2',
        title: 'Nieuwe naam',
        moved: null,
        fields: [{ field: 'titleNl', before: 'Module m2', after: 'Nieuwe naam' }],
      },
      { kind: 'added', key: 'm5', title: 'Module m5', position: 4 },
      { kind: 'removed', key: 'm1', title: 'Module m1', position: 1 },
    ])
  })

  test('lessons added, removed and moved; a lesson only shifted by an insertion did not move', () => {
    const after = base()
    const [m1, m2, m3] = after.modules as [SnapshotModule, SnapshotModule, SnapshotModule]
    const [a, b, c] = m1.lessons as [SnapshotLesson, SnapshotLesson, SnapshotLesson]
    const [d, e] = m2.lessons as [SnapshotLesson, SnapshotLesson]
    // c moves to the front of m1; e moves to m3; m2 gets a new first lesson; f is replaced by g.
    m1.lessons = [c, a, b]
    m2.lessons = [lesson('nieuw'), d]
    m3.lessons = [lesson('g'), e]
    const diff = diffSnapshots(base(), after)
    expect(diff.lessons).toEqual([
      {
        kind: 'changed',
        key: 'c',
        title: 'Les c',
        moved: { from: { module: 'm1', position: 3 }, to: { module: 'm1', position: 1 } },
        fields: [],
        bodyNl: null,
        bodyEn: null,
      },
      { kind: 'added', key: 'nieuw', title: 'Les nieuw', at: { module: 'm2', position: 1 } },
      { kind: 'added', key: 'g', title: 'Les g', at: { module: 'm3', position: 1 } },
      {
        kind: 'changed',
        key: 'e',
        title: 'Les e',
        moved: { from: { module: 'm2', position: 2 }, to: { module: 'm3', position: 2 } },
        fields: [],
        bodyNl: null,
        bodyEn: null,
      },
      { kind: 'removed', key: 'f', title: 'Les f', at: { module: 'm3', position: 1 } },
    ])
  })

  test('lesson fields and bodies, Dutch and English apart', () => {
    const after = base()
    const a = after.modules[0]!.lessons[0]!
    a.type = 'quiz'
    a.duration = 15
    a.titleEn = 'Lesson A'
    a.workProcesses = ['TL-K2-W1', 'TL-K2-W2']
    a.competencies = []
    a.bodyNl = a.bodyNl.replace('Twee', 'Twee!')
    const b = after.modules[0]!.lessons[1]!
    b.bodyEn = null
    const diff = diffSnapshots(base(), after)
    const [changedA, changedB] = diff.lessons
    expect(changedA).toEqual({
      kind: 'changed',
      key: 'a',
      title: 'Les a',
      moved: null,
      fields: [
        { field: 'type', before: 'lesson', after: 'quiz' },
        { field: 'duration', before: 10, after: 15 },
        { field: 'titleEn', before: 'Lesson a', after: 'Lesson A' },
        { field: 'workProcesses', before: ['TL-K2-W1'], after: ['TL-K2-W1', 'TL-K2-W2'] },
        { field: 'competencies', before: ['C'], after: [] },
      ],
      bodyNl: [
        { op: 'same', text: '## a' },
        { op: 'same', text: '' },
        { op: 'same', text: 'Een' },
        { op: 'del', text: 'Twee' },
        { op: 'add', text: 'Twee!' },
        { op: 'same', text: 'Drie' },
      ],
      bodyEn: null,
    })
    expect(changedB).toMatchObject({ key: 'b', fields: [], bodyNl: null })
    expect(changedB?.kind === 'changed' && changedB.bodyEn?.every((d) => d.op === 'del')).toBe(true)
  })

  test('the diff is plain data', () => {
    const diff = diffSnapshots(null, base())
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff)
  })
})
