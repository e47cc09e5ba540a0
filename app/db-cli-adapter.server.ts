import { randomUUID } from 'node:crypto'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
} from '@prisma/driver-adapter-utils'

/**
 * The driver adapters the Prisma CLI (migrate, diff) uses, from prisma.config.ts; never the
 * app's queries. Prisma 6.19's wasm schema engine needs a few workarounds, kept here.
 *
 * Both engines: replaying migrations into a shadow database (`migrate dev`, `migrate diff
 * --from-migrations`) sends each multi-statement migration file through `executeRaw` with no
 * arguments, which better-sqlite3 and pg's extended protocol both reject. Argument-less
 * `executeRaw` goes to `executeScript` instead.
 *
 * PostgreSQL, prisma/orm#27403 (open for Prisma 6.19): the wasm schema engine introspects
 * PostgreSQL's catalogs, whose columns are of type `name` (OID 19) and of information_schema
 * domains (`sql_identifier`, `cardinal_number`, …). @prisma/adapter-pg 6.19 cannot map those
 * OIDs and every `migrate` command fails with "Column type 'name' could not be deserialized".
 *
 * We rewrite the type of such result columns before the adapter maps them: `name` and
 * text-like domains become `text`, integer domains become `int4` with numeric values.
 * Remove it when adapter-pg maps these types itself (upstream PR prisma/orm#28470).
 *
 * Two more traps of the same adapter under the CLI, also handled here:
 * - `connectToShadowDb()` spreads `{ ...config, database }`, but a `connectionString` wins
 *   over `database` in pg, so the "shadow" database was the real one; and it drops the
 *   shadow database before closing its own pool, which PostgreSQL refuses. We create and
 *   drop the shadow database ourselves, in that order, and pass the URL's parts, not the string.
 * Known and not worked around: on PostgreSQL the wasm engine leaves a 10 s timer running, so
 * `migrate deploy` takes ~11 s to exit even when there is nothing to apply.
 */

const TEXT = 25
const INT4 = 23
const NAME = 19
const INTEGER_BASES = new Set([20, 21, 23])
/** Below this OID types are built in; the adapter handles user types above it itself. */
const FIRST_NORMAL_OBJECT_ID = 16384

type Field = { dataTypeID: number }
type QueryResult = { fields: Field[]; rows: unknown[][] }
type PgClient = {
  query(sql: string, values: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>
}
type Patchable = SqlDriverAdapter & {
  client: PgClient
  performIO(query: SqlQuery): Promise<QueryResult>
}

/** Base type of each catalog domain, looked up once per OID. */
const domainBase = new Map<number, number>()
/** Type OIDs the adapter maps natively (and user types, which it handles). */
const KNOWN = new Set([
  16, 17, 20, 21, 23, 25, 26, 114, 142, 650, 700, 701, 790, 869, 1042, 1043, 1082, 1083, 1114, 1184,
  1266, 1560, 1562, 1700, 2950, 3802,
])

async function rewriteUnsupportedColumns(client: PgClient, result: QueryResult) {
  for (const [i, field] of result.fields.entries()) {
    const oid = field.dataTypeID
    if (
      KNOWN.has(oid) ||
      oid >= FIRST_NORMAL_OBJECT_ID ||
      (oid >= 1000 && oid < 1300) ||
      oid > 100000
    )
      continue
    if (oid === NAME) {
      field.dataTypeID = TEXT
      continue
    }
    if (!domainBase.has(oid)) {
      const { rows } = await client.query('SELECT typbasetype FROM pg_type WHERE oid = $1', [oid])
      domainBase.set(oid, Number(rows[0]?.typbasetype ?? 0))
    }
    if (INTEGER_BASES.has(domainBase.get(oid)!)) {
      field.dataTypeID = INT4
      for (const row of result.rows) row[i] = row[i] === null ? null : Number(row[i])
    } else {
      field.dataTypeID = TEXT
    }
  }
  return result
}

function patchPostgres<T extends SqlDriverAdapter>(adapter: T): T {
  const target = adapter as unknown as Patchable
  const performIO = target.performIO.bind(target)
  target.performIO = async (query) =>
    rewriteUnsupportedColumns(target.client, await performIO(query))
  return scriptsThroughExecuteScript(adapter)
}

function scriptsThroughExecuteScript<T extends SqlDriverAdapter>(adapter: T): T {
  const target = adapter
  const executeRaw = target.executeRaw.bind(target)
  target.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query)
    await target.executeScript(query.sql)
    return 0
  }
  return adapter
}

export async function createMigrationAdapter(
  url: string,
): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (url.startsWith('file:')) {
    const factory = new PrismaBetterSQLite3({ url })
    return {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => scriptsThroughExecuteScript(await factory.connect()),
      connectToShadowDb: async () => scriptsThroughExecuteScript(await factory.connectToShadowDb()),
    }
  }
  return createPostgresMigrationAdapter(url)
}

async function createPostgresMigrationAdapter(
  url: string,
): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const config = { ...poolConfigFromUrl(url), allowExitOnIdle: true }
  const factory = new PrismaPg(config)
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patchPostgres(await factory.connect()),
    async connectToShadowDb() {
      const main = await factory.connect()
      const database = `prisma_shadow_${randomUUID().replaceAll('-', '')}`
      await main.executeScript(`CREATE DATABASE "${database}"`)
      const shadow = patchPostgres(await new PrismaPg({ ...config, database }).connect())
      const closeShadow = shadow.dispose.bind(shadow)
      shadow.dispose = async () => {
        await closeShadow()
        await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`)
        await main.dispose()
      }
      return shadow
    },
  }
}

/** pg pool settings from a postgresql:// URL, as separate fields (see the shadow database note). */
export function poolConfigFromUrl(url: string) {
  const u = new URL(url)
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || undefined,
    ssl: u.searchParams.get('sslmode') === 'require' ? { rejectUnauthorized: false } : undefined,
  }
}
