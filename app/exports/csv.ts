/** CSV export for spreadsheet users (Excel first), shared by report download routes and tests. */
import { looksLikeFormula } from './formula-text.ts'

export type Table = { headers: string[]; rows: Array<Array<string | number | null>> }
/** An export's table, and whose data its rows hold (for the access log, app/privacy). */
export type PeopleTable = Table & { people: string[] }

// Excel only detects UTF-8 (é, ë, ’) when the file starts with a byte-order mark.
const BOM = '\uFEFF'
const CRLF = '\r\n'

/** CSV for Excel: UTF-8 with BOM; `;` separator for Dutch (Dutch Excel expects it), `,` for English; CRLF line ends. */
export function toCsv(table: Table, locale: 'nl' | 'en'): string {
  const separator = locale === 'nl' ? ';' : ','
  const line = (cells: Array<string | number | null>) =>
    cells.map((cell) => field(cell, separator, locale)).join(separator) + CRLF
  return BOM + line(table.headers) + table.rows.map(line).join('')
}

function field(cell: string | number | null, separator: string, locale: 'nl' | 'en') {
  if (cell === null) return ''
  // Numbers are trusted values, never guarded: a negative number must stay a number.
  const text = typeof cell === 'number' ? numberText(cell, locale) : guard(cell)
  return needsQuotes(text, separator) ? `"${text.replaceAll('"', '""')}"` : text
}

function numberText(value: number, locale: 'nl' | 'en') {
  if (!Number.isFinite(value)) return ''
  const text = String(value)
  // Dutch Excel reads `1.5` as a date (1 May); the `;` separator leaves the comma free for decimals.
  return locale === 'nl' ? text.replace('.', ',') : text
}

function guard(text: string) {
  return looksLikeFormula(text) ? `'${text}` : text
}

function needsQuotes(text: string, separator: string) {
  return text.includes(separator) || /["\r\n]/.test(text)
}
