/**
 * `npm run setup`: what `npm start` does before serving. Migrates the database, imports the
 * qualification dossiers and loads the demo data. Every step is idempotent.
 */
import { env } from '#app/env.server.ts'
import { migrateDatabase } from '#app/db-setup.server.ts'

const started = Date.now()
migrateDatabase(env.DATABASE_URL)
// Imported after migrating, so the client never sees a half-made schema.
const { importDossierFolder } = await import('#app/domain/dossier-folder.server.ts')
const result = await importDossierFolder()
const summary = result.dossiers.map((d) => `${d.slug} v${d.version} ${d.status}`).join(', ')
const { importCourses } = await import('#app/domain/course-import.server.ts')
const { formatProblem } = await import('#app/content/content-error.ts')
const courses = await importCourses()
// A broken course does not stop the site: its published version stays; the problems are shown.
for (const p of courses.problems) console.error(formatProblem(p))
for (const r of courses.rejected)
  console.error(`setup: course ${r.id ?? r.dir} not published (see problems above)`)
// A broken recertification policy would only surface when a record is issued: stop here.
// Signing keys from before they moved into the database: sealed in once, kids unchanged.
const { importLegacySigningKeys } = await import('#app/records/signing-keys.server.ts')
const importedKeys = await importLegacySigningKeys()
if (importedKeys) console.log(`setup: ${importedKeys} signing key(s) imported from SIGNING_KEY_DIR`)
// Several instances share PostgreSQL; a KEK file made on one machine is not on the others.
if (
  env.DATABASE_URL.startsWith('postgres') &&
  !process.env.SIGNING_KEY_KEK &&
  !process.env.SIGNING_KEY_KEK_FILE
)
  console.warn(
    'setup: SIGNING_KEY_KEK is not set; the key-encryption key is a file in SIGNING_KEY_DIR. With several instances, give them all the same SIGNING_KEY_KEK (docs/operations.md).',
  )
// Records from before Data Integrity proofs get their proof-bearing form (ids unchanged).
const { addProofsToOlderRecords } = await import('#app/records/sign-record.server.ts')
const proofsAdded = await addProofsToOlderRecords()
if (proofsAdded) console.log(`setup: ${proofsAdded} older record(s) got a Data Integrity proof`)
const { recertificationPolicy } = await import('#app/records/recertification.server.ts')
await recertificationPolicy()
const courseSummary = courses.courses.map((c) => `${c.id} v${c.version} ${c.status}`).join(', ')
let demo = 'off'
if (env.DEMO_DATA) {
  const { seedDemoData } = await import('#app/demo/demo-data.server.ts')
  demo = await seedDemoData()
}
// The demo data sends e-mail: its delivery jobs wait in the queue for the server's workers.
const { closeJobQueue } = await import('#app/jobs/process-queue.server.ts')
await closeJobQueue()
const { prisma } = await import('#app/db.server.ts')
await prisma.$disconnect()
console.log(
  `setup: database migrated; dossiers: ${summary}; courses: ${courseSummary}; demo data: ${demo} (${Date.now() - started} ms)`,
)
