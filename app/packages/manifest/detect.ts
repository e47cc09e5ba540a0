import { parseCmi5 } from './cmi5.ts'
import type { ManifestOutcome } from './manifest-types.ts'
import { parseScormManifest } from './scorm.ts'
import { SCORM12 } from './scorm12.ts'
import { isScorm2004, SCORM2004 } from './scorm2004.ts'
import { parseXml, type XmlElement } from './xml.ts'

/**
 * Which standard a package follows, from the manifest at its root (or inside its one top
 * folder, as zips made by "compress folder" are): cmi5.xml is cmi5, imsmanifest.xml is SCORM
 * 2004 when its schemaversion says so and SCORM 1.2 otherwise.
 */
export function findManifest(names: string[]): { file: string; folder: string } | null {
  for (const name of ['cmi5.xml', 'imsmanifest.xml']) {
    if (names.includes(name)) return { file: name, folder: '' }
  }
  const tops = new Set(names.map((n) => (n.includes('/') ? n.split('/')[0]! : '')))
  const [top] = tops
  if (tops.size === 1 && top) {
    for (const name of ['cmi5.xml', 'imsmanifest.xml']) {
      if (names.includes(`${top}/${name}`)) return { file: `${top}/${name}`, folder: top }
    }
  }
  return null
}

export const NO_MANIFEST = 'the zip holds no imsmanifest.xml (SCORM) or cmi5.xml (cmi5) at its root'

/** Parse the package's manifest; `files` are all file paths in the zip. */
export function parseManifest(
  found: { file: string; folder: string },
  bytes: Uint8Array,
  files: ReadonlySet<string>,
): ManifestOutcome {
  const xml = parseXml(found.file, bytes)
  if (!xml.ok) return { ok: false, problems: [xml.problem] }
  const outcome = byStandard(found, xml.root, files)
  if (!outcome.ok || !found.folder) return outcome
  // Paths were checked against the zip; from here on they are relative to the package root.
  const strip = (p: string) => p.slice(found.folder.length + 1)
  const { manifest } = outcome
  return {
    ok: true,
    manifest: {
      ...manifest,
      activities: manifest.activities.map((a) => ({ ...a, launchPath: strip(a.launchPath) })),
    },
  }
}

function byStandard(
  found: { file: string; folder: string },
  root: XmlElement,
  files: ReadonlySet<string>,
): ManifestOutcome {
  if (found.file.endsWith('cmi5.xml')) return parseCmi5(found.file, root, files, found.folder)
  // SCORM 1.2 manifests often carry no schemaversion at all: anything not 2004 is 1.2.
  const edition = isScorm2004(root) ? SCORM2004 : SCORM12
  return parseScormManifest(found.file, root, files, edition, found.folder)
}
