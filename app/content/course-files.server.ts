import fs from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import type { ContentProblem } from './content-error.ts'
import { LESSON_TYPES } from './lesson-kit-spec.ts'
import { parseYaml, readYamlFile } from './yaml-file.server.ts'

/**
 * Reading the files of `courses/<course>/`: course.yaml, numbered module folders with
 * module.yaml, numbered lessons (`01-name.mdx`, English twin `01-name.en.mdx`). Shapes are
 * checked here; everything that needs the dossiers or a compile is in course-check.
 *
 * Trust boundary: files in `courses/` are reviewed in git like code and are trusted: they
 * may import local components. Lessons written in the browser get a restricted subset.
 */
const text = z.string().trim().min(1, 'must not be empty')
// English is optional: "" means none. A course that declares en must have it (below); a
// Dutch-only course may still carry English catalogue texts, as the repository's courses do.
const Localized = z.object({ nl: text, en: z.string().trim().default('') }).strict()
const ENGLISH_TEXTS = ['title', 'summary', 'audience'] as const
const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lowercase words joined by -')

export const CourseMeta = z
  .object({
    id: Id,
    title: Localized,
    summary: Localized,
    audience: Localized,
    dossier: Id,
    languages: z
      .array(z.enum(['nl', 'en']))
      .min(1)
      .refine((l) => l.includes('nl'), 'Dutch (nl) is always a language of a course'),
    selfEnrol: z.boolean().default(true),
  })
  .strict()
  .superRefine((meta, ctx) => {
    if (!meta.languages.includes('en')) return
    for (const key of ENGLISH_TEXTS) {
      if (!meta[key].en)
        ctx.addIssue({
          code: 'custom',
          path: [key, 'en'],
          message: 'the course declares en, so this needs an English text',
        })
    }
  })
export type CourseMeta = z.infer<typeof CourseMeta>

const ModuleMeta = z.object({ id: Id, title: Localized }).strict()

export const LessonFrontmatter = z
  .object({
    id: Id,
    title: text,
    duration: z.number().int().min(1).max(600),
    type: z.enum(LESSON_TYPES),
    workProcesses: z
      .array(z.string().regex(/^[A-Z]{2,4}-K\d+-W\d+$/, 'a work-process code looks like TL-K2-W3'))
      .min(1, 'a lesson trains at least one work process'),
    competencies: z
      .array(z.string().regex(/^[A-Y]$/, 'a competency is one letter A-Y'))
      .default([]),
  })
  .strict()
export type LessonFrontmatter = z.infer<typeof LessonFrontmatter>
const TranslationFrontmatter = z.object({ title: text }).strict()

export type LessonSource = {
  file: string
  source: string
  meta: LessonFrontmatter
  en: { file: string; source: string; title: string } | null
}
export type ModuleSource = {
  dir: string
  meta: z.infer<typeof ModuleMeta>
  lessons: LessonSource[]
}
export type CourseSource = { dir: string; file: string; meta: CourseMeta; modules: ModuleSource[] }

const NUMBERED_DIR = /^\d{2}-[a-z0-9-]+$/
const LESSON_FILE = /^(\d{2}-[a-z0-9-]+)\.mdx$/
const TRANSLATION_FILE = /^(\d{2}-[a-z0-9-]+)\.en\.mdx$/

/** The course folders under a root (everything but `dossiers/` and the bought packages in `packages/`). */
export async function listCourseDirs(root: string) {
  const entries = await fs.readdir(root, { withFileTypes: true })
  return entries
    .filter(
      (e) =>
        e.isDirectory() &&
        e.name !== 'dossiers' &&
        e.name !== 'packages' &&
        !e.name.startsWith('.'),
    )
    .map((e) => path.join(root, e.name))
    .sort()
}

const display = (file: string) => path.relative(process.cwd(), file)

export async function readCourse(
  dir: string,
): Promise<{ course: CourseSource | null; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = []
  const courseFile = path.join(dir, 'course.yaml')
  const exists = await fs.stat(courseFile).then(
    () => true,
    () => false,
  )
  if (!exists) {
    return {
      course: null,
      problems: [
        { file: display(dir), line: 1, col: 1, message: 'a course folder needs course.yaml' },
      ],
    }
  }
  const meta = await readYamlFile(courseFile, CourseMeta, display(courseFile))
  if (!meta.ok) return { course: null, problems: meta.problems }

  const modules: ModuleSource[] = []
  for (const entry of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (!entry.isDirectory()) continue
    const moduleDir = path.join(dir, entry.name)
    if (!NUMBERED_DIR.test(entry.name)) {
      problems.push({
        file: display(moduleDir),
        line: 1,
        col: 1,
        message: 'a module folder is named NN-name, e.g. 01-inwerken',
      })
      continue
    }
    const moduleFile = path.join(moduleDir, 'module.yaml')
    const moduleMeta = await fs
      .readFile(moduleFile, 'utf8')
      .then((t) => parseYaml(t, ModuleMeta, display(moduleFile)))
      .catch(() => ({
        ok: false as const,
        problems: [{ file: display(moduleFile), line: 1, col: 1, message: 'missing module.yaml' }],
      }))
    if (!moduleMeta.ok) {
      problems.push(...moduleMeta.problems)
      continue
    }
    const names = (await fs.readdir(moduleDir)).sort()
    const lessons: LessonSource[] = []
    for (const name of names) {
      const file = path.join(moduleDir, name)
      if (name === 'module.yaml' || TRANSLATION_FILE.test(name)) continue
      const match = LESSON_FILE.exec(name)
      if (!match) {
        problems.push({
          file: display(file),
          line: 1,
          col: 1,
          message: 'a lesson file is named NN-name.mdx (English: NN-name.en.mdx)',
        })
        continue
      }
      const source = await fs.readFile(file, 'utf8')
      const front = readFrontmatter(source, LessonFrontmatter, display(file))
      if (!front.ok) {
        problems.push(...front.problems)
        continue
      }
      const enName = `${match[1]}.en.mdx`
      let en: LessonSource['en'] = null
      if (names.includes(enName)) {
        const enFile = path.join(moduleDir, enName)
        const enSource = await fs.readFile(enFile, 'utf8')
        const enFront = readFrontmatter(enSource, TranslationFrontmatter, display(enFile))
        if (enFront.ok) en = { file: display(enFile), source: enSource, title: enFront.data.title }
        else problems.push(...enFront.problems)
      }
      lessons.push({ file: display(file), source, meta: front.data, en })
    }
    for (const name of names) {
      const twin = TRANSLATION_FILE.exec(name)
      if (twin && !names.includes(`${twin[1]}.mdx`)) {
        problems.push({
          file: display(path.join(moduleDir, name)),
          line: 1,
          col: 1,
          message: `translation without a Dutch ${twin[1]}.mdx`,
        })
      }
    }
    modules.push({ dir: display(moduleDir), meta: moduleMeta.data, lessons })
  }
  return {
    course: { dir: display(dir), file: display(courseFile), meta: meta.data, modules },
    problems,
  }
}

// An empty front matter (`---` twice) counts too, as it does for gray-matter in the compile.
const FRONTMATTER = /^---\r?\n(?:([\s\S]*?)\r?\n)?---\r?\n?/

/** The YAML between a lesson file's opening `---` lines, or null when it has none. */
export function lessonFrontmatter(source: string): string | null {
  const match = FRONTMATTER.exec(source)
  return match ? (match[1] ?? '') : null
}

/** A lesson file's MDX after its frontmatter (and the blank line that follows it). */
export function lessonBody(source: string): string {
  return source.replace(FRONTMATTER, '').replace(/^\r?\n/, '')
}

/** Parse `---` YAML frontmatter; positions point into the .mdx file itself. */
function readFrontmatter<T>(
  source: string,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  file: string,
) {
  const frontmatter = lessonFrontmatter(source)
  if (frontmatter === null) {
    return {
      ok: false as const,
      problems: [{ file, line: 1, col: 1, message: 'a lesson starts with --- frontmatter ---' }],
    }
  }
  const parsed = parseYaml(frontmatter, schema, file)
  if (parsed.ok) return parsed
  return { ok: false as const, problems: parsed.problems.map((p) => ({ ...p, line: p.line + 1 })) }
}
