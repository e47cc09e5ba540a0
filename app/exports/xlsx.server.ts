/**
 * Spreadsheet (.xlsx) export with exceljs's streaming writer: a bold, frozen header row, text as
 * text cells (never formulas), numbers as numbers. Rows go into the zip as they are written, so
 * a large export is never held as one XML string.
 */
import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { looksLikeFormula } from './formula-text.ts'

export type Sheet = { name: string; headers: string[]; rows: Array<Array<string | number | null>> }

// Excel's hard limits; beyond them it refuses the file instead of truncating.
const MAX_ROWS = 1_048_576
const MAX_COLUMNS = 16_384
const MAX_CELL_TEXT = 32_767
const MAX_SHEET_NAME = 31
// Excel's built-in Text format: an edited cell stays text instead of becoming a formula.
const TEXT_FORMAT = '@'
// Rows between pauses that let the zip take what has been written.
const ROWS_PER_TURN = 1000

/** The workbook as a stream of bytes; input Excel would refuse throws before anything is written. */
export function toXlsx(sheets: Sheet[]): ReadableStream<Uint8Array> {
  if (sheets.length === 0) throw new RangeError('An xlsx workbook needs at least one sheet')
  sheets.forEach(checkSize)
  const names = sheetNames(sheets.map((sheet) => sheet.name))
  const out = new PassThrough()
  writeWorkbook(sheets, names, out).catch((error: unknown) => out.destroy(error as Error))
  return Readable.toWeb(out) as ReadableStream<Uint8Array>
}

async function writeWorkbook(sheets: Sheet[], names: string[], out: PassThrough) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
  })
  for (const [i, sheet] of sheets.entries()) {
    const worksheet = workbook.addWorksheet(names[i], {
      views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    })
    const header = worksheet.addRow(sheet.headers.map(cellValue))
    header.eachCell((cell) => {
      cell.font = { bold: true }
    })
    commit(header)
    for (const [r, row] of sheet.rows.entries()) {
      commit(worksheet.addRow(row.map(cellValue)))
      if (r % ROWS_PER_TURN === ROWS_PER_TURN - 1) await new Promise(setImmediate)
    }
    worksheet.commit()
  }
  await workbook.commit()
}

function commit(row: ExcelJS.Row) {
  row.eachCell((cell) => {
    if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) cell.numFmt = TEXT_FORMAT
  })
  row.commit()
}

function checkSize(sheet: Sheet) {
  // reduce, not Math.max(...rows): spreading a million rows overflows the call stack.
  const width = sheet.rows.reduce((max, row) => Math.max(max, row.length), sheet.headers.length)
  const height = sheet.rows.length + 1
  if (width > MAX_COLUMNS) throw new RangeError(`Sheet has ${width} columns; Excel allows 16384`)
  if (height > MAX_ROWS) throw new RangeError(`Sheet has ${height} rows; Excel allows 1048576`)
}

/** What goes into a cell; null leaves it out (NaN and Infinity have no spreadsheet value). */
function cellValue(value: string | number | null): string | number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  return value ? cellText(value) || null : null
}

function cellText(value: string) {
  let text = stripInvalidXml(value)
  if (text.length > MAX_CELL_TEXT) text = truncate(text, MAX_CELL_TEXT)
  // Excel decodes _xHHHH_ in text; escaping the underscore keeps such literal text unchanged.
  return text.replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1')
}

/** Excel's sheet-name rules: 1–31 chars, none of []:*?/\, no edge apostrophe, unique ignoring case. */
function sheetNames(requested: string[]) {
  const used = new Set<string>()
  return requested.map((name, i) => {
    let base = tidy(
      truncate(tidy(stripInvalidXml(name).replace(/[[\]:*?/\\]/g, '_')), MAX_SHEET_NAME),
    )
    if (!base) base = `Sheet${i + 1}`
    // Excel reserves this name for its change-tracking sheet.
    if (base.toLowerCase() === 'history') base += '_'

    let candidate = base
    for (let n = 2; used.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`
      candidate = tidy(truncate(base, MAX_SHEET_NAME - suffix.length)) + suffix
    }
    used.add(candidate.toLowerCase())
    return candidate
  })
}

// Trims edge whitespace and apostrophes; Excel rejects a name that starts or ends with '.
function tidy(name: string) {
  return name.replace(/^[\s']+|[\s']+$/g, '')
}

/** Cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number) {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut
}

// XML 1.0 forbids C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and unpaired surrogates.
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function stripInvalidXml(text: string) {
  return text.replace(INVALID_XML, '')
}
