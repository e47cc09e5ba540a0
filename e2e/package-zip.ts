import path from 'node:path'
import { zipFolder } from '../app/packages/zip-folder.server.ts'

/**
 * A package folder as the zip a trainer uploads: a test package by name (tests/packages/) or
 * any folder by its path from the repository root (the demo's in courses/packages/).
 */
export function packageZip(name: string): Buffer {
  const dir = name.includes('/') ? name : path.join('tests', 'packages', name)
  return Buffer.from(zipFolder(path.resolve(dir)))
}
