import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { type Sheet, toXlsx } from './xlsx.server.ts'

/** The produced file, read back with exceljs's reader: what a spreadsheet program gets. */
async function readBack(sheets: Sheet[]) {
  const bytes = await new Response(toXlsx(sheets)).arrayBuffer()
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes)
  return workbook
}

async function firstSheet(sheet: Sheet) {
  const worksheet = (await readBack([sheet])).worksheets[0]
  if (!worksheet) throw new Error('the workbook has no sheet')
  return worksheet
}

const sample: Sheet = {
  name: 'Voortgang',
  headers: ['Naam', 'Score', 'Notitie'],
  rows: [
    ['Anna & Ben', 3, '<b>"hoi"</b> it\'s'],
    ['Één', -2.5, null],
  ],
}

describe('toXlsx', () => {
  test('writes a workbook with every sheet, in order', async () => {
    const workbook = await readBack([sample, { ...sample, name: 'Tweede' }])
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Voortgang', 'Tweede'])
    expect(workbook.worksheets[1]!.getCell('A2').value).toBe('Anna & Ben')
  })

  test('makes the header row bold, and only the header row', async () => {
    const sheet = await firstSheet(sample)
    for (const ref of ['A1', 'B1', 'C1']) expect(sheet.getCell(ref).font?.bold).toBe(true)
    for (const ref of ['A2', 'B2', 'C2', 'A3', 'B3']) {
      expect(sheet.getCell(ref).font?.bold ?? false).toBe(false)
    }
  })

  test('freezes the header row', async () => {
    const sheet = await firstSheet(sample)
    expect(sheet.views).toEqual([
      expect.objectContaining({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' }),
    ])
    expect((sheet.views[0] as ExcelJS.WorksheetViewFrozen).xSplit ?? 0).toBe(0)
  })

  test('keeps text, XML special characters included, as text and numbers as numbers', async () => {
    const sheet = await firstSheet(sample)
    const cells = ['A1', 'A2', 'B2', 'C2', 'A3', 'B3'].map((ref) => sheet.getCell(ref))
    expect(cells.map((c) => c.value)).toEqual([
      'Naam',
      'Anna & Ben',
      3,
      '<b>"hoi"</b> it\'s',
      'Één',
      -2.5,
    ])
    expect(cells.map((c) => c.type)).toEqual([
      ExcelJS.ValueType.String,
      ExcelJS.ValueType.String,
      ExcelJS.ValueType.Number,
      ExcelJS.ValueType.String,
      ExcelJS.ValueType.String,
      ExcelJS.ValueType.Number,
    ])
  })

  test('leaves out null, empty and non-finite cells', async () => {
    const sheet = await firstSheet({
      name: 'x',
      headers: ['a', 'b', 'c', 'd', 'e'],
      rows: [[null, '', Number.NaN, Number.POSITIVE_INFINITY, 1]],
    })
    const row: unknown[] = []
    sheet.getRow(2).eachCell((cell) => row.push([cell.address, cell.value]))
    expect(row).toEqual([['E2', 1]])
  })

  test('writes text that looks like a formula as text, never as a formula', async () => {
    // Every start of the shared rule (formula-text.ts), in a data row and in the header.
    const formulas = ['=1+1', '+31 6 1234', '-2', '@SUM(A1)', '\tx', '=HYPERLINK("x")']
    const sheet = await firstSheet({
      name: 'x',
      headers: ['=cmd', 'gewoon'],
      rows: [...formulas.map((f) => [f, 'tekst']), [-2, 'a=b']],
    })
    const cells = ['A1', ...formulas.map((_, i) => `A${i + 2}`)].map((ref) => sheet.getCell(ref))
    expect(cells.map((c) => c.value)).toEqual(['=cmd', ...formulas])
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String)
      expect(cell.formula).toBeUndefined()
      // The Text format keeps the cell text when someone edits it in Excel.
      expect(cell.numFmt).toBe('@')
    }
    // Ordinary text and a negative number are left as they are.
    expect(sheet.getCell('B2').numFmt).toBeUndefined()
    expect(sheet.getCell('B8').numFmt).toBeUndefined()
    expect(sheet.getCell('A8').value).toBe(-2)
    expect(sheet.getCell('A8').type).toBe(ExcelJS.ValueType.Number)
  })

  test('names columns past Z as AA, AB … ZZ, AAA', async () => {
    const headers = Array.from({ length: 703 }, (_, i) => `k${i + 1}`)
    const sheet = await firstSheet({ name: 'breed', headers, rows: [] })
    const at = (ref: string) => sheet.getCell(ref).value
    expect(['Z1', 'AA1', 'AB1', 'AZ1', 'BA1', 'ZZ1', 'AAA1'].map(at)).toEqual([
      'k26',
      'k27',
      'k28',
      'k52',
      'k53',
      'k702',
      'k703',
    ])
    expect(sheet.actualColumnCount).toBe(703)
  })

  test('removes control characters that XML 1.0 forbids but keeps tab and line breaks', async () => {
    const sheet = await firstSheet({
      name: 'x',
      headers: ['a'],
      rows: [['a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\tt\nn\rr']],
    })
    // An XML reader (Excel's too) reads a bare CR as a line feed.
    expect(sheet.getCell('A2').value).toBe('abcdefg\tt\nn\nr')
  })

  test('removes unpaired surrogates but keeps emoji', async () => {
    const sheet = await firstSheet({
      name: 'x',
      headers: ['a'],
      rows: [['ok \uD83D\uDE00 \uD800!']],
    })
    expect(sheet.getCell('A2').value).toBe('ok \uD83D\uDE00 !')
  })

  test('keeps literal _xHHHH_ text from being decoded by Excel', async () => {
    const sheet = await firstSheet({ name: 'x', headers: ['a'], rows: [['code_x0041_']] })
    expect(sheet.getCell('A2').value).toBe('code_x0041_')
  })

  test('cuts text at Excel’s 32,767 characters', async () => {
    const sheet = await firstSheet({ name: 'x', headers: ['a'], rows: [['x'.repeat(40_000)]] })
    expect(sheet.getCell('A2').value).toBe('x'.repeat(32_767))
  })

  test('sanitises sheet names: forbidden characters, length, edges, case-insensitive duplicates', async () => {
    const names = [
      'Q1/Q2: [team]*?\\',
      'Een hele lange naam voor een werkblad in Excel',
      'Een hele lange naam voor een werkblad in Excel',
      'VOORTGANG',
      'voortgang',
      "'quoted'",
      '   ',
      'History',
      'A & B',
    ]
    const workbook = await readBack(names.map((name) => ({ name, headers: ['a'], rows: [] })))
    const result = workbook.worksheets.map((w) => w.name)
    expect(result).toEqual([
      'Q1_Q2_ _team____',
      'Een hele lange naam voor een we',
      'Een hele lange naam voor ee (2)',
      'VOORTGANG',
      'voortgang (2)',
      'quoted',
      'Sheet7',
      'History_',
      'A & B',
    ])
    for (const name of result) expect(name.length).toBeLessThanOrEqual(31)
  })

  test('writes an empty sheet with only headers', async () => {
    const sheet = await firstSheet({ name: 'leeg', headers: ['Naam'], rows: [] })
    expect(sheet.actualRowCount).toBe(1)
    expect(sheet.getCell('A1').value).toBe('Naam')
  })

  test('refuses a workbook without sheets, or larger than Excel opens, before writing', () => {
    expect(() => toXlsx([])).toThrow(RangeError)
    const wide = Array.from({ length: 16_385 }, (_, i) => `k${i}`)
    expect(() => toXlsx([{ name: 'x', headers: wide, rows: [] }])).toThrow(/16385 columns/)
    // A sparse array: only its length matters here.
    const tall = { name: 'x', headers: ['a'], rows: new Array<string[]>(1_048_576) }
    expect(() => toXlsx([tall])).toThrow(/1048577 rows/)
  })

  test('writes the same content for the same input', async () => {
    // The zip stamps each part with the time of writing, so the bytes differ between runs;
    // every part's content must not (core.xml holds the creation time: its one exception).
    const parts = async () => {
      const zip = unzipSync(new Uint8Array(await new Response(toXlsx([sample])).arrayBuffer()))
      delete zip['docProps/core.xml']
      return Object.fromEntries(
        Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)]),
      )
    }
    const first = await parts()
    expect(Object.keys(first)).toContain('xl/worksheets/sheet1.xml')
    expect(await parts()).toEqual(first)
  })

  test('streams a 2,000-row × 20-column sheet in pieces', async () => {
    const headers = Array.from({ length: 20 }, (_, c) => `Kolom ${c + 1}`)
    const rows = Array.from({ length: 2000 }, (_, r) =>
      headers.map((_, c) => (c % 2 === 0 ? r * c : `tekst ${r}-${c} & meer`)),
    )
    const chunks: Uint8Array[] = []
    const reader = toXlsx([{ name: 'Groot', headers, rows }]).getReader()
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(read.value)
    }
    expect(chunks.length).toBeGreaterThan(1)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.actualRowCount).toBe(2001)
    expect(sheet.getCell('T2001').value).toBe('tekst 1999-19 & meer')
    expect(sheet.getCell('S2001').value).toBe(1999 * 18)
  })
})
