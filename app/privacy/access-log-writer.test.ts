import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

/**
 * The access log is the one write a loader may do, and only through `logAccess`
 * (docs/decisions/036-access-log.md): no other module of the application creates its rows.
 * Tests and the generated client are left out; deleting rows (retention, erasure) is not
 * logging a view and stays allowed.
 */
const CREATES = /accessLogEntry\s*\.\s*(create|createMany|createManyAndReturn|upsert)\b/

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(full)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
  })
}

function accessLogWriters(files: ReadonlyArray<{ file: string; text: string }>) {
  return files.filter((f) => CREATES.test(f.text)).map((f) => f.file)
}

test('only app/privacy/access-log.server.ts writes the access log', () => {
  const files = sources('app').map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }))
  expect(accessLogWriters(files)).toEqual([path.join('app', 'privacy', 'access-log.server.ts')])
})

test('a route writing the log itself would be reported', () => {
  const route = {
    file: 'app/routes/orgs/$slug/staff-member.tsx',
    text: 'await prisma.accessLogEntry.create({ data })',
  }
  expect(accessLogWriters([route])).toEqual([route.file])
})
