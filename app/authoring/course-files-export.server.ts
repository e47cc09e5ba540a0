import fs from 'node:fs/promises'
import path from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { Document, Scalar, isMap, isPair, isScalar, isSeq, parse } from 'yaml'
import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl'
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
        ['title', localizedEntry(snapshot.title), 'pair'],
        ['summary', localizedEntry(snapshot.summary), 'folded'],
        ['audience', localizedEntry(snapshot.audience), 'pair'],
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
        ['title', localizedEntry({ nl: module.titleNl, en: module.titleEn }), 'pair'],
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

/** A Dutch-only course has no English texts: `en` is left out, not written empty. */
function localizedEntry(text: { nl: string; en: string }) {
  return text.en ? text : { nl: text.nl }
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
// Unzipping an upload. The zip comes from a browser, so it is read defensively with yauzl: it
// refuses absolute paths, `..` and backslashes in names while listing, and stops an entry that
// inflates to more than it declared. On top of that the whole listing is checked here (kinds,
// count, declared sizes) before anything is inflated, and the inflated bytes are counted.
// Package uploads (app/packages/package-zip.server.ts) open theirs with the same
// `openUploadZip`, with larger limits.

const MAX_ENTRIES = 500
const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024
const IGNORED = (name: string) => name.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(name)
const NOT_A_ZIP = 'this is not a zip file'

export type UploadZip = {
  zip: ZipFile
  /** The files (no folders, no __MACOSX or .DS_Store) by their path in the zip. */
  entries: Map<string, Entry>
  /** What the files declare they unpack to, within `maxBytes`. */
  totalBytes: number
}

/**
 * An uploaded zip opened and its whole listing checked (count, names, kinds, declared sizes)
 * before anything is inflated; the caller inflates with `inflateEntry` and closes `zip`.
 */
export async function openUploadZip(
  bytes: Uint8Array,
  limits: { maxEntries: number; maxBytes: number },
): Promise<({ ok: true } & UploadZip) | { ok: false; message: string }> {
  let zip: ZipFile
  try {
    zip = await fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      // Strict: a backslash is refused, not silently read as a folder separator.
      strictFileNames: true,
      validateEntrySizes: true,
    })
  } catch {
    return { ok: false, message: NOT_A_ZIP }
  }
  const fail = (message: string) => {
    zip.close()
    return { ok: false as const, message }
  }
  // The count comes from the end record: checked before a single entry is listed.
  if (zip.entryCount > limits.maxEntries) {
    return fail(`the zip holds ${zip.entryCount} entries; at most ${limits.maxEntries}`)
  }
  const entries = new Map<string, Entry>()
  try {
    for await (const entry of zip.eachEntry()) {
      const problem = entryProblem(entry)
      if (problem) return fail(problem)
      if (entry.fileName.endsWith('/') || IGNORED(entry.fileName)) continue
      if (entries.has(entry.fileName)) return fail(`the zip holds "${entry.fileName}" twice`)
      entries.set(entry.fileName, entry)
    }
  } catch (error) {
    return fail(refusedByYauzl(error instanceof Error ? error.message : '') ?? NOT_A_ZIP)
  }
  const totalBytes = [...entries.values()].reduce((sum, e) => sum + e.uncompressedSize, 0)
  if (totalBytes > limits.maxBytes) {
    return fail(`the zip unpacks to ${mib(totalBytes)} MiB; at most ${mib(limits.maxBytes)} MiB`)
  }
  return { ok: true, zip, entries, totalBytes }
}

type Unzipped = { ok: true; courseDir: string } | { ok: false; message: string }

/** Extract an uploaded course zip into `dir` (empty or missing); return the course folder. */
export async function unzipCourse(bytes: Uint8Array, dir: string): Promise<Unzipped> {
  const fail = (message: string): Unzipped => ({ ok: false, message })
  const opened = await openUploadZip(bytes, {
    maxEntries: MAX_ENTRIES,
    maxBytes: MAX_UNZIPPED_BYTES,
  })
  if (!opened.ok) return fail(opened.message)
  let contents: Map<string, Uint8Array> | string
  try {
    contents = await inflateAll(opened)
  } finally {
    opened.zip.close()
  }
  if (typeof contents === 'string') return fail(contents)
  const names = [...contents.keys()]

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

/** The bytes of every listed file by name, or the message that says why it is refused. */
async function inflateAll({ zip, entries }: UploadZip): Promise<Map<string, Uint8Array> | string> {
  const contents = new Map<string, Uint8Array>()
  let unzipped = 0
  for (const file of entries.values()) {
    const data = await inflateEntry(zip, file, MAX_UNZIPPED_BYTES - unzipped)
    if (!data) return `the zip is damaged: "${file.fileName}" cannot be unpacked`
    unzipped += data.length
    contents.set(file.fileName, data)
  }
  return contents
}

/**
 * The entry's bytes, or null when its data is damaged, not the size it declared, or more than
 * `room`. yauzl checks the declared size as well; counting here keeps both limits even where a
 * header lies in a way it does not look at.
 */
export async function inflateEntry(
  zip: ZipFile,
  entry: Entry,
  room: number,
): Promise<Uint8Array | null> {
  const limit = Math.min(entry.uncompressedSize, room)
  const chunks: Buffer[] = []
  let size = 0
  try {
    // Leaving the loop early destroys the stream, so inflating stops there.
    for await (const chunk of await zip.openReadStreamPromise(entry)) {
      size += (chunk as Buffer).length
      if (size > limit) return null
      chunks.push(chunk as Buffer)
    }
  } catch {
    return null
  }
  return size === entry.uncompressedSize ? Buffer.concat(chunks) : null
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

const notPlainPath = (name: string) =>
  `"${name}" is not a plain path inside the zip (empty, . or .. segment)`

/** What yauzl does not check itself: the rest of a name, the kind of file, how it is stored. */
function entryProblem(entry: Entry): string | null {
  const name = entry.fileName
  // The raw bytes too: a name without the UTF-8 flag is read as CP437, where they are symbols.
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f]/.test(name) || entry.fileNameRaw.some((byte) => byte < 0x20)) {
    return `"${name}" has a control character in its path`
  }
  if (
    name
      .replace(/\/$/, '')
      .split('/')
      .some((s) => s === '.' || s === '')
  ) {
    return notPlainPath(name)
  }
  // The Unix file type bits sit in the high half of the attributes when made on Unix (3).
  const unixType = (entry.externalFileAttributes >>> 16) & S_IFMT
  if (entry.versionMadeBy >> 8 === 3 && ![0, S_IFREG, S_IFDIR].includes(unixType)) {
    return `"${name}" is a symbolic link or special file; a course zip holds only files and folders`
  }
  if (entry.isEncrypted()) return `"${name}" is encrypted; upload a zip without a password`
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return `"${name}" uses compression method ${entry.compressionMethod}; use standard (deflate) compression`
  }
  return null
}

// yauzl refuses these names while listing, before the entry reaches entryProblem; its messages
// (pinned with its version, and each covered by a test) are turned into ours.
const YAUZL_NAME_ERRORS: Array<[prefix: string, message: (name: string) => string]> = [
  [
    'invalid characters in fileName: ',
    (name) => `"${name}" has a backslash in its path; zip paths use /`,
  ],
  ['absolute path: ', (name) => `"${name}" is an absolute path`],
  ['invalid relative path: ', notPlainPath],
]

function refusedByYauzl(error: string): string | null {
  const known = YAUZL_NAME_ERRORS.find(([prefix]) => error.startsWith(prefix))
  return known ? known[1](error.slice(known[0].length)) : null
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')
}
