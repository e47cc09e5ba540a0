/**
 * `npm run db:copy -- <from-url> <to-url>`: move a site from one database to another, e.g.
 * from the SQLite file to PostgreSQL. Stop the app first (writes during the copy are lost).
 * Prints the row count per table on both sides and exits 1 when any differs.
 */
import { copyDatabase } from '#app/db-copy.server.ts'

const [from, to] = process.argv.slice(2)
if (!from || !to) {
  console.error('usage: npm run db:copy -- <from DATABASE_URL> <to DATABASE_URL>')
  console.error(
    '  e.g. npm run db:copy -- file:./data/leerplein.db postgresql://user@host/leerplein',
  )
  process.exit(2)
}
const report = await copyDatabase(from, to)
let mismatch = false
for (const row of report) {
  const ok = row.source === row.target
  mismatch ||= !ok
  console.log(`${ok ? 'ok  ' : 'DIFF'} ${row.table.padEnd(24)} ${row.source} → ${row.target}`)
}
process.exit(mismatch ? 1 : 0)
