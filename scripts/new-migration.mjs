#!/usr/bin/env node
// `npm run db:migration -- <name>`: after changing prisma/schema.prisma, write the migration
// for both engines from the one schema, under the same folder name:
//   prisma/migrations/<timestamp>_<name>/migration.sql             (SQLite)
//   prisma/postgresql/migrations/<timestamp>_<name>/migration.sql  (PostgreSQL)
// Each is `prisma migrate diff` from the committed migrations to the schema, replayed in a
// shadow database (SQLite in memory; PostgreSQL on the throwaway server that
// scripts/with-postgres.mjs starts for this command).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <name_in_snake_case>')
  process.exit(2)
}
if (!process.env.TEST_POSTGRES_URL) {
  console.error('new-migration: run through scripts/with-postgres.mjs (npm run db:migration does)')
  process.exit(2)
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
const folder = `${stamp}_${name}`
spawnSync('node', ['prisma/derive-postgres-schema.mjs'], { stdio: 'inherit' })

const engines = [
  { url: 'file::memory:', dir: 'prisma' },
  { url: process.env.TEST_POSTGRES_URL, dir: path.join('prisma', 'postgresql') },
]
for (const { url, dir } of engines) {
  const result = spawnSync(
    path.resolve('node_modules', '.bin', 'prisma'),
    [
      'migrate',
      'diff',
      '--from-migrations',
      path.join(dir, 'migrations'),
      '--to-schema-datamodel',
      path.join(dir, 'schema.prisma'),
      '--script',
    ],
    { env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1' }, encoding: 'utf8' },
  )
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr)
    process.exit(1)
  }
  const sql = result.stdout.trim()
  if (!sql || sql === '-- This is an empty migration.') {
    console.log(`${dir}: schema and migrations already agree, nothing written`)
    continue
  }
  const target = path.join(dir, 'migrations', folder)
  fs.mkdirSync(target, { recursive: true })
  fs.writeFileSync(path.join(target, 'migration.sql'), `${sql}\n`)
  console.log(`wrote ${path.join(target, 'migration.sql')}`)
}
