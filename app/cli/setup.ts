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
let demo = 'off'
if (env.DEMO_DATA) {
  const { seedDemoData } = await import('#app/demo/demo-data.server.ts')
  demo = await seedDemoData()
}
const { prisma } = await import('#app/db.server.ts')
await prisma.$disconnect()
console.log(
  `setup: database migrated; dossiers: ${summary}; demo data: ${demo} (${Date.now() - started} ms)`,
)
