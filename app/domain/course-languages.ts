import { isLocale } from '#app/i18n/i18n.ts'
import { parseJsonList } from '#app/utils/json-list.ts'

/**
 * The languages a course is written in, from the column of a published version or a draft
 * (a JSON list, `["nl","en"]`): Dutch always, English when the course has its twin.
 */
export const courseLanguages = (column: string) => parseJsonList(column).filter(isLocale)
