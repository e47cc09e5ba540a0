import type { LessonType } from '#app/content/lesson-kit-spec.ts'
import { courseLanguages } from '#app/domain/course-languages.ts'

/**
 * A whole course as one plain value: what a draft holds, what a published version holds and
 * what a `courses/<id>/` folder holds. Every conversion (files, zip, diff, publish) goes
 * through this shape, so the browser and git describe a course the same way.
 *
 * Lesson bodies are MDX without frontmatter: the frontmatter is made from the fields.
 */
export type SnapshotLesson = {
  /** The stable lesson id (frontmatter `id`): progress hangs on it across versions. */
  key: string
  type: LessonType
  /** Minutes. */
  duration: number
  titleNl: string
  /** Only in a bilingual course. */
  titleEn: string | null
  /** Work-process codes, e.g. TL-K2-W3. */
  workProcesses: string[]
  /** Competency letters A-Y. */
  competencies: string[]
  bodyNl: string
  /** The English twin's body; only in a bilingual course. */
  bodyEn: string | null
}

export type SnapshotModule = {
  key: string
  titleNl: string
  titleEn: string
  lessons: SnapshotLesson[]
}

export type CourseSnapshot = {
  id: string
  dossierSlug: string
  title: { nl: string; en: string }
  summary: { nl: string; en: string }
  audience: { nl: string; en: string }
  languages: Array<'nl' | 'en'>
  selfEnrol: boolean
  modules: SnapshotModule[]
}

/** The course's own fields, as both the draft and the version tables store them. */
export const COURSE_COLUMNS = {
  dossierSlug: true,
  titleNl: true,
  titleEn: true,
  summaryNl: true,
  summaryEn: true,
  audienceNl: true,
  audienceEn: true,
  languages: true,
  selfEnrol: true,
} as const
export type CourseColumns = Record<Exclude<keyof typeof COURSE_COLUMNS, 'selfEnrol'>, string> & {
  selfEnrol: boolean
}

/** A snapshot's course fields from a row of either table. */
export function snapshotCourse(id: string, row: CourseColumns): Omit<CourseSnapshot, 'modules'> {
  return {
    id,
    dossierSlug: row.dossierSlug,
    title: { nl: row.titleNl, en: row.titleEn },
    summary: { nl: row.summaryNl, en: row.summaryEn },
    audience: { nl: row.audienceNl, en: row.audienceEn },
    languages: courseLanguages(row.languages),
    selfEnrol: row.selfEnrol,
  }
}
