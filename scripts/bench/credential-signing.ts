/**
 * Benchmark (issue 17), run with `npx tsx scripts/bench/credential-signing.ts [count]`
 * (default 50). On a fresh SQLite file: what signing a record costs in both forms (the
 * eddsa-rdfc-2022 Data Integrity proof, then the RS256 VC-JWT over it), what signing a status
 * list costs, and what a cached status list costs per request. Prints milliseconds.
 */
import fs from 'node:fs'
import path from 'node:path'

const count = Number(process.argv[2] ?? 50)
const dir = path.resolve('data', 'bench')
fs.mkdirSync(dir, { recursive: true })
const databaseUrl = `file:${path.join(dir, `signing-${Date.now()}.db`)}`
process.env.DATABASE_URL = databaseUrl
// Imported after DATABASE_URL is set: the environment and the Prisma client read it once.
const { migrateDatabase } = await import('#app/db-setup.server.ts')
migrateDatabase(databaseUrl)
const { prisma } = await import('#app/db.server.ts')
const { buildCredential } = await import('#app/records/credential.server.ts')
const { signRecordCredential } = await import('#app/records/sign-record.server.ts')
const { allocateStatusIndex, statusEntry, statusListCredential } =
  await import('#app/records/status-list.server.ts')

const place = await prisma.$transaction((tx) => allocateStatusIndex(tx))
const credential = () =>
  buildCredential({
    recordId: crypto.randomUUID(),
    level: 'work_process',
    issuedAt: new Date(),
    validUntil: null,
    recipient: { userId: 'bench', name: 'Lotte Visser', email: 'lotte@example.nl' },
    dossier: {
      slug: 'contactcenter-teamleider',
      version: 1,
      crebo: '22165',
      edition: '2007',
      qualificationNl: 'Teamleider contactcenter',
      qualificationCrebo: '22165',
    },
    achievement: {
      code: 'TL-K2-W3',
      name: 'Coacht op kwaliteit en targets',
      description: 'Voert coachgesprekken op basis van gescoorde contacten.',
      criteria: 'Beoordeeld in de praktijk door een assessor.',
      competencies: [
        { code: 'B', name: 'Aansturen' },
        { code: 'Q', name: 'Plannen en organiseren' },
      ],
    },
    evidence: [{ name: 'Coachlog', narrative: 'Afgetekend door een assessor.', genre: 'Coachlog' }],
    credentialStatus: statusEntry(place.statusListId, place.statusListIndex),
  })

try {
  await signRecordCredential(credential(), prisma) // keys made, libraries warm
  let start = performance.now()
  for (let i = 0; i < count; i++) await signRecordCredential(credential(), prisma)
  const perRecord = (performance.now() - start) / count
  start = performance.now()
  await statusListCredential(place.statusListId)
  const listSigning = performance.now() - start
  start = performance.now()
  for (let i = 0; i < 200; i++) await statusListCredential(place.statusListId)
  const cachedList = (performance.now() - start) / 200
  console.log(`record, both forms: ${perRecord.toFixed(1)} ms (mean of ${count})`)
  console.log(`status list of 131,072 bits, signed: ${listSigning.toFixed(1)} ms`)
  console.log(`status list, cached: ${cachedList.toFixed(2)} ms per request`)
} finally {
  await prisma.$disconnect()
}
