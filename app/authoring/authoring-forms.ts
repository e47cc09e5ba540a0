import { z } from 'zod'
import { LESSON_TYPES } from '#app/content/lesson-kit-spec.ts'

/**
 * The trainer area's forms, one zod schema each, shared by the page and its action. Errors
 * are i18n keys. The same limits as `courses/` (course-files.server.ts), so a form that
 * passes here cannot fail there on shape.
 */
const text = (max: number) =>
  z
    .string({ required_error: 'form.required' })
    .trim()
    .min(1, 'form.required')
    .max(max, 'form.tooLong')

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/

/**
 * The languages a course is written in: Dutch always (the users are Dutch contact centers),
 * English as well when the trainer writes every text twice. A Dutch-only course asks no English.
 */
export const COURSE_LANGUAGE_CHOICES = ['nl', 'nl+en'] as const
export type CourseLanguageChoice = (typeof COURSE_LANGUAGE_CHOICES)[number]

const optionalText = (max: number) => z.string().trim().max(max, 'form.tooLong').optional()

const courseFieldsObject = z.object({
  dossierSlug: text(100),
  languages: z.enum(COURSE_LANGUAGE_CHOICES).default('nl'),
  titleNl: text(120),
  titleEn: optionalText(120),
  summaryNl: text(1000),
  summaryEn: optionalText(1000),
  audienceNl: text(200),
  audienceEn: optionalText(200),
  selfEnrol: z.literal('on').optional(),
})

/** The English texts are required exactly when the course is also in English. */
function englishWhenBilingual<
  T extends {
    languages: CourseLanguageChoice
    titleEn?: string
    summaryEn?: string
    audienceEn?: string
  },
>(value: T, ctx: z.RefinementCtx) {
  if (value.languages !== 'nl+en') return
  for (const key of ['titleEn', 'summaryEn', 'audienceEn'] as const) {
    if (!value[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'form.required' })
  }
}

export const CourseFieldsSchema = courseFieldsObject.superRefine(englishWhenBilingual)

export const NewCourseSchema = courseFieldsObject
  .extend({
    owner: text(100),
    id: z
      .string()
      .trim()
      .max(60, 'form.tooLong')
      .regex(ID_PATTERN, 'authoring.idFormat')
      .optional(),
  })
  .superRefine(englishWhenBilingual)

/** A module's title; the English one only in a bilingual course (the action knows which). */
export const ModuleTitleSchema = z.object({
  titleNl: text(120),
  titleEn: optionalText(120),
})

export const NewLessonSchema = z.object({
  intent: z.literal('add-lesson'),
  moduleId: text(100),
  titleNl: text(120),
  type: z.enum(LESSON_TYPES),
  workProcess: z.string().max(20).optional(),
})

export const LessonFieldsSchema = z.object({
  revision: z.coerce.number().int().min(1),
  type: z.enum(LESSON_TYPES),
  duration: z.coerce
    .number({ invalid_type_error: 'authoring.durationNumber' })
    .int('authoring.durationNumber')
    .min(1, 'authoring.durationRange')
    .max(600, 'authoring.durationRange'),
  titleNl: text(120),
  titleEn: z.string().trim().max(120, 'form.tooLong').optional(),
  workProcesses: z
    .array(z.string().regex(/^[A-Z]{2,4}-K\d+-W\d+$/))
    .min(1, 'authoring.workProcessRequired')
    .max(20),
  competencies: z
    .array(z.string().regex(/^[A-Y]$/))
    .max(25)
    .default([]),
  bodyNl: z.string().max(200_000, 'form.tooLong').default(''),
  bodyEn: z.string().max(200_000, 'form.tooLong').optional(),
})

/** Options keep their places (empty ones are skipped later), so `correct` stays right. */
export const QuestionSchema = z
  .object({
    prompt: text(300),
    options: z
      .array(
        z
          .string()
          .trim()
          .max(300, 'form.tooLong')
          .optional()
          .transform((v) => v ?? ''),
      )
      .default([])
      .refine((o) => o.filter(Boolean).length >= 2, 'authoring.optionsCount'),
    correct: z
      .array(z.coerce.number().int().min(0).max(5))
      .default([])
      .refine((c) => c.length > 0, 'authoring.correctRequired'),
    feedback: z.string().trim().max(1000, 'form.tooLong').default(''),
    /** Empty: the quiz keeps what it has (the default when it never had one). */
    revealAfter: z.coerce
      .number({ invalid_type_error: 'authoringFlow.revealAfterNumber' })
      .int('authoringFlow.revealAfterNumber')
      .min(1, 'authoringFlow.revealAfterNumber')
      .max(100, 'authoringFlow.revealAfterNumber')
      .optional(),
  })
  .refine((q) => q.correct.every((i) => q.options[i]), {
    message: 'authoring.correctRequired',
    path: ['correct'],
  })

/** The course form's values as the draft's fields; a Dutch-only course keeps no English. */
export function courseFieldsFrom(value: z.infer<typeof courseFieldsObject>) {
  const english = value.languages === 'nl+en'
  const en = (text: string | undefined) => (english ? (text ?? '') : '')
  return {
    dossierSlug: value.dossierSlug,
    title: { nl: value.titleNl, en: en(value.titleEn) },
    summary: { nl: value.summaryNl, en: en(value.summaryEn) },
    audience: { nl: value.audienceNl, en: en(value.audienceEn) },
    languages: english ? (['nl', 'en'] as Array<'nl' | 'en'>) : (['nl'] as Array<'nl' | 'en'>),
    selfEnrol: value.selfEnrol === 'on',
  }
}
