/**
 * Benchmark (issue 18), run with `npx tsx scripts/bench/evaluation-import.ts [rows]` (default
 * 5000). On a fresh SQLite file with one organisation (60 agents, 6 evaluators, the starter
 * scorecard): a Playvox-style CSV export of N evaluations is read, checked (the dry run) and
 * imported in one transaction through the product's functions; then the same file again (a
 * no-op) and a file with bad rows (refused whole). Prints milliseconds; exits non-zero when a
 * count is not what it must be.
 */
import fs from 'node:fs'
import path from 'node:path'

const rowCount = Number(process.argv[2] ?? 5000)
const dir = path.resolve('data', 'bench')
fs.mkdirSync(dir, { recursive: true })
const databaseUrl = `file:${path.join(dir, `evaluation-import-${Date.now()}.db`)}`
process.env.DATABASE_URL = databaseUrl
// Imported after DATABASE_URL is set: the environment and the Prisma client read it once.
const { migrateDatabase } = await import('#app/db-setup.server.ts')
migrateDatabase(databaseUrl)
const { prisma } = await import('#app/db.server.ts')
const { createOrganisation, addMember } = await import('#app/domain/organisations.server.ts')
const { createUser } = await import('#app/domain/users.server.ts')
const { qualityScopeOf } = await import('#app/quality/quality-access.server.ts')
const { allItems } = await import('#app/quality/scorecard-definition.ts')
const { STARTER_DOSSIER, STARTER_SCORECARD } = await import('#app/quality/starter-scorecard.ts')
const { getScorecardVersion } = await import('#app/quality/scorecards.server.ts')
const { readTabularFile } = await import('#app/quality/tabular-file.server.ts')
const { checkEvaluations, guessEvaluationMapping, importEvaluations, EvaluationImportRefused } =
  await import('#app/quality/evaluation-import.server.ts')

const organisation = await createOrganisation({
  slug: 'bench-import',
  name: 'Bench Import',
  kind: 'in_house',
  clients: [],
})
async function member(email: string, role: 'employer_admin' | 'learner' | 'quality_coach') {
  const user = await createUser({ email, name: email, password: 'Correct-Horse-Battery-9' })
  const membership = await prisma.$transaction((tx) =>
    addMember(tx, { organisationId: organisation.id, userId: user.id, roles: [role] }),
  )
  return { user, membership }
}
const admin = await member('admin@bench.test', 'employer_admin')
await Promise.all(Array.from({ length: 60 }, (_, i) => member(`agent${i}@bench.test`, 'learner')))
await Promise.all(
  Array.from({ length: 6 }, (_, i) => member(`coach${i}@bench.test`, 'quality_coach')),
)
const card = await prisma.scorecard.create({
  data: {
    organisationId: organisation.id,
    name: 'Bench',
    channels: '["phone","chat","email"]',
    versions: {
      create: {
        version: 1,
        dossierSlug: STARTER_DOSSIER,
        definition: JSON.stringify(STARTER_SCORECARD),
        createdById: admin.user.id,
      },
    },
  },
  select: { versions: { select: { id: true } } },
})
const version = (await getScorecardVersion(organisation.id, card.versions[0]!.id))!
const scope = (await qualityScopeOf(admin.user.id, {
  id: admin.membership.id,
  organisation: { id: organisation.id, slug: 'bench-import', name: 'Bench Import' },
  roles: ['employer_admin'],
}))!

/** A Playvox-style export, `;`-separated as Dutch Excel writes it; `bad` rows get a problem. */
function exportCsv(rows: number, bad = new Set<number>()) {
  const items = allItems(STARTER_SCORECARD)
  const header = [
    'Interaction ID',
    'Agent Email',
    'Analyst Email',
    'Interaction Date',
    'Channel',
    'Interaction Duration',
    ...items.map((i) => i.key),
  ].join(';')
  const lines = [header]
  const channels = ['Telefoon', 'Chat', 'E-mail']
  for (let n = 0; n < rows; n++) {
    const day = new Date(Date.UTC(2026, 5, 1) + (n % 180) * 86400_000)
    const date = `${String(day.getUTCDate()).padStart(2, '0')}-${String(day.getUTCMonth() + 1).padStart(2, '0')}-${day.getUTCFullYear()} ${9 + (n % 8)}:${String(n % 60).padStart(2, '0')}`
    const values = items.map((item, i) => {
      if (item.scale === 'one_to_five') return String(1 + ((n + i) % 5))
      if (item.critical) return n % 37 === 0 ? 'Nee' : 'Ja'
      return (n + i) % 5 === 0 ? 'Nee' : (n + i) % 11 === 0 ? 'n.v.t.' : 'Ja'
    })
    const agent = bad.has(n) ? `onbekend${n}@elders.test` : `agent${n % 60}@bench.test`
    lines.push(
      [
        `PV-${100000 + n}`,
        agent,
        `coach${n % 6}@bench.test`,
        date,
        channels[n % 3],
        `${2 + (n % 9)}:${String((n * 7) % 60).padStart(2, '0')}`,
        ...values,
      ].join(';'),
    )
  }
  return new TextEncoder().encode(lines.join('\r\n'))
}

const ms = (start: number) => `${(performance.now() - start).toFixed(0)} ms`
let failed = false
try {
  const bytes = exportCsv(rowCount)
  let start = performance.now()
  const file = await readTabularFile(bytes)
  const readTime = ms(start)
  const mapping = guessEvaluationMapping(file.headers, 'playvox', version.definition)

  start = performance.now()
  const check = await checkEvaluations(organisation.id, version, 'playvox', mapping, file)
  const checkTime = ms(start)
  if (check.problems.length > 0 || check.planned.length !== rowCount) failed = true

  start = performance.now()
  const imported = await importEvaluations({
    scope,
    versionId: version.id,
    tool: 'playvox',
    mapping,
    file,
    fileName: 'bench.csv',
  })
  const importTime = ms(start)
  const stored = await prisma.evaluation.count({ where: { organisationId: organisation.id } })
  if (imported.created !== rowCount || stored !== rowCount) failed = true

  start = performance.now()
  const again = await importEvaluations({
    scope,
    versionId: version.id,
    tool: 'playvox',
    mapping,
    file,
    fileName: 'bench.csv',
  })
  const againTime = ms(start)
  if (again.created !== 0 || again.alreadyImported !== rowCount) failed = true

  const badRows = new Set(Array.from({ length: 50 }, (_, i) => i * Math.floor(rowCount / 50)))
  const badFile = await readTabularFile(exportCsv(rowCount, badRows))
  start = performance.now()
  const refused = await importEvaluations({
    scope,
    versionId: version.id,
    tool: 'other',
    mapping,
    file: badFile,
    fileName: 'bad.csv',
  }).catch((error: unknown) => error)
  const badTime = ms(start)
  const problems = refused instanceof EvaluationImportRefused ? refused.check.problems : []
  const after = await prisma.evaluation.count({ where: { organisationId: organisation.id } })
  if (problems.length !== badRows.size || after !== rowCount) failed = true

  const items = await prisma.evaluationItemScore.count()
  const workProcesses = await prisma.evaluationWorkProcess.count()
  console.log(`file: ${rowCount} rows, ${(bytes.length / 1024).toFixed(0)} KiB`)
  console.log(`read (CSV parse): ${readTime}`)
  console.log(`check (dry run): ${checkTime}`)
  console.log(
    `import, one transaction: ${importTime} (${stored} evaluations, ${items} item scores, ${workProcesses} work-process rows)`,
  )
  console.log(
    `re-import of the same file (no-op, ${again.alreadyImported} already imported): ${againTime}`,
  )
  console.log(
    `file with ${badRows.size} bad rows: ${badTime}, refused with ${problems.length} problems (first: line ${problems[0]?.line}), ${after - rowCount} written`,
  )
} finally {
  await prisma.$disconnect()
}
if (failed) {
  console.error('a count was not what it must be')
  process.exit(1)
}
