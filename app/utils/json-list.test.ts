import { describe, expect, test } from 'vitest'
import { parseJsonList, toJsonList } from './json-list.ts'

describe('JSON list columns', () => {
  test('a list survives writing and reading, order and all', () => {
    for (const list of [[], ['nl'], ['TL-K2-W4', 'TL-K2-W3'], ['progress:read', 'records:read']]) {
      expect(parseJsonList(toJsonList(list))).toEqual(list)
    }
    expect(toJsonList(['C', 'H'])).toBe('["C","H"]')
  })

  test('comma text from before the migration, or anything else, is refused', () => {
    expect(() => parseJsonList('C,H,R')).toThrow(/not a JSON list/)
    expect(() => parseJsonList('')).toThrow(/not a JSON list/)
    expect(() => parseJsonList('{"C":true}')).toThrow()
    expect(() => parseJsonList('[1,2]')).toThrow()
    expect(() => parseJsonList('[""]')).toThrow()
  })
})
