import { attribute, childNamed, descendantsNamed, type XmlElement } from './xml.ts'
import { percentOfFraction } from './launch-path.ts'
import type { ScormEdition } from './scorm.ts'

/**
 * SCORM 2004 (3rd and 4th edition): a mastery score only where it is cheap to read, i.e. an
 * item's own imsss primary objective that is satisfied by measure.
 */
export const SCORM2004: ScormEdition = {
  standard: 'scorm2004',
  masteryOf(item: XmlElement) {
    const primary = descendantsNamed(item, 'primaryObjective')[0]
    if (!primary || attribute(primary, 'satisfiedByMeasure') !== 'true') return null
    const measure = childNamed(primary, 'minNormalizedMeasure')
    if (!measure) return 100
    const percent = percentOfFraction(measure.text)
    if (percent === 'invalid' || percent === null) {
      return {
        problem: `minNormalizedMeasure "${measure.text.trim()}" is not a number from 0 to 1`,
        at: measure,
      }
    }
    return percent
  },
}

/** "2004 3rd Edition", "2004 4th Edition", "CAM 1.3" (2nd edition) in metadata/schemaversion. */
export function isScorm2004(root: XmlElement): boolean {
  const version = descendantsNamed(root, 'schemaversion')[0]?.text.trim() ?? ''
  return /^(2004\b|CAM 1\.3)/i.test(version)
}
