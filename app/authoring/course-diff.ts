import type { CourseSnapshot, SnapshotLesson, SnapshotModule } from './course-snapshot.ts'

/**
 * What changed between two versions of a course, as plain data a page can render: course
 * fields, modules and lessons matched by their stable keys, and line diffs of lesson bodies.
 */
export type DiffLine = { op: 'same' | 'add' | 'del'; text: string }
/** A collapsed run of unchanged lines. */
export type DiffSkip = { op: 'skip'; count: number }

export type FieldValue = string | number | boolean | string[] | null
export type FieldChange<F extends string> = { field: F; before: FieldValue; after: FieldValue }

export type CourseField =
  | 'title.nl'
  | 'title.en'
  | 'summary.nl'
  | 'summary.en'
  | 'audience.nl'
  | 'audience.en'
  | 'dossierSlug'
  | 'languages'
  | 'selfEnrol'
export type ModuleField = 'titleNl' | 'titleEn'
export type LessonField =
  'type' | 'duration' | 'titleNl' | 'titleEn' | 'workProcesses' | 'competencies'

/** Positions are 1-based, as authors count. */
export type ModuleChange =
  | { kind: 'added' | 'removed'; key: string; title: string; position: number }
  | {
      kind: 'changed'
      key: string
      title: string
      moved: { from: number; to: number } | null
      /** A rename shows as titleNl / titleEn. */
      fields: FieldChange<ModuleField>[]
    }

export type LessonPlace = { module: string; position: number }
export type LessonChange =
  | { kind: 'added' | 'removed'; key: string; title: string; at: LessonPlace }
  | {
      kind: 'changed'
      key: string
      title: string
      moved: { from: LessonPlace; to: LessonPlace } | null
      fields: FieldChange<LessonField>[]
      /** Null when the body is unchanged. */
      bodyNl: DiffLine[] | null
      bodyEn: DiffLine[] | null
    }

export type SnapshotDiff = {
  course: FieldChange<CourseField>[]
  modules: ModuleChange[]
  lessons: LessonChange[]
  isEmpty: boolean
}

/** With `before` null (a new course) every field, module and lesson shows as added. */
export function diffSnapshots(before: CourseSnapshot | null, after: CourseSnapshot): SnapshotDiff {
  const course = fieldChanges(before && courseFields(before), courseFields(after))
  const modules = diffModules(before?.modules ?? [], after.modules)
  const lessons = diffLessons(before?.modules ?? [], after.modules)
  return {
    course,
    modules,
    lessons,
    isEmpty: course.length === 0 && modules.length === 0 && lessons.length === 0,
  }
}

function courseFields(s: CourseSnapshot): Record<CourseField, FieldValue> {
  return {
    'title.nl': s.title.nl,
    'title.en': s.title.en,
    'summary.nl': s.summary.nl,
    'summary.en': s.summary.en,
    'audience.nl': s.audience.nl,
    'audience.en': s.audience.en,
    dossierSlug: s.dossierSlug,
    languages: s.languages,
    selfEnrol: s.selfEnrol,
  }
}

function lessonFields(l: SnapshotLesson): Record<LessonField, FieldValue> {
  return {
    type: l.type,
    duration: l.duration,
    titleNl: l.titleNl,
    titleEn: l.titleEn,
    workProcesses: l.workProcesses,
    competencies: l.competencies,
  }
}

function fieldChanges<F extends string>(
  before: Record<F, FieldValue> | null,
  after: Record<F, FieldValue>,
): FieldChange<F>[] {
  return (Object.keys(after) as F[])
    .map((field) => ({ field, before: before ? before[field] : null, after: after[field] }))
    .filter((c) => before === null || !sameValue(c.before, c.after))
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => x === b[i])
  return a === b
}

function diffModules(before: SnapshotModule[], after: SnapshotModule[]): ModuleChange[] {
  const old = new Map(before.map((m, i) => [m.key, { module: m, position: i + 1 }]))
  const kept = new Set(after.map((m) => m.key))
  const stayed = inSameOrder(
    before.map((m) => m.key).filter((k) => kept.has(k)),
    after.map((m) => m.key).filter((k) => old.has(k)),
  )
  const changes: ModuleChange[] = []
  after.forEach((module, i) => {
    const was = old.get(module.key)
    const position = i + 1
    if (!was) {
      changes.push({ kind: 'added', key: module.key, title: module.titleNl, position })
      return
    }
    const fields = fieldChanges(
      { titleNl: was.module.titleNl, titleEn: was.module.titleEn },
      { titleNl: module.titleNl, titleEn: module.titleEn },
    )
    const moved = stayed.has(module.key) ? null : { from: was.position, to: position }
    if (moved || fields.length > 0) {
      changes.push({ kind: 'changed', key: module.key, title: module.titleNl, moved, fields })
    }
  })
  before.forEach((module, i) => {
    if (!kept.has(module.key)) {
      changes.push({ kind: 'removed', key: module.key, title: module.titleNl, position: i + 1 })
    }
  })
  return changes
}

type PlacedLesson = { lesson: SnapshotLesson; at: LessonPlace }

function placed(modules: SnapshotModule[]): Map<string, PlacedLesson> {
  return new Map(
    modules.flatMap((m) =>
      m.lessons.map((lesson, i) => [
        lesson.key,
        { lesson, at: { module: m.key, position: i + 1 } },
      ]),
    ),
  )
}

function diffLessons(before: SnapshotModule[], after: SnapshotModule[]): LessonChange[] {
  const old = placed(before)
  const now = placed(after)
  // A lesson moved when it changed module, or changed order among the lessons that stayed in
  // its module; lessons only shifted by an insertion or removal did not move.
  const stayed = new Set<string>()
  for (const module of after) {
    const wasHere = (key: string) => old.get(key)?.at.module === module.key
    const isHere = (key: string) => now.get(key)?.at.module === module.key
    const previous = before.find((m) => m.key === module.key)?.lessons ?? []
    for (const key of inSameOrder(
      previous.map((l) => l.key).filter(isHere),
      module.lessons.map((l) => l.key).filter(wasHere),
    ))
      stayed.add(key)
  }

  const changes: LessonChange[] = []
  for (const { lesson, at } of now.values()) {
    const was = old.get(lesson.key)
    if (!was) {
      changes.push({ kind: 'added', key: lesson.key, title: lesson.titleNl, at })
      continue
    }
    const fields = fieldChanges(lessonFields(was.lesson), lessonFields(lesson))
    const moved = stayed.has(lesson.key) ? null : { from: was.at, to: at }
    const bodyNl = bodyChange(was.lesson.bodyNl, lesson.bodyNl)
    const bodyEn = bodyChange(was.lesson.bodyEn, lesson.bodyEn)
    if (moved || fields.length > 0 || bodyNl || bodyEn) {
      changes.push({
        kind: 'changed',
        key: lesson.key,
        title: lesson.titleNl,
        moved,
        fields,
        bodyNl,
        bodyEn,
      })
    }
  }
  for (const { lesson, at } of old.values()) {
    if (!now.has(lesson.key))
      changes.push({ kind: 'removed', key: lesson.key, title: lesson.titleNl, at })
  }
  return changes
}

function bodyChange(before: string | null, after: string | null): DiffLine[] | null {
  return before === after ? null : lineDiff(before ?? '', after ?? '')
}

/** The keys that keep their relative order: the longest common subsequence of two orders. */
function inSameOrder(before: string[], after: string[]): Set<string> {
  return new Set(
    diffSequence(before, after)
      .filter((d) => d.op === 'same')
      .map((d) => d.text),
  )
}

/** A minimal line diff: 'same' + 'del' lines are `a`, 'same' + 'add' lines are `b`. */
export function lineDiff(a: string, b: string): DiffLine[] {
  return diffSequence(lines(a), lines(b))
}

function lines(text: string): string[] {
  return text === '' ? [] : text.split('\n')
}

/**
 * Collapse unchanged runs to `context` lines around each change; a run is only replaced by a
 * skip marker when that hides at least two lines.
 */
export function withContext(diff: DiffLine[], context = 3): Array<DiffLine | DiffSkip> {
  const out: Array<DiffLine | DiffSkip> = []
  let i = 0
  while (i < diff.length) {
    if (diff[i]!.op !== 'same') {
      out.push(diff[i++]!)
      continue
    }
    let end = i
    while (end < diff.length && diff[end]!.op === 'same') end++
    const head = i === 0 ? 0 : context
    const tail = end === diff.length ? 0 : context
    const hidden = end - i - head - tail
    if (hidden >= 2) {
      out.push(
        ...diff.slice(i, i + head),
        { op: 'skip', count: hidden },
        ...diff.slice(end - tail, end),
      )
    } else {
      out.push(...diff.slice(i, end))
    }
    i = end
  }
  return out
}

/**
 * Beyond this many edits the diff of the differing middle is "all removed, all added": the
 * Myers trace grows with the square of the edits, and so large a rewrite reads best that way.
 */
const MAX_EDITS = 2000

/** Myers' O(ND) diff, after taking off the common head and tail. */
function diffSequence(a: string[], b: string[]): DiffLine[] {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let endA = a.length
  let endB = b.length
  while (endA > head && endB > head && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const same = (text: string): DiffLine => ({ op: 'same', text })
  return [
    ...a.slice(0, head).map(same),
    ...myers(a.slice(head, endA), b.slice(head, endB)),
    ...a.slice(endA).map(same),
  ]
}

function myers(a: string[], b: string[]): DiffLine[] {
  const n = a.length
  const m = b.length
  const replaceAll = () => [
    ...a.map((text): DiffLine => ({ op: 'del', text })),
    ...b.map((text): DiffLine => ({ op: 'add', text })),
  ]
  if (n === 0 || m === 0) return replaceAll()
  // Compare numbers, not strings: equal lines get the same id.
  const ids = new Map<string, number>()
  const id = (line: string) => {
    if (!ids.has(line)) ids.set(line, ids.size)
    return ids.get(line)!
  }
  const aIds = Int32Array.from(a, id)
  const bIds = Int32Array.from(b, id)

  // v[k + offset] is the furthest x reached on diagonal k = x - y; trace[d] keeps v[-d..d]
  // after d edits, which is all the walk back needs.
  const limit = Math.min(n + m, MAX_EDITS)
  const offset = limit + 1
  const v = new Int32Array(2 * offset + 1)
  const trace: Int32Array[] = []
  let edits = -1
  search: for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && aIds[x] === bIds[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        edits = d
        break search
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1))
  }
  if (edits < 0) return replaceAll()

  const out: DiffLine[] = []
  let x = n
  let y = m
  for (let d = edits; d > 0; d--) {
    const prev = trace[d - 1]!
    const at = (k: number) => prev[k + d - 1]!
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const prevK = down ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    // The snake after the edit, then the edit itself: down adds b[prevY], right deletes a[prevX].
    const snakeStart = down ? prevX : prevX + 1
    while (x > snakeStart) out.push({ op: 'same', text: a[--x]! })
    out.push(down ? { op: 'add', text: b[prevY]! } : { op: 'del', text: a[prevX]! })
    x = prevX
    y = prevY
  }
  while (x > 0) out.push({ op: 'same', text: a[--x]! })
  return out.reverse()
}
