import { describe, expect, test } from 'vitest'
import { toCsv } from './csv.ts'

const BOM = '\uFEFF'

describe('toCsv', () => {
  test('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const csv = toCsv({ headers: ['a', 'b'], rows: [['1', '2']] }, 'en')
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv).toBe(`${BOM}a,b\r\n1,2\r\n`)
  })

  test('uses ; for Dutch and , for English', () => {
    const table = { headers: ['Naam', 'Score'], rows: [['Anna', 8]] }
    expect(toCsv(table, 'nl')).toBe(`${BOM}Naam;Score\r\nAnna;8\r\n`)
    expect(toCsv(table, 'en')).toBe(`${BOM}Naam,Score\r\nAnna,8\r\n`)
  })

  test('quotes only fields that contain the active separator', () => {
    const table = { headers: ['x', 'y'], rows: [['a;b', 'c,d']] }
    expect(toCsv(table, 'nl')).toBe(`${BOM}x;y\r\n"a;b";c,d\r\n`)
    expect(toCsv(table, 'en')).toBe(`${BOM}x,y\r\na;b,"c,d"\r\n`)
  })

  test('quotes fields with double quotes (doubled), LF or CR', () => {
    const table = { headers: ['t'], rows: [['zei "hallo"'], ['regel 1\nregel 2'], ['a\rb']] }
    expect(toCsv(table, 'nl')).toBe(
      `${BOM}t\r\n"zei ""hallo"""\r\n"regel 1\nregel 2"\r\n"a\rb"\r\n`,
    )
  })

  test('writes numbers as plain digits, null as an empty field', () => {
    const table = { headers: ['a', 'b', 'c', 'd'], rows: [[1234567, null, 0, 'x']] }
    expect(toCsv(table, 'en')).toBe(`${BOM}a,b,c,d\r\n1234567,,0,x\r\n`)
  })

  test('uses a decimal comma for Dutch and a decimal point for English', () => {
    const table = { headers: ['AHT'], rows: [[330.5]] }
    expect(toCsv(table, 'nl')).toBe(`${BOM}AHT\r\n330,5\r\n`)
    expect(toCsv(table, 'en')).toBe(`${BOM}AHT\r\n330.5\r\n`)
  })

  test('leaves non-finite numbers empty instead of writing NaN', () => {
    const table = { headers: ['a', 'b'], rows: [[Number.NaN, Number.POSITIVE_INFINITY]] }
    expect(toCsv(table, 'en')).toBe(`${BOM}a,b\r\n,\r\n`)
  })

  test('guards text that Excel would run as a formula', () => {
    const rows = [['=1+1'], ['+31 6 1234'], ['-2'], ['@SUM(A1)'], ['\tx'], ['=HYPERLINK("x")']]
    const lines = toCsv({ headers: ['t'], rows }, 'en')
      .slice(BOM.length)
      .split('\r\n')
    expect(lines.slice(1, 6)).toEqual(["'=1+1", "'+31 6 1234", "'-2", "'@SUM(A1)", "'\tx"])
    expect(lines[6]).toBe(`"'=HYPERLINK(""x"")"`)
  })

  test('guards a leading CR and still quotes the field', () => {
    expect(toCsv({ headers: ['t'], rows: [['\r=1']] }, 'en')).toBe(`${BOM}t\r\n"'\r=1"\r\n`)
  })

  test('guards header text too', () => {
    expect(toCsv({ headers: ['=cmd'], rows: [] }, 'en')).toBe(`${BOM}'=cmd\r\n`)
  })

  test('never changes number cells, so negative numbers stay numbers', () => {
    const table = { headers: ['delta'], rows: [[-5], [-0.25]] }
    expect(toCsv(table, 'en')).toBe(`${BOM}delta\r\n-5\r\n-0.25\r\n`)
    expect(toCsv(table, 'nl')).toBe(`${BOM}delta\r\n-5\r\n-0,25\r\n`)
  })

  test('leaves text that only contains formula characters later on alone', () => {
    expect(toCsv({ headers: ['t'], rows: [['a=b-c']] }, 'en')).toBe(`${BOM}t\r\na=b-c\r\n`)
  })

  test('keeps Dutch characters intact', () => {
    const csv = toCsv({ headers: ['Cursus'], rows: [['Één klant’s ideeën, café']] }, 'nl')
    expect(csv).toBe(`${BOM}Cursus\r\nÉén klant’s ideeën, café\r\n`)
    const bytes = new TextEncoder().encode(csv)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes)).toContain('ideeën, café')
  })

  test('writes only the header line for an empty table', () => {
    expect(toCsv({ headers: ['Naam', 'Score'], rows: [] }, 'nl')).toBe(`${BOM}Naam;Score\r\n`)
  })
})
