/** Minimal Office Open XML (.xlsx) writer: inline strings, bold frozen header row, no formulas. */
import { strToU8, zipSync } from 'fflate'

export type Sheet = { name: string; headers: string[]; rows: Array<Array<string | number | null>> }

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships'
const CT_PREFIX = 'application/vnd.openxmlformats-officedocument.spreadsheetml'

// Excel's hard limits; beyond them it refuses the file instead of truncating.
const MAX_ROWS = 1_048_576
const MAX_COLUMNS = 16_384
const MAX_CELL_TEXT = 32_767
const MAX_SHEET_NAME = 31

// Index into cellXfs in styles.xml.
const BOLD_STYLE = 1
// Fixed zip timestamps keep the output byte-for-byte reproducible.
const ZIP_MTIME = new Date(1980, 0, 1)

export function toXlsx(sheets: Sheet[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError('An xlsx workbook needs at least one sheet')
  const names = sheetNames(sheets.map((sheet) => sheet.name))

  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypes(sheets.length)),
    '_rels/.rels': strToU8(rootRels()),
    'xl/workbook.xml': strToU8(workbook(names)),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels(sheets.length)),
    'xl/styles.xml': strToU8(STYLES),
  }
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(worksheet(sheet))
  })
  return zipSync(files, { level: 6, mtime: ZIP_MTIME })
}

function contentTypes(sheetCount: number) {
  const sheetOverrides = range(sheetCount)
    .map(
      (n) =>
        `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${CT_PREFIX}.worksheet+xml"/>`,
    )
    .join('')
  return (
    XML_HEADER +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT_PREFIX}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT_PREFIX}.styles+xml"/>` +
    sheetOverrides +
    '</Types>'
  )
}

function rootRels() {
  return (
    XML_HEADER +
    `<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    '</Relationships>'
  )
}

function workbook(names: string[]) {
  const sheets = names
    .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')
  return (
    XML_HEADER +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    // sheetView workbookViewId="0" points at this workbookView.
    '<bookViews><workbookView/></bookViews>' +
    `<sheets>${sheets}</sheets>` +
    '</workbook>'
  )
}

function workbookRels(sheetCount: number) {
  const sheetRels = range(sheetCount)
    .map(
      (n) =>
        `<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`,
    )
    .join('')
  return (
    XML_HEADER +
    `<Relationships xmlns="${PKG_REL_NS}">` +
    sheetRels +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    '</Relationships>'
  )
}

// Excel insists on the two built-in fills (none, gray125) even when they are unused.
const STYLES =
  XML_HEADER +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2">' +
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '</fonts>' +
  '<fills count="2">' +
  '<fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill>' +
  '</fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>'

function worksheet(sheet: Sheet) {
  // reduce, not Math.max(...rows): spreading a million rows overflows the call stack.
  const width = sheet.rows.reduce((max, row) => Math.max(max, row.length), sheet.headers.length)
  const height = sheet.rows.length + 1
  if (width > MAX_COLUMNS) throw new RangeError(`Sheet has ${width} columns; Excel allows 16384`)
  if (height > MAX_ROWS) throw new RangeError(`Sheet has ${height} rows; Excel allows 1048576`)
  const letters = range(width).map(columnLetters)

  const out: string[] = [
    XML_HEADER,
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    `<dimension ref="${width > 0 ? `A1:${letters[width - 1]}${height}` : 'A1'}"/>`,
    '<sheetViews><sheetView workbookViewId="0">',
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    '</sheetView></sheetViews>',
    '<sheetData>',
  ]
  const writeRow = (cells: Array<string | number | null>, r: number, style: string) => {
    let xml = ''
    cells.forEach((value, c) => {
      xml += cell(`${letters[c]}${r}`, value, style)
    })
    // Empty rows may be left out entirely.
    if (xml) out.push(`<row r="${r}">${xml}</row>`)
  }
  writeRow(sheet.headers, 1, ` s="${BOLD_STYLE}"`)
  sheet.rows.forEach((row, i) => writeRow(row, i + 2, ''))
  out.push('</sheetData></worksheet>')
  return out.join('')
}

function cell(ref: string, value: string | number | null, style: string) {
  if (value === null) return ''
  if (typeof value === 'number') {
    // NaN/Infinity are not valid xsd:double values for <v>; Excel would call the file corrupt.
    return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : ''
  }
  const text = cellText(value)
  if (!text) return ''
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`
}

function cellText(value: string) {
  let text = stripInvalidXml(value)
  if (text.length > MAX_CELL_TEXT) text = truncate(text, MAX_CELL_TEXT)
  // Excel decodes _xHHHH_ in text; escaping the underscore keeps such literal text unchanged.
  return escapeXml(text.replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1'))
}

/** 1 → A, 26 → Z, 27 → AA. */
function columnLetters(n: number) {
  let letters = ''
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters
  }
  return letters
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

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

function escapeXml(text: string) {
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char)
}

function range(count: number) {
  return Array.from({ length: count }, (_, i) => i + 1)
}
