import { z } from 'zod'

/**
 * A list of codes (roles, API scopes, languages, competency letters, work-process codes) kept
 * in one text column as a JSON array, e.g. `["C","H","R"]`. Text rather than Prisma's `Json`
 * type: the same bytes on SQLite and PostgreSQL, and every read goes through this one schema
 * anyway (docs/decisions/016-one-rule-one-place.md). A row that is not such a list is a bug,
 * so reading it throws instead of guessing.
 */
const JsonList = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `not a JSON list: ${text}` })
      return z.NEVER
    }
  })
  .pipe(z.array(z.string().min(1)))

export function parseJsonList(text: string): string[] {
  return JsonList.parse(text)
}

export function toJsonList(values: readonly string[]): string {
  return JSON.stringify(values)
}
