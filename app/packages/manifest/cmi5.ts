import type { ContentProblem } from '#app/content/content-error.ts'
import { attribute, childNamed, childrenNamed, descendantsNamed, type XmlElement } from './xml.ts'
import { percentOfFraction, resolveLaunch } from './launch-path.ts'
import type { ManifestActivity, ManifestOutcome } from './manifest-types.ts'

/**
 * cmi5.xml (the course structure): the course title and every AU, in blocks or not. The spec
 * allows an AU url to be absolute (content hosted elsewhere); we play only packaged AUs from
 * our sandbox, so such an AU is refused with a message that says so.
 */
const MOVE_ON = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable']
const LAUNCH_METHOD = ['AnyWindow', 'OwnWindow']

export function parseCmi5(
  file: string,
  root: XmlElement,
  files: ReadonlySet<string>,
  folder = '',
): ManifestOutcome {
  const problems: ContentProblem[] = []
  const at = (e: { line: number; col: number }, message: string) =>
    problems.push({ file, line: e.line, col: e.col, message })
  if (root.name !== 'courseStructure') {
    at(root, `the root element is <${root.name}>; a cmi5.xml starts with <courseStructure>`)
    return { ok: false, problems }
  }
  const course = childNamed(root, 'course')
  if (!course) {
    at(root, 'the course structure has no <course>')
    return { ok: false, problems }
  }
  const activities: ManifestActivity[] = []
  const seen = new Set<string>()
  for (const au of descendantsNamed(root, 'au')) {
    const id = attribute(au, 'id')?.trim()
    if (!id) {
      at(au, 'an <au> without an id')
      continue
    }
    if (seen.has(id)) {
      at(au, `the AU id "${id}" is used twice`)
      continue
    }
    seen.add(id)
    const urlElement = childNamed(au, 'url')
    const url = urlElement?.text.trim() ?? ''
    if (!urlElement || !url) {
      at(au, `AU "${id}" has no <url>`)
      continue
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
      at(
        urlElement,
        `AU "${id}" is launched from "${url}", outside the package; only AUs inside the zip can be played here`,
      )
      continue
    }
    const launch = resolveLaunch([folder], url)
    if (!launch.ok) {
      at(urlElement, launch.message)
      continue
    }
    if (launch.query || launch.fragment) {
      at(
        urlElement,
        `AU "${id}": a query or fragment in <url> is not supported; use <launchParameters>`,
      )
      continue
    }
    if (!files.has(launch.path)) {
      at(urlElement, `the launch file "${launch.path}" is not in the zip`)
      continue
    }
    const moveOn = attribute(au, 'moveOn') ?? 'NotApplicable'
    if (!MOVE_ON.includes(moveOn)) {
      at(au, `moveOn "${moveOn}" is not one of ${MOVE_ON.join(', ')}`)
      continue
    }
    const launchMethod = attribute(au, 'launchMethod') ?? 'AnyWindow'
    if (!LAUNCH_METHOD.includes(launchMethod)) {
      at(au, `launchMethod "${launchMethod}" is not AnyWindow or OwnWindow`)
      continue
    }
    const mastery = percentOfFraction(attribute(au, 'masteryScore'))
    if (mastery === 'invalid') {
      at(au, `masteryScore "${attribute(au, 'masteryScore')}" is not a number from 0 to 1`)
      continue
    }
    const parameters = childNamed(au, 'launchParameters')?.text.trim()
    activities.push({
      identifier: id,
      title: langString(childNamed(au, 'title')) || id,
      launchPath: launch.path,
      launchParameters: parameters || null,
      masteryScore: mastery,
      moveOn,
      launchMethod,
      line: au.line,
    })
  }
  if (problems.length === 0 && activities.length === 0) at(course, 'the course has no <au>')
  if (problems.length > 0) return { ok: false, problems }
  const title = langString(childNamed(course, 'title')) || attribute(course, 'id') || 'cmi5'
  return { ok: true, manifest: { standard: 'cmi5', title, file, activities } }
}

/** The Dutch text of a cmi5 title, else the first one. */
function langString(element: XmlElement | undefined): string {
  if (!element) return ''
  const strings = childrenNamed(element, 'langstring')
  const pick =
    strings.find((s) => /^nl\b/i.test(attribute(s, 'lang') ?? '')) ??
    strings.find((s) => /^en\b/i.test(attribute(s, 'lang') ?? '')) ??
    strings[0]
  return (pick?.text ?? element.text).trim().replace(/\s+/g, ' ')
}
