import path from 'node:path'
import { readFramework } from '#app/content/dossier-files.server.ts'
import { importFramework } from './dossier-import.server.ts'

/** Where the qualification framework lives in the repository. */
export const DOSSIER_FOLDER = path.join('courses', 'dossiers')

/** Read, validate and import a dossier folder: nothing is written unless every file is valid. */
export async function importDossierFolder(folder = DOSSIER_FOLDER) {
  return importFramework(await readFramework(folder))
}
