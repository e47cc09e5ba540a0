import type { ContentProblem } from '#app/content/content-error.ts'
import {
  attribute,
  childNamed,
  childrenNamed,
  descendantsNamed,
  xmlBase,
  type XmlElement,
} from './xml.ts'
import { resolveLaunch } from './launch-path.ts'
import type { ManifestActivity, ManifestOutcome } from './manifest-types.ts'

/**
 * imsmanifest.xml of SCORM 1.2 and SCORM 2004 (3rd and 4th edition): the default
 * organization's items that point at a resource of scorm type "sco" become activities. The
 * two editions differ here only in how they are recognised and where a mastery score lives
 * (scorm12.ts, scorm2004.ts).
 */
export type ScormEdition = {
  standard: 'scorm12' | 'scorm2004'
  /** The item's mastery score in percent, null when none, or a message when it is wrong. */
  masteryOf(item: XmlElement): number | null | { problem: string; at: XmlElement }
}

export function parseScormManifest(
  file: string,
  root: XmlElement,
  files: ReadonlySet<string>,
  edition: ScormEdition,
  /** The folder the manifest is in ('' at the root), which its paths are relative to. */
  folder = '',
): ManifestOutcome {
  const problems: ContentProblem[] = []
  const at = (e: { line: number; col: number }, message: string) =>
    problems.push({ file, line: e.line, col: e.col, message })
  if (root.name !== 'manifest') {
    at(root, `the root element is <${root.name}>; an imsmanifest.xml starts with <manifest>`)
    return { ok: false, problems }
  }
  const organizations = childNamed(root, 'organizations')
  const resources = childNamed(root, 'resources')
  const all = organizations ? childrenNamed(organizations, 'organization') : []
  const wanted = organizations ? attribute(organizations, 'default') : undefined
  const organization = all.find((o) => attribute(o, 'identifier') === wanted) ?? all[0]
  if (!organization || !resources) {
    at(root, 'the manifest has no <organization> with items and <resources>')
    return { ok: false, problems }
  }
  const byId = new Map<string, XmlElement>()
  for (const r of childrenNamed(resources, 'resource')) {
    const id = attribute(r, 'identifier')
    if (id) byId.set(id, r)
  }
  const bases = [folder, xmlBase(root), xmlBase(resources)]
  const activities: ManifestActivity[] = []
  const seen = new Set<string>()
  for (const item of descendantsNamed(organization, 'item')) {
    const ref = attribute(item, 'identifierref')
    if (!ref) continue
    const identifier = attribute(item, 'identifier') ?? ''
    const resource = byId.get(ref)
    if (!resource) {
      at(item, `item "${identifier}" refers to resource "${ref}", which the manifest does not have`)
      continue
    }
    if (attribute(resource, 'scormtype')?.toLowerCase() !== 'sco') continue
    if (!identifier) {
      at(item, 'an item without an identifier')
      continue
    }
    if (seen.has(identifier)) {
      at(item, `the identifier "${identifier}" is used twice`)
      continue
    }
    seen.add(identifier)
    const href = attribute(resource, 'href')
    if (!href) {
      at(resource, `the SCO resource "${ref}" has no href: which file starts it?`)
      continue
    }
    const launch = resolveLaunch([...bases, xmlBase(resource)], href)
    if (!launch.ok) {
      at(resource, launch.message)
      continue
    }
    if (!files.has(launch.path)) {
      at(resource, `the launch file "${launch.path}" is not in the zip`)
      continue
    }
    const mastery = edition.masteryOf(item)
    if (mastery && typeof mastery === 'object') {
      at(mastery.at, mastery.problem)
      continue
    }
    activities.push({
      identifier,
      title: childText(item, 'title') || identifier,
      launchPath: launch.path,
      launchParameters: joinParameters(
        launch.query,
        launch.fragment,
        attribute(item, 'parameters'),
      ),
      masteryScore: mastery,
      moveOn: null,
      launchMethod: null,
      line: item.line,
    })
  }
  if (problems.length === 0 && activities.length === 0) {
    at(organization, 'the organization has no item that launches a SCO (adlcp:scormtype="sco")')
  }
  if (problems.length > 0) return { ok: false, problems }
  const title = childText(organization, 'title') || attribute(root, 'identifier') || 'SCORM'
  return { ok: true, manifest: { standard: edition.standard, title, file, activities } }
}

function childText(element: XmlElement, name: string): string {
  return (childNamed(element, name)?.text ?? '').trim().replace(/\s+/g, ' ')
}

/**
 * The CAM's rule for an item's `parameters`: a leading "#" replaces the fragment; otherwise
 * they are added to the href's query (with "&" when it has one).
 */
function joinParameters(query: string, fragment: string, parameters: string | undefined) {
  let q = query
  let f = fragment
  const p = (parameters ?? '').trim()
  if (p.startsWith('#')) f = p
  else if (p) {
    const rest = p.replace(/^[?&]/, '')
    q = q ? `${q}&${rest}` : `?${rest}`
  }
  return q + f || null
}
