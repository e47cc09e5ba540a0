/**
 * Benchmark (issues 8 and 23), run with `npx tsx scripts/bench/employer-matrix.ts [sizes]`
 * (default 200,2000,20000) on SQLite, or on PostgreSQL with
 * `node scripts/with-postgres.mjs npx tsx scripts/bench/employer-matrix.ts` (TEST_POSTGRES_URL
 * set: a fresh database per size on that server). Per size N, in a child process on a fresh
 * database (the app's Prisma client is created once per process from DATABASE_URL, so each
 * size needs its own process):
 * 1. seed one organisation of N staff with progress on the 17 team-leader work processes and
 *    an event history of about 24 events per person, with bulk inserts;
 * 2. time the matrix's first page (by name, by progress, one team) and the full CSV export
 *    through the product's progressTable + toCsv;
 * 3. count the Prisma calls and SQL statements per page: they must be the same for every size;
 * 4. break the time down per part (the database's share in brackets);
 * 5. print, per variant, the ratio of each size's time to the time at the size before it.
 * The stored matrix totals (StaffStepCount, TeamStepCount) are filled after the bulk inserts
 * by `rebuildStaffCounts`, as a migration fills them on an existing site.
 * Exits non-zero when the export throws or the queries per page grow with N.
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const engine = process.env.TEST_POSTGRES_URL ? 'postgresql' : 'sqlite'

/** Median wall time in ms, and the database's share of it (null for a part that runs no SQL). */
type Part = { ms: number; sql: number | null }

type Result = {
  staff: number
  teams: number
  statuses: number
  events: number
  seedSeconds: number
  countsSeconds: number
  databaseBytes: number
  load: { before: number[]; after: number[] }
  firstPage: number
  byProgress: number
  teamFilter: number
  csv: number
  csvBytes: number
  prismaCalls: number
  statements: number
  exportStatements: number
  parts: Record<string, Part>
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
const ms = (v: number) => v.toFixed(1)

const FIRST_NAMES = [
  'Sanne',
  'Daan',
  'Emma',
  'Lucas',
  'Fleur',
  'Milan',
  'Lotte',
  'Sem',
  'Julia',
  'Thijs',
  'Sophie',
  'Bram',
  'Anouk',
  'Jesse',
  'Eva',
  'Ruben',
  'Lisa',
  'Niels',
  'Fatima',
  'Mohamed',
  'Yasmina',
  'Mehmet',
  'Aylin',
  'Priya',
  'Kevin',
  'Chantal',
  'Dewi',
  'Jeroen',
  'Marieke',
  'Wouter',
  'Ilse',
  'Rik',
  'Noor',
  'Stijn',
  'Esra',
  'Bilal',
  'Kim',
  'Tim',
  'Iris',
  'Jan',
]
const LAST_NAMES = [
  'de Vries',
  'Jansen',
  'de Jong',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'van der Linden',
  'Kok',
  'Jacobs',
  'de Haan',
  'Vermeulen',
  'van den Heuvel',
  'van der Veen',
  'Yilmaz',
  'El Amrani',
  'Kaya',
  'Bouzid',
  'Ramdin',
  'Sardjoe',
  'Öztürk',
  'Willems',
  'Hoekstra',
  'Koster',
]

if (process.argv[2] === '--size') {
  const result = await measure(Number(process.argv[3]))
  process.send!(result, () => process.disconnect())
} else {
  const sizes = (process.argv[2] ?? '200,2000,20000').split(',').map(Number)
  const results: Result[] = []
  for (const size of sizes) results.push(await inChild(size))
  report(results)
}

function inChild(size: number) {
  return new Promise<Result>((resolve, reject) => {
    // Same node and tsx loader flags as this process.
    const child = spawn(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--size', String(size)],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    )
    let result: Result | undefined
    child.on('message', (m) => (result = m as Result))
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`size ${size} failed (exit ${code}), see above`)),
    )
  })
}

function report(results: Result[]) {
  console.log()
  console.log(`engine: ${engine}`)
  console.log(
    '| staff | status rows | events | first page p50 ms | by progress p50 ms | team filter p50 ms | full CSV ms | CSV bytes | queries per page |',
  )
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const r of results)
    console.log(
      `| ${r.staff} | ${r.statuses} | ${r.events} | ${ms(r.firstPage)} | ${ms(r.byProgress)} | ${ms(r.teamFilter)} | ${ms(r.csv)} | ${r.csvBytes} | ${r.prismaCalls} (${r.statements} SQL) |`,
    )

  console.log()
  console.log(`| part (ms) | ${results.map((r) => `${r.staff} staff`).join(' | ')} |`)
  console.log(`| --- | ${results.map(() => '---').join(' | ')} |`)
  for (const name of Object.keys(results[0]?.parts ?? {})) {
    const cell = ({ ms: wall, sql }: Part) => (sql === null ? ms(wall) : `${ms(wall)} (${ms(sql)})`)
    console.log(`| ${name} | ${results.map((r) => cell(r.parts[name]!)).join(' | ')} |`)
  }

  console.log()
  for (const r of results) {
    const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ')
    console.log(
      `${r.staff} staff: ${r.teams} teams, seeded in ${r.seedSeconds.toFixed(1)} s, totals rebuilt in ${r.countsSeconds.toFixed(1)} s, database ${(r.databaseBytes / 2 ** 20).toFixed(1)} MiB, export ${r.exportStatements} SQL statements, load ${load(r.load.before)} before / ${load(r.load.after)} after`,
    )
  }
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1]!, results[i]!]
    const ratio = (k: 'firstPage' | 'byProgress' | 'teamFilter' | 'csv') => (b[k] / a[k]).toFixed(2)
    console.log(
      `ratio ${b.staff} / ${a.staff} staff: first page ${ratio('firstPage')}, by progress ${ratio('byProgress')}, team filter ${ratio('teamFilter')}, full CSV ${ratio('csv')}`,
    )
  }
  const fixed = new Set(results.map((r) => `${r.prismaCalls}/${r.statements}`)).size === 1
  console.log(
    fixed
      ? `queries per page: the same for every size (${results[0]?.prismaCalls} Prisma calls, ${results[0]?.statements} SQL statements)`
      : 'queries per page: NOT the same for every size',
  )
  process.exitCode = fixed ? 0 : 1
}

async function measure(size: number): Promise<Result> {
  const file = `data/bench-employer-${size}.db`
  const database = `bench_employer_${size}`
  const onServer = async (sql: string) => {
    const client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL })
    await client.connect()
    await client.query(sql).finally(() => client.end())
  }
  const remove = async () => {
    if (engine === 'postgresql')
      await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    else
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        fs.rmSync(file + suffix, { force: true })
  }
  await remove()
  if (engine === 'postgresql') {
    await onServer(`CREATE DATABASE "${database}"`)
    const url = new URL(process.env.TEST_POSTGRES_URL!)
    url.pathname = `/${database}`
    process.env.DATABASE_URL = url.toString()
  } else process.env.DATABASE_URL = `file:./${file}`
  const loadBefore = os.loadavg()

  const { default: Database } = await import('better-sqlite3')
  const { migrateDatabase } = await import('#app/db-setup.server.ts')
  migrateDatabase(process.env.DATABASE_URL)
  const { prisma } = await import('#app/db.server.ts')
  const { importDossierFolder } = await import('#app/domain/dossier-folder.server.ts')
  const {
    staffMatrix,
    staffIds,
    matrixRows,
    allMatrixRows,
    matrixColumns,
    matrixTotals,
    aggregatedTotals,
    PAGE_SIZE,
  } = await import('#app/employer/matrix.server.ts')
  const { progressTable } = await import('#app/employer/exports.server.ts')
  const { rebuildStaffCounts } = await import('#app/employer/staff-counts.server.ts')
  const { toCsv } = await import('#app/exports/csv.ts')
  const { TOP_STEP } = await import('#app/domain/progress-rules.ts')
  await importDossierFolder()

  const dossierSlug = 'contactcenter-teamleider'
  const workProcesses = await prisma.workProcess.findMany({
    where: { dossier: { slug: dossierSlug } },
    orderBy: [{ coreTask: { position: 'asc' } }, { position: 'asc' }],
    select: { code: true, position: true, coreTask: { select: { position: true } } },
  })
  if (workProcesses.length !== 17) throw new Error(`${workProcesses.length} work processes`)
  const coreTasks = [...new Set(workProcesses.map((w) => w.coreTask.position))].sort(
    (a, b) => a - b,
  )
  const courses = [
    'tl-k1-leidinggeven',
    'tl-k2-coachen',
    'tl-k3-dagelijkse-operatie',
    'tl-k4-projecten',
  ]

  // Seeded pseudo-random numbers: every run seeds the same organisation.
  let seed = 8
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const seedStart = performance.now()
  const now = Date.now()
  const weeks26 = 26 * 7 * 24 * 3600 * 1000

  const organisation = await prisma.organisation.create({
    data: { slug: 'bench', name: 'Klantcontact Benchmark B.V.', kind: 'in_house' },
  })
  const teams = Array.from({ length: Math.max(1, Math.round(size / 20)) }, (_, i) => ({
    id: randomUUID(),
    organisationId: organisation.id,
    name: `Team ${i + 1}`,
  }))
  // Shuffled, so name order, insertion order and team order differ as in a real organisation.
  const order = Array.from({ length: size }, (_, i) => i)
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  const users = order.map((k, i) => {
    const first = FIRST_NAMES[k % FIRST_NAMES.length]!
    const last = LAST_NAMES[Math.floor(k / FIRST_NAMES.length) % LAST_NAMES.length]!
    const round = Math.floor(k / (FIRST_NAMES.length * LAST_NAMES.length))
    const plain = (s: string) =>
      s
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')
    return {
      id: randomUUID(),
      email: `${plain(first)}.${plain(last)}.${i}@bench.test`,
      name: round ? `${first} ${last} ${round + 1}` : `${first} ${last}`,
      // Nobody logs in: a fixed string instead of an argon2 hash per user.
      passwordHash: 'bench-no-login',
    }
  })
  const memberships = users.map((u) => ({
    id: randomUUID(),
    userId: u.id,
    organisationId: organisation.id,
  }))
  const roles = memberships.map((m) => ({ membershipId: m.id, role: 'learner' }))
  const teamMembers = memberships.map((m, i) => ({
    teamId: teams[i % teams.length]!.id,
    membershipId: m.id,
  }))

  // 15 % have not started; the others have a seniority that takes them further along the
  // earlier core tasks (tuned to about 5 started work processes and 24 events per person).
  const statuses: Array<{
    userId: string
    dossierSlug: string
    workProcessCode: string
    step: number
    updatedAt: Date
  }> = []
  const events: Array<{
    id: string
    userId: string
    verb: string
    objectType: string
    objectId: string
    resultStep?: number
    courseId?: string
    lessonKey?: string
    workProcessCodes: string
    timestamp: Date
  }> = []
  for (const user of users) {
    if (random() < 0.15) continue
    const seniority = random()
    for (const wp of workProcesses) {
      const core = coreTasks.indexOf(wp.coreTask.position)
      const depth = seniority * 4.5 - core * 0.9 - wp.position * 0.35 + (random() - 0.5) * 1.5
      const step = Math.max(0, Math.min(TOP_STEP, Math.floor(depth)))
      if (step === 0) continue
      // Three lessons and the steps reached, in this order, at sorted times in 26 weeks.
      const times = Array.from({ length: 3 + step }, () => now - random() * weeks26).sort(
        (a, b) => a - b,
      )
      const lesson = (n: number) => `${wp.code.toLowerCase()}-les-${n}`
      const sequence = ['lesson:1', 'step:1', 'lesson:2', 'lesson:3', 'step:2', 'step:3', 'step:4']
      let t = 0
      for (const item of sequence) {
        const [kind, n] = item.split(':') as [string, string]
        if (kind === 'step' && Number(n) > step) continue
        const timestamp = new Date(times[t++]!)
        events.push(
          kind === 'lesson'
            ? {
                id: randomUUID(),
                userId: user.id,
                verb: 'completed',
                objectType: 'lesson',
                objectId: lesson(Number(n)),
                courseId: courses[core],
                lessonKey: lesson(Number(n)),
                workProcessCodes: wp.code,
                timestamp,
              }
            : {
                id: randomUUID(),
                userId: user.id,
                verb: 'progressed',
                objectType: 'work-process',
                objectId: `${dossierSlug}/${wp.code}`,
                resultStep: Number(n),
                workProcessCodes: wp.code,
                timestamp,
              },
        )
      }
      statuses.push({
        userId: user.id,
        dossierSlug,
        workProcessCode: wp.code,
        step,
        updatedAt: new Date(times[times.length - 1]!),
      })
    }
  }

  // Bulk inserts in batches of 500 rows, in a few long transactions.
  const chunks = <T>(rows: T[], chunk = 500) =>
    Array.from({ length: Math.ceil(rows.length / chunk) }, (_, i) =>
      rows.slice(i * chunk, (i + 1) * chunk),
    )
  const long = { maxWait: 60_000, timeout: 30 * 60_000 }
  await prisma.$transaction(async (tx) => {
    await tx.team.createMany({ data: teams })
    for (const c of chunks(users)) await tx.user.createMany({ data: c })
    for (const c of chunks(memberships)) await tx.membership.createMany({ data: c })
    for (const c of chunks(roles)) await tx.membershipRole.createMany({ data: c })
    for (const c of chunks(teamMembers)) await tx.teamMember.createMany({ data: c })
  }, long)
  await prisma.$transaction(async (tx) => {
    for (const c of chunks(statuses)) await tx.workProcessStatus.createMany({ data: c })
  }, long)
  for (const part of chunks(events, 100_000))
    await prisma.$transaction(async (tx) => {
      for (const c of chunks(part)) await tx.learningEvent.createMany({ data: c })
    }, long)
  const seedSeconds = (performance.now() - seedStart) / 1000
  const countsStart = performance.now()
  await rebuildStaffCounts({ write: true })
  const countsSeconds = (performance.now() - countsStart) / 1000
  // As a long-running server's database would be: the WAL written back into the file; on
  // PostgreSQL the planner's statistics gathered (autovacuum would, some time after the load).
  if (engine === 'sqlite') await prisma.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)')
  else await prisma.$executeRawUnsafe('ANALYZE')
  const counts = {
    users: await prisma.user.count(),
    statuses: await prisma.workProcessStatus.count(),
    events: await prisma.learningEvent.count(),
  }
  console.log(
    `${size} staff: seeded ${counts.users} users, ${teams.length} teams, ${counts.statuses} status rows, ${counts.events} events in ${seedSeconds.toFixed(1)} s`,
  )

  // Every SQL statement Prisma runs goes through better-sqlite3's prepare() (SQLite) or
  // pg's Client.query() (PostgreSQL): count them, and time their execution by kind of
  // statement for the breakdown per part (on PostgreSQL including the round trip).
  const statement = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as {
    all: (...args: unknown[]) => unknown
    run: (...args: unknown[]) => unknown
  }
  const sqlTimes = new Map<string, number>()
  let statements = 0
  const kind = (sql: string) =>
    /"(Staff|Team)StepCount"/.test(sql)
      ? 'stored totals'
      : sql.includes('AS "total"')
        ? 'ids'
        : sql.includes('GROUP BY s."workProcessCode"')
          ? 'totals per work process'
          : sql.includes('GROUP BY tm."teamId"')
            ? 'totals per team'
            : sql.includes('COUNT(*) AS "count"')
              ? 'count'
              : /Dossier|CoreTask|WorkProcess`/.test(sql) && !sql.includes('WorkProcessStatus')
                ? 'columns'
                : 'rows'
  const originalPrepare = Database.prototype.prepare
  Database.prototype.prepare = function (this: InstanceType<typeof Database>, sql: string) {
    statements++
    return originalPrepare.call(this, sql)
  } as typeof originalPrepare
  for (const method of ['all', 'run'] as const) {
    const original = statement[method]
    statement[method] = function (this: { source: string }, ...args: unknown[]) {
      const started = performance.now()
      try {
        return original.apply(this, args)
      } finally {
        const k = kind(this.source)
        sqlTimes.set(k, (sqlTimes.get(k) ?? 0) + performance.now() - started)
      }
    }
  }
  const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const started = performance.now()
    const first = args[0] as string | { text?: string }
    const source = typeof first === 'string' ? first : (first?.text ?? '')
    // Prisma's own BEGIN/COMMIT and the like are statements too, as on SQLite.
    statements++
    const done = () => {
      const k = kind(source)
      sqlTimes.set(k, (sqlTimes.get(k) ?? 0) + performance.now() - started)
    }
    // pg.Pool.query (what Prisma's adapter calls) hands the client a callback; otherwise a
    // promise comes back.
    const callback = args.at(-1)
    if (typeof callback === 'function')
      args[args.length - 1] = (...results: unknown[]) => {
        done()
        return (callback as (...r: unknown[]) => unknown)(...results)
      }
    const result = clientQuery.apply(this, args)
    const pending = result as { then?: (ok: () => void, fail: () => void) => unknown }
    if (typeof callback !== 'function' && typeof pending?.then === 'function')
      void pending.then(done, done)
    return result
  } as typeof pg.Client.prototype.query

  // The Prisma calls the matrix makes, counted by wrapping them on the app's client.
  let prismaCalls = 0
  const counted = <F extends (...args: never[]) => unknown>(target: object, name: string) => {
    const original = (target as Record<string, F>)[name]!
    const wrapper = (...args: Parameters<F>) => {
      prismaCalls++
      return original.apply(target, args)
    }
    Object.defineProperty(target, name, { value: wrapper, configurable: true, writable: true })
    if ((target as Record<string, unknown>)[name] !== wrapper)
      throw new Error(`cannot count calls to ${name}`)
  }
  counted(prisma, '$queryRaw')
  counted(prisma.membership, 'findMany')
  counted(prisma.workProcessStatus, 'findMany')
  counted(prisma.dossier, 'findFirst')
  const queriesOf = async (fn: () => Promise<unknown>) => {
    prismaCalls = 0
    statements = 0
    await fn()
    return { prismaCalls, statements }
  }

  /** After one warm-up, the median over `runs` of the wall time and of SQLite time per kind. */
  const time = async (runs: number, fn: () => Promise<unknown>) => {
    await fn()
    const walls: number[] = []
    const sqls: Array<Map<string, number>> = []
    for (let i = 0; i < runs; i++) {
      sqlTimes.clear()
      const started = performance.now()
      await fn()
      walls.push(performance.now() - started)
      sqls.push(new Map(sqlTimes))
    }
    const sql = (k?: string) =>
      median(sqls.map((m) => (k ? (m.get(k) ?? 0) : [...m.values()].reduce((a, b) => a + b, 0))))
    return { ms: median(walls), sql }
  }
  const part = (t: Awaited<ReturnType<typeof time>>): Part => ({ ms: t.ms, sql: t.sql() })

  const scope = {
    organisationId: organisation.id,
    organisationSlug: 'bench',
    organisationName: organisation.name,
    organisationKind: 'in_house',
    teamIds: null,
  }
  const query = { dossierSlug, sort: 'name' as const, dir: 'asc' as const, page: 1 }

  // The first page: complete, from a fixed number of queries, and how long it takes.
  const page = await staffMatrix(scope, query)
  if (page?.rows.length !== Math.min(PAGE_SIZE, size)) throw new Error('first page incomplete')
  const perPage = await queriesOf(() => staffMatrix(scope, query))
  const firstPage = await time(7, () => staffMatrix(scope, query))
  const byProgress = await time(7, () =>
    staffMatrix(scope, { ...query, sort: 'progress', dir: 'desc' }),
  )
  const teamFilter = await time(7, () => staffMatrix(scope, { ...query, teamId: teams[0]!.id }))

  // The full export through the product's code path; if it throws, the benchmark fails.
  let csvText = ''
  const exportCsv = async () => {
    csvText = toCsv(await progressTable(scope, query, 'nl'), 'nl')
  }
  const csv = await time(3, exportCsv)
  // A header line, one line per staff member, and the empty string after the last CRLF.
  if (csvText.split('\r\n').length !== size + 2) throw new Error('CSV incomplete')
  const exportQueries = await queriesOf(exportCsv)

  // Per part: the first page's SQLite time per kind of statement, then the matrix functions
  // on their own (wall time, SQLite's share in brackets).
  const parts: Record<string, Part> = {}
  for (const k of [
    'columns',
    'count',
    'ids',
    'stored totals',
    'totals per work process',
    'totals per team',
    'rows',
  ])
    parts[`page: SQL ${k}`] = { ms: firstPage.sql(k), sql: null }
  const paging = { limit: PAGE_SIZE, offset: 0 }
  const ids = await staffIds(scope, query, paging)
  parts['page: matrixColumns'] = part(await time(7, () => matrixColumns(dossierSlug)))
  parts['page: staffIds, one page'] = part(await time(7, () => staffIds(scope, query, paging)))
  parts['page: matrixRows, one page'] = part(await time(7, () => matrixRows(ids, dossierSlug)))
  // The totals as the page reads them (stored counts) and as it aggregated them before issue 23.
  parts['page: matrixTotals (stored)'] = part(await time(7, () => matrixTotals(scope, query, 17)))
  parts['page: aggregatedTotals (before)'] = part(
    await time(7, () => aggregatedTotals(scope, query, 17)),
  )
  const table = await progressTable(scope, query, 'nl')
  parts['export: staffIds, all'] = part(await time(3, () => staffIds(scope, query, null)))
  parts['export: allMatrixRows'] = part(await time(3, () => allMatrixRows(scope, query)))
  parts['export: toCsv'] = { ms: (await time(3, async () => toCsv(table, 'nl'))).ms, sql: null }

  const databaseBytes =
    engine === 'postgresql'
      ? Number(
          (
            await prisma.$queryRaw<
              Array<{ bytes: bigint }>
            >`SELECT pg_database_size(current_database()) AS "bytes"`
          )[0]!.bytes,
        )
      : ['', '-wal'].reduce(
          (sum, suffix) =>
            sum + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0),
          0,
        )
  await prisma.$disconnect()
  await remove()
  return {
    staff: size,
    teams: teams.length,
    statuses: counts.statuses,
    events: counts.events,
    seedSeconds,
    countsSeconds,
    databaseBytes,
    load: { before: loadBefore, after: os.loadavg() },
    firstPage: firstPage.ms,
    byProgress: byProgress.ms,
    teamFilter: teamFilter.ms,
    csv: csv.ms,
    csvBytes: Buffer.byteLength(csvText),
    ...perPage,
    exportStatements: exportQueries.statements,
    parts,
  }
}
