import fs from 'node:fs/promises'
import path from 'node:path'
import { Inflate, strToU8, zipSync } from 'fflate'
import { Document, Scalar, isMap, isPair, isScalar, isSeq, parse } from 'yaml'
import type { ContentProblem } from '#app/content/content-error.ts'
import { lessonBody, readCourse, type CourseSource } from '#app/content/course-files.server.ts'
import type { CourseSnapshot } from './course-snapshot.ts'

/**
 * A course snapshot as the files of `courses/<id>/`, as a zip of those files, and back. The
 * files look like the hand-written ones in the repository, so an exported course can be
 * committed and reviewed like any other; reading goes through `readCourse`, the same reader
 * `courses:check` and import use.
 */
export type CourseFile = { path: string; text: string }

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** The files of a course, paths relative to the courses root (`<id>/course.yaml`, ...). */
export function snapshotFiles(snapshot: CourseSnapshot): CourseFile[] {
  const course = pathId(snapshot.id)
  const files: CourseFile[] = [
    {
      path: `${course}/course.yaml`,
      text: yamlEntries([
        ['id', snapshot.id, 'plain'],
        ['title', snapshot.title, 'pair'],
        ['summary', snapshot.summary, 'folded'],
        ['audience', snapshot.audience, 'pair'],
        ['dossier', snapshot.dossierSlug, 'plain'],
        ['languages', snapshot.languages, 'list'],
        ['selfEnrol', snapshot.selfEnrol, 'plain'],
      ]),
    },
  ]
  snapshot.modules.forEach((module, m) => {
    const dir = `${course}/${numbered(m, module.key)}`
    files.push({
      path: `${dir}/module.yaml`,
      text: yamlEntries([
        ['id', module.key, 'plain'],
        ['title', { nl: module.titleNl, en: module.titleEn }, 'pair'],
      ]),
    })
    module.lessons.forEach((lesson, l) => {
      const name = `${dir}/${numbered(l, lesson.key)}`
      const frontmatter: YamlEntry[] = [
        ['id', lesson.key, 'plain'],
        ['title', lesson.titleNl, 'plain'],
        ['duration', lesson.duration, 'plain'],
        ['type', lesson.type, 'plain'],
        ['workProcesses', lesson.workProcesses, 'list'],
        ['competencies', lesson.competencies, 'list'],
      ]
      files.push({ path: `${name}.mdx`, text: mdxFile(frontmatter, lesson.bodyNl) })
      // Written whenever the lesson has English text, so nothing is lost: the checker tells
      // an author when that does not match the course's languages.
      if (lesson.titleEn !== null || lesson.bodyEn !== null) {
        files.push({
          path: `${name}.en.mdx`,
          text: mdxFile([['title', lesson.titleEn ?? '', 'plain']], lesson.bodyEn ?? ''),
        })
      }
    })
  })
  return files
}

/**
 * Write the course under `root` and return its folder. The folder must not exist yet: files
 * left from an older version (a renamed lesson) would otherwise become extra lessons.
 */
export async function writeSnapshot(snapshot: CourseSnapshot, root: string): Promise<string> {
  const files = snapshotFiles(snapshot)
  await fs.mkdir(root, { recursive: true })
  const courseDir = path.join(root, snapshot.id)
  await fs.mkdir(courseDir)
  for (const file of files) {
    const target = path.join(root, file.path)
    await fs.mkdir(path.dirname(target), { recursive: true })
    await fs.writeFile(target, file.text)
  }
  return courseDir
}

// DOS timestamps are local time: a date built from local fields gives the same bytes in every
// time zone, and a fixed one gives the same zip for the same course.
const ZIP_MTIME = new Date(2000, 0, 1)

export function snapshotZip(snapshot: CourseSnapshot): Uint8Array {
  const files = snapshotFiles(snapshot)
  return zipSync(Object.fromEntries(files.map((f) => [f.path, strToU8(f.text)])), {
    mtime: ZIP_MTIME,
  })
}

export async function readSnapshot(
  courseDir: string,
): Promise<{ snapshot: CourseSnapshot | null; problems: ContentProblem[] }> {
  const { course, problems } = await readCourse(courseDir)
  // readCourse skips files it cannot read: a snapshot without them would silently drop lessons.
  if (!course || problems.length > 0) return { snapshot: null, problems }
  return { snapshot: toSnapshot(course), problems }
}

function toSnapshot({ meta, modules }: CourseSource): CourseSnapshot {
  return {
    id: meta.id,
    dossierSlug: meta.dossier,
    title: meta.title,
    summary: meta.summary,
    audience: meta.audience,
    languages: meta.languages,
    selfEnrol: meta.selfEnrol,
    modules: modules.map((module) => ({
      key: module.meta.id,
      titleNl: module.meta.title.nl,
      titleEn: module.meta.title.en,
      lessons: module.lessons.map((lesson) => ({
        key: lesson.meta.id,
        type: lesson.meta.type,
        duration: lesson.meta.duration,
        titleNl: lesson.meta.title,
        titleEn: lesson.en?.title ?? null,
        workProcesses: lesson.meta.workProcesses,
        competencies: lesson.meta.competencies,
        bodyNl: normaliseBody(lessonBody(lesson.source)),
        bodyEn: lesson.en ? normaliseBody(lessonBody(lesson.en.source)) : null,
      })),
    })),
  }
}

/** LF line ends, no trailing spaces, no trailing blank lines: what a reviewed file holds. */
export function normaliseBody(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n+$/, '')
}

/** A lesson file: its front matter, then its text, the way reviewed files are laid out. */
export function mdxFile(frontmatter: YamlEntry[], body: string): string {
  const text = normaliseBody(body)
  return `---\n${yamlEntries(frontmatter)}---\n${text ? `\n${text}\n` : ''}`
}

/** `NN-<key>`: the 1-based position keeps the order, the key keeps the name stable. */
function numbered(index: number, key: string): string {
  if (index >= 99) throw new Error(`more than 99 items in one folder (at "${key}")`)
  return `${String(index + 1).padStart(2, '0')}-${pathId(key)}`
}

/** Ids become folder and file names: anything else could write outside the course folder. */
function pathId(id: string): string {
  if (!ID.test(id)) throw new Error(`"${id}" is not an id (lowercase words joined by -)`)
  return id
}

/**
 * How the repository's files write each kind of value: `pair` a one-line `{ nl: "…", en: "…" }`,
 * `list` a one-line `[A, B]`, `folded` a map of `>-` paragraphs wrapped at 100 columns.
 */
type YamlStyle = 'plain' | 'pair' | 'list' | 'folded'
type YamlEntry = [key: string, value: unknown, style: YamlStyle]

function yamlEntries(entries: YamlEntry[]): string {
  return entries.map(yamlEntry).join('')
}

// One document per entry: line width and flow padding are options of a whole document, and
// the styles above need different ones.
function yamlEntry([key, value, style]: YamlEntry): string {
  const doc = new Document({ [key]: value })
  const node = doc.get(key, true)
  if (isMap(node) || isSeq(node)) {
    node.flow = style === 'pair' || style === 'list'
    for (const item of node.items as unknown[]) {
      const scalar = isPair(item) ? item.value : item
      if (!isScalar(scalar)) continue
      if (style === 'pair') scalar.type = Scalar.QUOTE_DOUBLE
      if (style === 'folded') scalar.type = Scalar.BLOCK_FOLDED
    }
  }
  return doc.toString(
    style === 'folded'
      ? { lineWidth: 100 }
      : { lineWidth: 0, flowCollectionPadding: style !== 'list' },
  )
}

// ---------------------------------------------------------------------------------------------
// Unzipping an upload. The zip comes from a browser, so it is read defensively: its central
// directory is checked (names, kinds, declared sizes, count) before anything is inflated, and
// inflating stops as soon as an entry yields more than it declared.

const MAX_ENTRIES = 500
const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024
const INFLATE_CHUNK = 16 * 1024
const IGNORED = (name: string) => name.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(name)

type ZipEntry = {
  name: string
  flags: number
  method: number
  compressedSize: number
  size: number
  localHeader: number
  /** The Unix file type bits, when the zip was made on Unix. */
  unixType: number | null
}
type Unzipped = { ok: true; courseDir: string } | { ok: false; message: string }

/** Extract an uploaded course zip into `dir` (empty or missing); return the course folder. */
export async function unzipCourse(bytes: Uint8Array, dir: string): Promise<Unzipped> {
  const fail = (message: string): Unzipped => ({ ok: false, message })
  const entries = readCentralDirectory(bytes)
  if (typeof entries === 'string') return fail(entries)

  const files: ZipEntry[] = []
  for (const entry of entries) {
    const problem = entryProblem(entry)
    if (problem) return fail(problem)
    if (!entry.name.endsWith('/') && !IGNORED(entry.name)) files.push(entry)
  }
  const names = files.map((f) => f.name)
  const twice = names.find((name, i) => names.indexOf(name) !== i)
  if (twice) return fail(`the zip holds "${twice}" twice`)
  const declared = files.reduce((sum, f) => sum + f.size, 0)
  if (declared > MAX_UNZIPPED_BYTES) {
    return fail(`the zip unpacks to ${mib(declared)} MiB; at most ${mib(MAX_UNZIPPED_BYTES)} MiB`)
  }

  const contents = new Map<string, Uint8Array>()
  for (const file of files) {
    const data = inflateEntry(bytes, file)
    if (!data) return fail(`the zip is damaged: "${file.name}" cannot be unpacked`)
    contents.set(file.name, data)
  }

  const course = findCourse(names)
  if ('message' in course) return fail(course.message)
  const folder = course.prefix || courseIdOf(contents.get('course.yaml')) || 'course'

  await fs.mkdir(dir, { recursive: true })
  if ((await fs.readdir(dir)).length > 0)
    throw new Error(`unzipCourse needs an empty folder: ${dir}`)
  const courseDir = path.join(dir, folder)
  for (const [name, data] of contents) {
    const target = path.join(courseDir, course.prefix ? name.slice(course.prefix.length + 1) : name)
    try {
      await fs.mkdir(path.dirname(target), { recursive: true })
      await fs.writeFile(target, data, { flag: 'wx' })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR') {
        return fail(`"${name}" clashes with another file or folder in the zip`)
      }
      throw error
    }
  }
  return { ok: true, courseDir }
}

/** One course folder with course.yaml (prefix = its name), or course.yaml at the root (''). */
function findCourse(names: string[]): { prefix: string } | { message: string } {
  if (names.includes('course.yaml')) return { prefix: '' }
  const loose = names.filter((n) => !n.includes('/'))
  const folders = [...new Set(names.filter((n) => n.includes('/')).map((n) => n.split('/')[0]!))]
  const courses = folders.filter((f) => names.includes(`${f}/course.yaml`)).sort()
  if (courses.length > 1) {
    const count = courses.length === 2 ? 'two' : String(courses.length)
    return {
      message: `the zip holds ${count} courses: ${courses.join(', ')}; export one course per zip`,
    }
  }
  const [course] = courses
  if (!course) {
    return {
      message:
        'the zip holds no course.yaml: put one course folder in it, e.g. tl-k2-coachen/course.yaml',
    }
  }
  const others = [...folders.filter((f) => f !== course).map((f) => `${f}/`), ...loose].sort()
  if (others.length > 0) {
    return {
      message: `besides the course folder ${course}/ the zip holds ${others.join(', ')}; put only the course folder in it`,
    }
  }
  return { prefix: course }
}

/** The id in a root-level course.yaml, to name the folder; the checker reports a bad file. */
function courseIdOf(courseYaml: Uint8Array | undefined): string | null {
  try {
    const id: unknown = parse(new TextDecoder().decode(courseYaml))?.id
    return typeof id === 'string' && ID.test(id) ? id : null
  } catch {
    return null
  }
}

const S_IFMT = 0o170000
const S_IFREG = 0o100000
const S_IFDIR = 0o040000

function entryProblem(entry: ZipEntry): string | null {
  const { name } = entry
  if (name.includes('\\')) return `"${name}" has a backslash in its path; zip paths use /`
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return `"${name}" is an absolute path`
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f]/.test(name)) return `"${name}" has a control character in its path`
  const segments = name.replace(/\/$/, '').split('/')
  if (segments.some((s) => s === '..' || s === '.' || s === '')) {
    return `"${name}" is not a plain path inside the zip (empty, . or .. segment)`
  }
  if (entry.unixType !== null && ![0, S_IFREG, S_IFDIR].includes(entry.unixType)) {
    return `"${name}" is a symbolic link or special file; a course zip holds only files and folders`
  }
  if (entry.flags & 1) return `"${name}" is encrypted; upload a zip without a password`
  if (entry.method !== 0 && entry.method !== 8) {
    return `"${name}" uses compression method ${entry.method}; use standard (deflate) compression`
  }
  return null
}

/** The entries listed in the zip's central directory; a message when it is not a usable zip. */
function readCentralDirectory(bytes: Uint8Array): ZipEntry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const notZip = 'this is not a zip file'
  // The end record sits at the end, after a comment of at most 64 KiB.
  let end = bytes.length - 22
  const lowest = Math.max(0, end - 0xffff)
  while (end >= lowest && view.getUint32(end, true) !== 0x06054b50) end--
  if (end < lowest) return notZip
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  // Zip64 marks its counts and offsets with all ones; it is only needed far beyond our limits.
  if (count === 0xffff || at === 0xffffffff) return 'the zip is too large'
  if (count > MAX_ENTRIES) return `the zip holds ${count} entries; at most ${MAX_ENTRIES}`

  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return notZip
    const nameLength = view.getUint16(at + 28, true)
    const madeOnUnix = view.getUint8(at + 5) === 3
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
      unixType: madeOnUnix ? (view.getUint32(at + 38, true) >>> 16) & S_IFMT : null,
    })
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return entries
}

/** The entry's bytes, or null when the data is damaged or not the size it declared. */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const header = entry.localHeader
  if (header + 30 > bytes.length || view.getUint32(header, true) !== 0x04034b50) return null
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true)
  if (start + entry.compressedSize > bytes.length) return null
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (entry.method === 0) return data.length === entry.size ? data : null

  const out = new Uint8Array(entry.size)
  let size = 0
  const inflate = new Inflate((chunk) => {
    if (size + chunk.length <= entry.size) out.set(chunk, size)
    size += chunk.length
  })
  try {
    // Small pieces bound what one push can expand to; stop once the entry outgrows its size.
    let pos = 0
    do {
      const next = Math.min(pos + INFLATE_CHUNK, data.length)
      inflate.push(data.subarray(pos, next), next === data.length)
      pos = next
    } while (pos < data.length && size <= entry.size)
  } catch {
    return null
  }
  return size === entry.size ? out : null
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')
}
