import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { strToU8, zipSync, type Zippable } from 'fflate'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { formatProblem } from '#app/content/content-error.ts'
import { checkCourses } from '#app/content/course-check.server.ts'
import { listCourseDirs } from '#app/content/course-files.server.ts'
import { readFramework } from '#app/content/dossier-files.server.ts'
import {
  readSnapshot,
  snapshotFiles,
  snapshotZip,
  unzipCourse,
  writeSnapshot,
} from './course-files-export.server.ts'
import type { CourseSnapshot, SnapshotLesson } from './course-snapshot.ts'

const temps: string[] = []
async function tempDir() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'course-export-'))
  temps.push(dir)
  return dir
}
afterAll(async () => {
  await Promise.all(temps.map((dir) => fs.rm(dir, { recursive: true, force: true })))
})

async function repositorySnapshots(): Promise<CourseSnapshot[]> {
  const snapshots: CourseSnapshot[] = []
  for (const dir of await listCourseDirs('courses')) {
    const { snapshot, problems } = await readSnapshot(dir)
    expect(problems).toEqual([])
    snapshots.push(snapshot!)
  }
  return snapshots
}

async function filesUnder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, file), await fs.readFile(file, 'utf8'))
  }
  return files
}

describe('every repository course, written out and read back', () => {
  let originals: CourseSnapshot[]
  let root: string
  beforeAll(async () => {
    originals = await repositorySnapshots()
    root = await tempDir()
    // All courses in one root, so `lesson:` links between courses resolve.
    await fs.cp('courses/dossiers', path.join(root, 'dossiers'), { recursive: true })
    await fs.copyFile('courses/recertification.yaml', path.join(root, 'recertification.yaml'))
    for (const snapshot of originals) await writeSnapshot(snapshot, root)
  })

  test('reads back equal to the original', async () => {
    expect(originals.length).toBe(5)
    for (const original of originals) {
      const { snapshot, problems } = await readSnapshot(path.join(root, original.id))
      expect(problems).toEqual([])
      expect(snapshot).toEqual(original)
    }
  })

  test('passes the checker with zero problems', { timeout: 60_000 }, async () => {
    const framework = await readFramework(path.join(root, 'dossiers'))
    const { courses, problems } = await checkCourses(root, framework)
    expect(problems.map(formatProblem)).toEqual([])
    expect(courses).toHaveLength(originals.length)
  })

  test('passes `courses:check` (exit 0)', { timeout: 60_000 }, async () => {
    const result = await promisify(execFile)('npx', ['tsx', 'app/cli/courses-check.ts', root], {
      cwd: process.cwd(),
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    )
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/courses:check: 5 courses, \d+ lessons, 0 problems/)
    expect(result.code).toBe(0)
  })

  test('lesson and module files come out byte for byte as the repository has them', async () => {
    // course.yaml differs only where the hand-written summaries wrap their lines.
    for (const original of originals) {
      const repository = new Set((await filesUnder(path.join('courses', original.id))).values())
      const written = snapshotFiles(original).filter((f) => !f.path.endsWith('course.yaml'))
      expect(written.filter((f) => !repository.has(f.text)).map((f) => f.path)).toEqual([])
    }
  })
})

function lesson(key: string, overrides: Partial<SnapshotLesson> = {}): SnapshotLesson {
  return {
    key,
    type: 'lesson',
    duration: 10,
    titleNl: `Les ${key}`,
    titleEn: `Lesson ${key}`,
    workProcesses: ['TL-K2-W1'],
    competencies: ['C'],
    bodyNl: '## Kop\n\nTekst.',
    bodyEn: '## Heading\n\nText.',
    ...overrides,
  }
}

/** A small bilingual course whose every text is hard to write as YAML. */
const tricky: CourseSnapshot = {
  id: 'lastige-tekens',
  dossierSlug: 'contactcenter-teamleider',
  title: { nl: 'Toets: "quotes" en \'enkele\'', en: '# not a comment' },
  summary: {
    nl: '- geen lijst: wél een zin met ë, é en ĳ.\n\nTweede alinea: met een dubbele punt.',
    en: 'A summary with "quotes", a colon: and a # hash.',
  },
  audience: { nl: 'Één team: “gekrulde” aanhalingstekens', en: '[not a list]' },
  languages: ['nl', 'en'],
  selfEnrol: false,
  modules: [
    {
      key: 'm1',
      titleNl: 'Module: één',
      titleEn: "It's a module #1",
      lessons: [
        lesson('l1', {
          titleNl: '- Toets: "Wat is AHT?" #1',
          titleEn: "Quiz: what's AHT?",
          competencies: [],
        }),
        lesson('l2', { titleNl: 'ĳsbreker: eerste week', titleEn: '@ the floor', bodyNl: '' }),
      ],
    },
  ],
}

describe('snapshotFiles', () => {
  test('titles with quotes, colons, #, a leading - and Dutch letters survive', async () => {
    const root = await tempDir()
    const dir = await writeSnapshot(tricky, root)
    expect(dir).toBe(path.join(root, 'lastige-tekens'))
    const { snapshot, problems } = await readSnapshot(dir)
    expect(problems).toEqual([])
    expect(snapshot).toEqual(tricky)
  })

  test('the layout: numbered folders and files, an English twin, flow lists, one final newline', () => {
    const files = snapshotFiles(tricky)
    expect(files.map((f) => f.path)).toEqual([
      'lastige-tekens/course.yaml',
      'lastige-tekens/01-m1/module.yaml',
      'lastige-tekens/01-m1/01-l1.mdx',
      'lastige-tekens/01-m1/01-l1.en.mdx',
      'lastige-tekens/01-m1/02-l2.mdx',
      'lastige-tekens/01-m1/02-l2.en.mdx',
    ])
    expect(files[2]!.text).toBe(
      [
        '---',
        'id: l1',
        // yaml quotes with ' when that saves escaping the "
        `title: '- Toets: "Wat is AHT?" #1'`,
        'duration: 10',
        'type: lesson',
        'workProcesses: [TL-K2-W1]',
        'competencies: []',
        '---',
        '',
        '## Kop',
        '',
        'Tekst.',
        '',
      ].join('\n'),
    )
    expect(files[3]!.text).toBe('---\ntitle: "Quiz: what\'s AHT?"\n---\n\n## Heading\n\nText.\n')
    expect(files[4]!.text).toMatch(/^---\n[\s\S]*\n---\n$/)
    for (const file of files) expect(file.text).toMatch(/[^\n]\n$/)
  })

  test('bodies are written with LF line ends and without trailing whitespace', () => {
    const course = structuredClone(tricky)
    course.modules[0]!.lessons[0]!.bodyNl = 'Regel een  \r\nRegel twee\t\r\n\r\n\r\n'
    const [, , nl] = snapshotFiles(course)
    expect(nl!.text.endsWith('---\n\nRegel een\nRegel twee\n')).toBe(true)
  })

  test('an id that is not lowercase-kebab never becomes a path', () => {
    const course = structuredClone(tricky)
    course.modules[0]!.lessons[0]!.key = '../../etc'
    expect(() => snapshotFiles(course)).toThrow(/not an id/)
  })

  test('writeSnapshot does not write into an existing course folder', async () => {
    const root = await tempDir()
    await writeSnapshot(tricky, root)
    await expect(writeSnapshot(tricky, root)).rejects.toThrow(/EEXIST/)
  })
})

describe('zip', () => {
  async function coachen() {
    const { snapshot } = await readSnapshot('courses/tl-k2-coachen')
    return snapshot!
  }

  test('snapshotZip → unzipCourse → readSnapshot gives the same course', async () => {
    const original = await coachen()
    const dir = await tempDir()
    const unzipped = await unzipCourse(snapshotZip(original), dir)
    expect(unzipped).toEqual({ ok: true, courseDir: path.join(dir, 'tl-k2-coachen') })
    const { snapshot, problems } = await readSnapshot(path.join(dir, 'tl-k2-coachen'))
    expect(problems).toEqual([])
    expect(snapshot).toEqual(original)
  })

  test('the same course gives the same bytes, whatever the time', async () => {
    const original = await coachen()
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(new Date('2026-03-01T10:00:00Z'))
      const first = snapshotZip(original)
      vi.setSystemTime(new Date('2031-07-15T18:31:07Z'))
      expect(snapshotZip(original)).toEqual(first)
    } finally {
      vi.useRealTimers()
    }
  })

  const course = {
    'course.yaml': strToU8('id: klein\n'),
    '01-m1': { 'module.yaml': strToU8('id: m1\n') },
  }

  async function unzip(files: Zippable) {
    const dir = await tempDir()
    const result = await unzipCourse(zipSync(files), path.join(dir, 'upload'))
    return { result, dir }
  }

  test('a zip with course.yaml at its root goes into a folder named after the course id', async () => {
    const { result, dir } = await unzip(course)
    expect(result).toEqual({ ok: true, courseDir: path.join(dir, 'upload', 'klein') })
    expect(await filesUnder(path.join(dir, 'upload'))).toEqual(
      new Map([
        [path.join('klein', 'course.yaml'), 'id: klein\n'],
        [path.join('klein', '01-m1', 'module.yaml'), 'id: m1\n'],
      ]),
    )
  })

  test('__MACOSX/ and .DS_Store are left out', async () => {
    const { result, dir } = await unzip({
      klein: { ...course, '.DS_Store': strToU8('x') },
      __MACOSX: { klein: { '._course.yaml': strToU8('x') } },
    })
    expect(result).toEqual({ ok: true, courseDir: path.join(dir, 'upload', 'klein') })
    expect([...(await filesUnder(path.join(dir, 'upload'))).keys()].sort()).toEqual([
      path.join('klein', '01-m1', 'module.yaml'),
      path.join('klein', 'course.yaml'),
    ])
  })

  test.each([
    ['../evil.mdx', /"\.\.\/evil\.mdx" is not a plain path/],
    ['klein/../../evil.mdx', /is not a plain path/],
    ['/etc/x', /"\/etc\/x" is an absolute path/],
    ['C:/x', /is an absolute path/],
    ['a\\..\\b', /has a backslash/],
    ['klein/./evil.mdx', /is not a plain path/],
    ['klein//evil.mdx', /is not a plain path/],
    ['klein/e\u0001vil.mdx', /has a control character/],
  ])('refuses the entry %s and writes nothing', async (name, message) => {
    const { result, dir } = await unzip({ klein: course, [name]: strToU8('evil') })
    expect(result).toEqual({ ok: false, message: expect.stringMatching(message) })
    expect(await fs.readdir(dir)).toEqual([])
  })

  test('refuses a symbolic link', async () => {
    const link: Zippable[string] = [strToU8('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }]
    const { result } = await unzip({ klein: { ...course, 'link.mdx': link } })
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/symbolic link/) })
  })

  test('refuses two courses in one zip', async () => {
    const { result } = await unzip({ a: course, b: course })
    expect(result).toEqual({
      ok: false,
      message: 'the zip holds two courses: a, b; export one course per zip',
    })
  })

  test('refuses a zip without course.yaml, and stray files beside the course', async () => {
    expect((await unzip({ klein: { 'x.mdx': strToU8('x') } })).result).toEqual({
      ok: false,
      message: expect.stringMatching(/no course\.yaml/),
    })
    expect((await unzip({ klein: course, 'README.md': strToU8('x') })).result).toEqual({
      ok: false,
      message: expect.stringMatching(/besides the course folder klein\/ the zip holds README\.md/),
    })
  })

  test('refuses more than 500 entries', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 500 }, (_, i) => [`lesson-${i}.mdx`, strToU8('x')]),
    )
    // fflate adds an entry for each folder: klein/ and klein/01-m1/.
    const { result } = await unzip({ klein: { ...course, ...many } })
    expect(result).toEqual({ ok: false, message: 'the zip holds 504 entries; at most 500' })
  })

  test('refuses more than 20 MiB unpacked, by the declared sizes', async () => {
    const big = new Uint8Array(21 * 1024 * 1024)
    const { result } = await unzip({ klein: { ...course, 'big.mdx': big } })
    expect(result).toEqual({
      ok: false,
      message: 'the zip unpacks to 21 MiB; at most 20 MiB',
    })
  })

  test('refuses an entry that unpacks to more than it declares', async () => {
    const bytes = zipSync({ klein: { ...course, 'big.mdx': new Uint8Array(1024 * 1024) } })
    // Declare 100 bytes for big.mdx in the central directory, as a zip bomb would.
    const view = new DataView(bytes.buffer)
    for (let at = 0; at < bytes.length - 4; at++) {
      if (view.getUint32(at, true) === 0x02014b50 && view.getUint32(at + 24, true) === 1024 * 1024)
        view.setUint32(at + 24, 100, true)
    }
    const result = await unzipCourse(bytes, path.join(await tempDir(), 'upload'))
    expect(result).toEqual({
      ok: false,
      message: 'the zip is damaged: "klein/big.mdx" cannot be unpacked',
    })
  })

  test.each([
    ['a compression method other than stored or deflate', 10, 12, /uses compression method 12/],
    ['a password', 8, 1, /is encrypted; upload a zip without a password/],
  ])('refuses an entry with %s', async (_, field, value, message) => {
    const bytes = zipSync({ klein: course })
    // Set the field in every central directory record: the listing is what is checked.
    const view = new DataView(bytes.buffer)
    for (let at = 0; at < bytes.length - 4; at++) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint16(at + field, value, true)
    }
    const result = await unzipCourse(bytes, path.join(await tempDir(), 'upload'))
    expect(result).toEqual({ ok: false, message: expect.stringMatching(message) })
  })

  test('refuses what is not a zip', async () => {
    const result = await unzipCourse(strToU8('just text'), await tempDir())
    expect(result).toEqual({ ok: false, message: 'this is not a zip file' })
  })
})
