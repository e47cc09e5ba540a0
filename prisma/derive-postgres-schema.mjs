#!/usr/bin/env node
// prisma/schema.prisma (SQLite) is the one description of the data. The PostgreSQL schema is
// derived from it mechanically: only the datasource provider and the client's output differ.
// Run by postinstall and by the migration script; a test checks the derivation stays exact.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
export const SOURCE = path.join(here, 'schema.prisma')
export const TARGET = path.join(here, 'postgresql', 'schema.prisma')

export function derivePostgresSchema(source) {
  const replacements = [
    ['provider = "sqlite"', 'provider = "postgresql"'],
    [
      'output                 = "../app/generated/prisma"',
      'output                 = "../../app/generated/prisma-postgres"',
    ],
  ]
  let out = source
  for (const [from, to] of replacements) {
    if (out.split(from).length !== 2)
      throw new Error(`schema.prisma must contain exactly one: ${from}`)
    out = out.replace(from, to)
  }
  return `// GENERATED from prisma/schema.prisma by prisma/derive-postgres-schema.mjs. Do not edit.\n${out}`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(path.dirname(TARGET), { recursive: true })
  fs.writeFileSync(TARGET, derivePostgresSchema(fs.readFileSync(SOURCE, 'utf8')))
}
