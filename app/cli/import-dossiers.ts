/**
 * `npm run dossiers:import [folder]`: validate and import the qualification dossiers.
 * Exit code 1 with `file:line:col path: message` lines when a file is malformed.
 */
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { ContentError } from '#app/content/content-error.ts'

try {
  const result = await importDossierFolder(process.argv[2])
  for (const d of result.dossiers) console.log(`${d.slug}: version ${d.version} (${d.status})`)
  console.log(
    `competencies: ${result.competencies.created} created, ${result.competencies.updated} updated`,
  )
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message)
    process.exitCode = 1
  } else throw error
}
