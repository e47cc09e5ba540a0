import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DOSSIER_FOLDER } from '#app/domain/dossier-folder.server.ts'

type Edit = (text: string) => string

/**
 * A copy of the real dossier folder in a temp dir, with some files edited, removed
 * (edit returns null) or added. Tests break the real files rather than inventing toy data.
 */
export function dossierFixture(edits: Record<string, Edit | null> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossiers-'))
  for (const name of fs.readdirSync(DOSSIER_FOLDER)) {
    fs.copyFileSync(path.join(DOSSIER_FOLDER, name), path.join(dir, name))
  }
  for (const [name, edit] of Object.entries(edits)) {
    const file = path.join(dir, name)
    if (edit === null) fs.rmSync(file)
    else fs.writeFileSync(file, edit(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''))
  }
  return dir
}

/** Replace exactly one occurrence, so a fixture fails loudly when the source file changes. */
export function replaceOnce(search: string, replacement: string): Edit {
  return (text) => {
    const at = text.indexOf(search)
    if (at < 0 || text.indexOf(search, at + 1) >= 0) {
      throw new Error(`fixture: "${search}" must occur exactly once`)
    }
    return text.slice(0, at) + replacement + text.slice(at + search.length)
  }
}

export function lineOf(text: string, search: string): number {
  return text.slice(0, text.indexOf(search)).split('\n').length
}
