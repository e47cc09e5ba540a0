import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'

/**
 * An uploaded spreadsheet (CSV or XLSX) read into a header and rows of text, each with the
 * line number a person sees in Excel or an editor, so every import error can name its line.
 * The file comes from anyone with an admin account: sizes, rows, columns and cell lengths are
 * bounded, and reading stops at the first limit, so no file can stall the server.
 */

export const TABULAR_LIMITS = {
  bytes: 10 * 1024 * 1024,
  rows: 10_000,
  columns: 200,
  cellChars: 10_000,
  /** What the parts of an XLSX (a zip) may unpack to: a zip bomb is refused unopened. */
  unpackedBytes: 150 * 1024 * 1024,
}

export type TabularRow = { line: number; cells: string[] }
export type TabularFile = { headers: string[]; rows: TabularRow[] }

/** Why a file cannot be read at all (as opposed to one bad row): a message key and values. */
export class TabularFileRefused extends Error {
  constructor(
    readonly messageKey: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(messageKey)
  }
}

export type TabularKind = 'csv' | 'xlsx'

/** The bytes decide the kind: an XLSX is a zip ("PK\3\4"); anything else is read as text. */
export function tabularKind(bytes: Uint8Array): TabularKind {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
    ? 'xlsx'
    : 'csv'
}

export async function readTabularFile(bytes: Uint8Array): Promise<TabularFile> {
  if (bytes.length === 0) throw new TabularFileRefused('imports.file.empty')
  if (bytes.length > TABULAR_LIMITS.bytes)
    throw new TabularFileRefused('imports.file.tooLarge', {
      mb: TABULAR_LIMITS.bytes / 1024 / 1024,
    })
  const rows = tabularKind(bytes) === 'xlsx' ? await readXlsx(bytes) : readCsv(decodeText(bytes))
  return withHeader(rows)
}

/** The first non-empty row names the columns; empty rows after it are skipped. */
function withHeader(rows: TabularRow[]): TabularFile {
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''))
  const [header, ...data] = nonEmpty
  if (!header) throw new TabularFileRefused('imports.file.empty')
  if (data.length === 0) throw new TabularFileRefused('imports.file.noRows')
  const headers = header.cells.map((c, i) => c.trim() || `#${i + 1}`)
  return {
    headers,
    rows: data.map((r) => ({ line: r.line, cells: headers.map((_, i) => r.cells[i] ?? '') })),
  }
}

/** UTF-8 (with or without BOM); Excel on Dutch Windows still writes Windows-1252 CSV. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

function countRow(rows: TabularRow[], cells: string[], line: number) {
  // +1: the header row is counted among the rows read.
  if (rows.length >= TABULAR_LIMITS.rows + 1)
    throw new TabularFileRefused('imports.file.tooManyRows', { max: TABULAR_LIMITS.rows })
  if (cells.length > TABULAR_LIMITS.columns)
    throw new TabularFileRefused('imports.file.tooManyColumns', {
      max: TABULAR_LIMITS.columns,
      line,
    })
  rows.push({ line, cells })
}

/** The separator of the first line, outside quotes: ";" (Dutch Excel), "," or a tab. */
export function detectSeparator(text: string): string {
  const counts = new Map([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ])
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1)
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1])
  return best![1] > 0 ? best![0] : ','
}

/**
 * RFC 4180: fields separated by the detected separator, records by CRLF or LF, a quoted field
 * may hold separators, line breaks and doubled quotes. One pass over the text, linear time.
 * A record's line number is the line it starts on.
 */
export function readCsv(input: string): TabularRow[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const separator = detectSeparator(text)
  const rows: TabularRow[] = []
  let cells: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  let quoteStartLine = 1
  let i = 0
  const endField = () => {
    if (field.length > TABULAR_LIMITS.cellChars)
      throw new TabularFileRefused('imports.file.cellTooLong', {
        line: recordLine,
        max: TABULAR_LIMITS.cellChars,
      })
    cells.push(field)
    field = ''
  }
  const endRecord = () => {
    endField()
    countRow(rows, cells, recordLine)
    cells = []
  }
  while (i < text.length) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else {
        if (ch === '\n') line++
        field += ch
      }
      i++
      continue
    }
    if (ch === '"' && field === '') {
      quoted = true
      quoteStartLine = line
    } else if (ch === separator) {
      endField()
      if (cells.length > TABULAR_LIMITS.columns)
        throw new TabularFileRefused('imports.file.tooManyColumns', {
          max: TABULAR_LIMITS.columns,
          line: recordLine,
        })
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      recordLine = line
    } else {
      field += ch
      if (field.length > TABULAR_LIMITS.cellChars)
        throw new TabularFileRefused('imports.file.cellTooLong', {
          line: recordLine,
          max: TABULAR_LIMITS.cellChars,
        })
    }
    i++
  }
  if (quoted) throw new TabularFileRefused('imports.file.openQuote', { line: quoteStartLine })
  if (field !== '' || cells.length > 0) endRecord()
  return rows
}

/** Text of a cell as a person reads it; dates as local "YYYY-MM-DD HH:mm:ss" (see below). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    // Excel stores a date without a zone; exceljs gives it as if it were UTC.
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ')
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('error' in value) return ''
    return ''
  }
  return String(value)
}

/**
 * The first worksheet, streamed row by row: reading stops at the row limit. Before exceljs
 * unzips anything, the zip's own directory must promise a bounded unpacked size.
 */
async function readXlsx(bytes: Uint8Array): Promise<TabularRow[]> {
  checkZipDirectory(bytes)
  const rows: TabularRow[] = []
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  })
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : []
        if (values.length > TABULAR_LIMITS.columns)
          throw new TabularFileRefused('imports.file.tooManyColumns', {
            max: TABULAR_LIMITS.columns,
            line: row.number,
          })
        const cells = Array.from(values, (v) => cellText(v as ExcelJS.CellValue))
        const long = cells.find((c) => c.length > TABULAR_LIMITS.cellChars)
        if (long !== undefined)
          throw new TabularFileRefused('imports.file.cellTooLong', {
            line: row.number,
            max: TABULAR_LIMITS.cellChars,
          })
        countRow(rows, cells, row.number)
      }
      break // only the first sheet
    }
  } catch (error) {
    if (error instanceof TabularFileRefused) throw error
    throw new TabularFileRefused('imports.file.unreadable')
  }
  return rows
}

/**
 * Read the zip's end-of-central-directory record and sum the declared unpacked sizes of its
 * entries. A file without a readable directory, with ZIP64 or over the limit is refused.
 */
function checkZipDirectory(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new TabularFileRefused('imports.file.unreadable')
  const entries = view.getUint16(eocd + 10, true)
  let offset = view.getUint32(eocd + 16, true)
  let total = 0
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50)
      throw new TabularFileRefused('imports.file.unreadable')
    const unpacked = view.getUint32(offset + 24, true)
    if (unpacked === 0xffffffff) throw new TabularFileRefused('imports.file.unreadable')
    total += unpacked
    if (total > TABULAR_LIMITS.unpackedBytes) throw new TabularFileRefused('imports.file.tooLarge')
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true)
  }
}
