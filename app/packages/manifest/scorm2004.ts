import { descendantsNamed, type XmlElement } from './xml.ts'
import { minNormalizedMeasure, parseScormManifest, type ScormEdition } from './scorm.ts'

/**
 * SCORM 2004 (3rd and 4th edition): a mastery score only where it is cheap to read, i.e. an
 * item's own imsss primary objective that is satisfied by measure.
 */
export const SCORM2004: ScormEdition = { standard: 'scorm2004', masteryOf: minNormalizedMeasure }

/** "2004 3rd Edition", "2004 4th Edition", "CAM 1.3" (2nd edition) in metadata/schemaversion. */
export function isScorm2004(root: XmlElement): boolean {
  const version = descendantsNamed(root, 'schemaversion')[0]?.text.trim() ?? ''
  return /^(2004\b|CAM 1\.3)/i.test(version)
}

export const parseScorm2004 = (
  file: string,
  root: XmlElement,
  files: ReadonlySet<string>,
  folder = '',
) => parseScormManifest(file, root, files, SCORM2004, folder)
