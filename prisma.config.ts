import path from 'node:path'
import { defineConfig } from 'prisma/config'
import { DEFAULT_DATABASE_URL } from './app/env.server.ts'
import { createMigrationAdapter } from './app/db-cli-adapter.server.ts'

// The CLI (migrate, diff, generate) follows DATABASE_URL like the app does: a file: URL uses
// the SQLite schema and migrations, postgresql:// the derived PostgreSQL ones. The schema's
// `env("DATABASE_URL")` must resolve, or Prisma 6.19 falls back to downloading an engine.
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL
const url = process.env.DATABASE_URL
const dir = url.startsWith('file:') ? 'prisma' : path.join('prisma', 'postgresql')

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(dir, 'schema.prisma'),
  migrations: { path: path.join(dir, 'migrations') },
  adapter: () => createMigrationAdapter(url),
})
