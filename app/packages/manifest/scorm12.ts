import { childNamed, type XmlElement } from './xml.ts'
import type { ScormEdition } from './scorm.ts'

/** SCORM 1.2: the mastery score is adlcp:masteryscore on the item, 0..100. */
export const SCORM12: ScormEdition = {
  standard: 'scorm12',
  masteryOf(item: XmlElement) {
    const element = childNamed(item, 'masteryscore')
    if (!element) return null
    const text = element.text.trim()
    const n = Number(text)
    if (text === '' || !Number.isFinite(n) || n < 0 || n > 100) {
      return { problem: `adlcp:masteryscore "${text}" is not a number from 0 to 100`, at: element }
    }
    return Math.round(n)
  },
}
