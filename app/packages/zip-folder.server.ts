import fs from 'node:fs'
import path from 'node:path'
import { zipSync } from 'fflate'

/**
 * A package kept as a folder (reviewable in git: the demo's in courses/packages/, the tests'
 * in tests/packages/) as the zip a trainer would upload.
 */
export function zipFolder(dir: string): Uint8Array {
  const files: Record<string, Uint8Array> = {}
  const walk = (folder: string, prefix: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`)
      else files[`${prefix}${entry.name}`] = new Uint8Array(fs.readFileSync(full))
    }
  }
  walk(dir, '')
  return zipSync(files)
}
