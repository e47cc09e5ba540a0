import { allItems, type ItemAnswer, type ScorecardDefinition } from './scorecard-definition.ts'

/**
 * The answers of a scoring form (an evaluation, a calibration score, a changed dispute): one
 * radio group `item-<key>` per item ("na" or a point of its scale) and an optional
 * `note-<key>` (no dots: form libraries read dots as nesting). Returns the answers and, per missing or invalid item, an error key, so the
 * form answers 400 and shows each problem at its item.
 */
export const NOT_APPLICABLE = 'na'

export function itemField(key: string) {
  return `item-${key}`
}
export function commentField(key: string) {
  return `note-${key}`
}

export function readAnswers(formData: FormData, definition: ScorecardDefinition) {
  const answers: Record<string, ItemAnswer> = {}
  const errors: Record<string, string[]> = {}
  for (const item of allItems(definition)) {
    const raw = formData.get(itemField(item.key))
    const comment = String(formData.get(commentField(item.key)) ?? '').slice(0, 2000)
    if (raw === null || raw === '') {
      errors[itemField(item.key)] = ['evaluation.error.missing']
      continue
    }
    if (raw === NOT_APPLICABLE) {
      answers[item.key] = { value: null, comment }
      continue
    }
    const value = Number(raw)
    const allowed = item.scale === 'yes_no' ? [0, 1] : [1, 2, 3, 4, 5]
    if (!allowed.includes(value)) {
      errors[itemField(item.key)] = ['evaluation.error.value']
      continue
    }
    answers[item.key] = { value, comment }
  }
  return { answers, errors }
}
