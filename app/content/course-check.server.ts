import path from 'node:path'
import type { ContentProblem } from './content-error.ts'
import { compileHash, type CompileOptions } from './compile-mdx.server.ts'
import type { Framework } from './dossier-files.server.ts'
import {
  listCourseDirs,
  readCourse,
  type CourseSource,
  type LessonSource,
} from './course-files.server.ts'
import { judgeLesson } from './judge-lesson.server.ts'
import type { LessonAnalysis } from './remark-lesson.server.ts'

/**
 * Everything `npm run courses:check` checks, and what import relies on: shapes, codes against
 * the dossier, unique ids, the MDX compile and the kit, quiz and scenario rules, `lesson:`
 * links, and translations. Each course is judged on its own: one broken course never
 * blocks (or replaces) another.
 */
export type CompiledLesson = { hash: string; code: string; analysis: LessonAnalysis }
export type CheckedLesson = LessonSource & { nl: CompiledLesson; enCompiled: CompiledLesson | null }
export type CheckedCourse = {
  source: CourseSource
  lessons: Map<string, CheckedLesson>
  problems: ContentProblem[]
}

/** Where compiled lessons are kept between runs (the database at import; nothing in the CLI). */
export type CompileCache = {
  get(hashes: string[]): Promise<Map<string, { code: string; analysis: LessonAnalysis }>>
}

export type CheckOptions = {
  /** Compile every lesson in the safe subset: courses written in the browser. */
  safe?: boolean
  /** Lesson ids of courses outside `root`: links to them resolve, reusing one is a duplicate. */
  knownLessonKeys?: Set<string>
}

export const MIN_QUIZ_QUESTIONS = 4

export async function checkCourses(
  root: string,
  framework: Framework,
  cache?: CompileCache,
  options: CheckOptions = {},
): Promise<{ courses: CheckedCourse[]; problems: ContentProblem[] }> {
  const competencies = new Set(framework.competencies.competencies.map((c) => c.code))
  const dossierCodes = new Map(
    framework.dossiers.map((d) => [
      d.data.slug,
      new Set(d.data.coreTasks.flatMap((k) => k.workProcesses.map((w) => w.code))),
    ]),
  )
  const courses: CheckedCourse[] = []
  const problems: ContentProblem[] = []
  const courseIds = new Map<string, string>()
  const moduleIds = new Map<string, string>()
  const lessonIds = new Map<string, string>()
  const compileOptions = { safe: options.safe }

  for (const dir of await listCourseDirs(root)) {
    const { course, problems: readProblems } = await readCourse(dir)
    problems.push(...readProblems)
    if (!course) continue
    const own: ContentProblem[] = [...readProblems]
    const at = (file: string, message: string, line = 1, col = 1): void => {
      own.push({ file, line, col, message })
    }
    const { meta } = course
    const seen = courseIds.get(meta.id)
    if (seen) at(course.file, `course id "${meta.id}" is also used by ${seen}`)
    courseIds.set(meta.id, course.file)
    const codes = dossierCodes.get(meta.dossier)
    if (!codes) at(course.file, `unknown dossier "${meta.dossier}"`)
    const bilingual = meta.languages.includes('en')

    const lessons = new Map<string, CheckedLesson>()
    for (const module of course.modules) {
      const moduleFile = path.join(module.dir, 'module.yaml')
      const otherModule = moduleIds.get(module.meta.id)
      if (otherModule)
        at(moduleFile, `module id "${module.meta.id}" is also used by ${otherModule}`)
      moduleIds.set(module.meta.id, moduleFile)
      if (module.lessons.length === 0) at(moduleFile, 'a module needs at least one lesson')
      if (bilingual && !module.meta.title.en)
        at(moduleFile, 'the course declares en, but this module has no English title')

      for (const lesson of module.lessons) {
        const otherLesson = lessonIds.get(lesson.meta.id)
        if (otherLesson)
          at(lesson.file, `lesson id "${lesson.meta.id}" is also used by ${otherLesson}`, 2, 1)
        else if (options.knownLessonKeys?.has(lesson.meta.id))
          at(lesson.file, `lesson id "${lesson.meta.id}" is already used by another course`, 2, 1)
        lessonIds.set(lesson.meta.id, lesson.file)
        for (const code of lesson.meta.workProcesses) {
          if (codes && !codes.has(code)) {
            at(
              lesson.file,
              `unknown work-process code ${code} in dossier ${meta.dossier}`,
              lineOf(lesson.source, code),
            )
          }
        }
        for (const letter of lesson.meta.competencies) {
          if (!competencies.has(letter))
            at(lesson.file, `unknown competency ${letter}`, lineOf(lesson.source, 'competencies'))
        }
        if (bilingual && !lesson.en)
          at(lesson.file, 'the course declares en, but this lesson has no .en.mdx translation')
        if (!bilingual && lesson.en)
          at(
            lesson.en.file,
            'the course does not declare en; add it to languages or remove this file',
          )

        const nl = await compile(lesson.file, lesson.source, own, cache, compileOptions)
        const en = lesson.en
          ? await compile(lesson.en.file, lesson.en.source, own, cache, compileOptions)
          : null
        if (!nl) continue
        checkLessonRules(lesson, nl.analysis, own)
        if (lesson.en && en && nl.analysis.signature.join() !== en.analysis.signature.join()) {
          at(
            lesson.en.file,
            'the translation does not have the same components, ids and answers as the Dutch lesson',
          )
        }
        lessons.set(lesson.meta.id, { ...lesson, nl, enCompiled: en })
      }
    }
    courses.push({ source: course, lessons, problems: own })
    problems.push(...own.slice(readProblems.length))
  }

  // Links between lessons may cross courses: check them once every id is known.
  for (const course of courses) {
    for (const lesson of course.lessons.values()) {
      for (const [file, compiled] of [
        [lesson.file, lesson.nl],
        [lesson.en?.file, lesson.enCompiled],
      ] as const) {
        for (const link of compiled?.analysis.links ?? []) {
          if (!lessonIds.has(link.target) && !options.knownLessonKeys?.has(link.target)) {
            const p = {
              file: file!,
              line: link.line,
              col: link.col,
              message: `broken link: no lesson "${link.target}"`,
            }
            course.problems.push(p)
            problems.push(p)
          }
        }
      }
    }
  }
  return { courses, problems }
}

function checkLessonRules(lesson: LessonSource, analysis: LessonAnalysis, own: ContentProblem[]) {
  const at = (message: string) =>
    own.push({ file: lesson.file, line: lineOf(lesson.source, 'type:'), col: 1, message })
  if (lesson.meta.type === 'quiz') {
    if (!analysis.quiz) at('a lesson of type quiz needs a <Quiz>')
    else if (analysis.quiz.questions.length < MIN_QUIZ_QUESTIONS) {
      at(
        `a quiz needs at least ${MIN_QUIZ_QUESTIONS} questions (it has ${analysis.quiz.questions.length})`,
      )
    }
  } else if (analysis.quiz) at('a <Quiz> belongs in a lesson of type quiz')
  if (lesson.meta.type === 'scenario' && analysis.scenarios === 0)
    at('a lesson of type scenario needs a <Scenario>')
}

async function compile(
  file: string,
  source: string,
  own: ContentProblem[],
  cache: CompileCache | undefined,
  options: CompileOptions,
) {
  const hash = compileHash(source, options)
  const cached = (await cache?.get([hash]))?.get(hash)
  if (cached) return { hash, ...cached }
  const judged = await judgeLesson(source, { safe: !!options.safe, cwd: path.dirname(file) })
  if (!judged.ok) {
    for (const p of judged.problems)
      own.push({ file, line: p.line, col: p.col, message: p.message })
    return null
  }
  return { hash, code: judged.code, analysis: judged.analysis }
}

function lineOf(source: string, needle: string): number {
  const at = source.indexOf(needle)
  return at < 0 ? 1 : source.slice(0, at).split('\n').length
}
