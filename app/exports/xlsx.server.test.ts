import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { type Sheet, toXlsx } from './xlsx.ts'

function unzip(sheets: Sheet[]) {
  const files = unzipSync(toXlsx(sheets))
  const text = (path: string) => {
    const file = files[path]
    if (!file) throw new Error(`missing part ${path}`)
    return strFromU8(file)
  }
  return { files, text }
}

function sheetNamesOf(workbookXml: string) {
  return [...workbookXml.matchAll(/<sheet name="([^"]*)"/g)].map((match) => match[1])
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
  test('writes every required package part', () => {
    const { files } = unzip([sample, { ...sample, name: 'Tweede' }])
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ])
  })

  test('wires content types and relationships to each sheet and the styles', () => {
    const { text } = unzip([sample, { ...sample, name: 'Tweede' }])
    const types = text('[Content_Types].xml')
    expect(types).toContain('PartName="/xl/workbook.xml"')
    expect(types).toContain('PartName="/xl/styles.xml"')
    expect(types).toContain('PartName="/xl/worksheets/sheet1.xml"')
    expect(types).toContain('PartName="/xl/worksheets/sheet2.xml"')
    expect(text('_rels/.rels')).toContain('Target="xl/workbook.xml"')
    const rels = text('xl/_rels/workbook.xml.rels')
    expect(rels).toContain(
      'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"',
    )
    expect(rels).toContain(
      'Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"',
    )
    expect(rels).toContain(
      'Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"',
    )
    const workbook = text('xl/workbook.xml')
    expect(workbook).toContain('<sheet name="Voortgang" sheetId="1" r:id="rId1"/>')
    expect(workbook).toContain('<sheet name="Tweede" sheetId="2" r:id="rId2"/>')
  })

  test('defines a bold font and uses it for the header row only', () => {
    const { text } = unzip([sample])
    const styles = text('xl/styles.xml')
    expect(styles).toContain('<font><b/>')
    expect(styles).toContain('<cellXfs count="2">')
    expect(styles).toMatch(/<xf [^>]*fontId="1"[^>]*applyFont="1"/)
    const xml = text('xl/worksheets/sheet1.xml')
    expect(xml).toContain(
      '<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Naam</t></is></c>',
    )
    expect(xml).toContain('<c r="C1" s="1" t="inlineStr">')
    expect(xml).not.toMatch(/r="[A-Z]+2" s=/)
  })

  test('freezes the header row', () => {
    const xml = unzip([sample]).text('xl/worksheets/sheet1.xml')
    expect(xml).toContain(
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
    )
  })

  test('escapes XML special characters in text cells', () => {
    const xml = unzip([sample]).text('xl/worksheets/sheet1.xml')
    expect(xml).toContain('<t xml:space="preserve">Anna &amp; Ben</t>')
    expect(xml).toContain(
      '<t xml:space="preserve">&lt;b&gt;&quot;hoi&quot;&lt;/b&gt; it&apos;s</t>',
    )
    expect(xml).toContain('<t xml:space="preserve">Één</t>')
  })

  test('writes numbers as plain values without a type attribute', () => {
    const xml = unzip([sample]).text('xl/worksheets/sheet1.xml')
    expect(xml).toContain('<c r="B2"><v>3</v></c>')
    expect(xml).toContain('<c r="B3"><v>-2.5</v></c>')
    expect(xml).not.toMatch(/<c r="B2"[^>]* t=/)
  })

  test('leaves out null, empty and non-finite cells', () => {
    const xml = unzip([
      { name: 'x', headers: ['a', 'b', 'c', 'd'], rows: [[null, '', Number.NaN, 1]] },
    ]).text('xl/worksheets/sheet1.xml')
    expect(xml).toContain('<row r="2"><c r="D2"><v>1</v></c></row>')
    expect(xml).not.toContain('NaN')
  })

  test('names columns past Z as AA, AB … ZZ, AAA', () => {
    const headers = Array.from({ length: 703 }, (_, i) => `k${i + 1}`)
    const xml = unzip([{ name: 'breed', headers, rows: [] }]).text('xl/worksheets/sheet1.xml')
    expect(xml).toContain('<c r="Z1" s="1" t="inlineStr"><is><t xml:space="preserve">k26</t>')
    expect(xml).toContain('<c r="AA1" s="1" t="inlineStr"><is><t xml:space="preserve">k27</t>')
    expect(xml).toContain('<c r="AB1" s="1" t="inlineStr"><is><t xml:space="preserve">k28</t>')
    expect(xml).toContain('<c r="AZ1" s="1" t="inlineStr"><is><t xml:space="preserve">k52</t>')
    expect(xml).toContain('<c r="BA1" s="1" t="inlineStr"><is><t xml:space="preserve">k53</t>')
    expect(xml).toContain('<c r="ZZ1" s="1" t="inlineStr"><is><t xml:space="preserve">k702</t>')
    expect(xml).toContain('<c r="AAA1" s="1" t="inlineStr"><is><t xml:space="preserve">k703</t>')
    expect(xml).toContain('<dimension ref="A1:AAA1"/>')
  })

  test('removes control characters that XML 1.0 forbids but keeps tab, LF and CR', () => {
    const xml = unzip([
      {
        name: 'x',
        headers: ['a'],
        rows: [['a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\tt\nn\rr']],
      },
    ]).text('xl/worksheets/sheet1.xml')
    expect(xml).toContain('<t xml:space="preserve">abcdefg\tt\nn\rr</t>')
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/)
  })

  test('removes unpaired surrogates but keeps emoji', () => {
    const xml = unzip([{ name: 'x', headers: ['a'], rows: [['ok \uD83D\uDE00 \uD800!']] }]).text(
      'xl/worksheets/sheet1.xml',
    )
    expect(xml).toContain('<t xml:space="preserve">ok \uD83D\uDE00 !</t>')
  })

  test('keeps literal _xHHHH_ text from being decoded by Excel', () => {
    const xml = unzip([{ name: 'x', headers: ['a'], rows: [['code_x0041_']] }]).text(
      'xl/worksheets/sheet1.xml',
    )
    expect(xml).toContain('<t xml:space="preserve">code_x005F_x0041_</t>')
  })

  test('sanitises sheet names: forbidden characters, length, edges, case-insensitive duplicates', () => {
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
    const { text } = unzip(names.map((name) => ({ name, headers: ['a'], rows: [] })))
    const result = sheetNamesOf(text('xl/workbook.xml'))
    expect(result).toEqual([
      'Q1_Q2_ _team____',
      'Een hele lange naam voor een we',
      'Een hele lange naam voor ee (2)',
      'VOORTGANG',
      'voortgang (2)',
      'quoted',
      'Sheet7',
      'History_',
      'A &amp; B',
    ])
    for (const name of result) expect(name?.replace('&amp;', '&').length).toBeLessThanOrEqual(31)
  })

  test('writes an empty sheet with only headers', () => {
    const xml = unzip([{ name: 'leeg', headers: ['Naam'], rows: [] }]).text(
      'xl/worksheets/sheet1.xml',
    )
    expect(xml).toContain('<dimension ref="A1:A1"/>')
    expect(xml).toContain('<sheetData><row r="1">')
    expect(xml).not.toContain('<row r="2">')
  })

  test('refuses a workbook without sheets', () => {
    expect(() => toXlsx([])).toThrow(RangeError)
  })

  test('produces the same bytes for the same input', () => {
    expect(toXlsx([sample])).toEqual(toXlsx([sample]))
  })

  test('builds a 2,000-row × 20-column sheet', () => {
    const headers = Array.from({ length: 20 }, (_, c) => `Kolom ${c + 1}`)
    const rows = Array.from({ length: 2000 }, (_, r) =>
      headers.map((_, c) => (c % 2 === 0 ? r * c : `tekst ${r}-${c} & meer`)),
    )
    const zip = toXlsx([{ name: 'Groot', headers, rows }])
    expect(zip.byteLength).toBeGreaterThan(0)
    const xml = strFromU8(unzipSync(zip)['xl/worksheets/sheet1.xml'] ?? new Uint8Array())
    expect(xml).toContain('<dimension ref="A1:T2001"/>')
    expect(xml).toContain(
      '<c r="T2001" t="inlineStr"><is><t xml:space="preserve">tekst 1999-19 &amp; meer</t>',
    )
  })
})
