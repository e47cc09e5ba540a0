import type { ContentProblem } from '#app/content/content-error.ts'

export type PackageStandard = 'scorm12' | 'scorm2004' | 'cmi5'

/** One SCO (SCORM) or AU (cmi5) as the manifest describes it. */
export type ManifestActivity = {
  /** The item's identifier (SCORM) or the AU's id (cmi5). */
  identifier: string
  title: string
  /** The launch file, relative to the package root, without query or fragment. */
  launchPath: string
  /**
   * SCORM: what to append to the launch URL, starting with "?" or "#" (the href's own query
   * joined with the item's `parameters`, per the CAM). cmi5: `launchParameters` as written,
   * for LMS.LaunchData.
   */
  launchParameters: string | null
  /** Percent: SCORM 1.2 masteryscore, SCORM 2004 minNormalizedMeasure, cmi5 masteryScore. */
  masteryScore: number | null
  /** cmi5 only: moveOn as written (default NotApplicable). */
  moveOn: string | null
  /** cmi5 only: AnyWindow | OwnWindow. */
  launchMethod: string | null
  /** Where the activity is declared, for messages. */
  line: number
}

export type ParsedManifest = {
  standard: PackageStandard
  title: string
  /** The manifest file inside the zip, e.g. "imsmanifest.xml". */
  file: string
  activities: ManifestActivity[]
}

export type ManifestOutcome =
  { ok: true; manifest: ParsedManifest } | { ok: false; problems: ContentProblem[] }

export const STANDARD_LABEL: Record<PackageStandard, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004',
  cmi5: 'cmi5',
}
