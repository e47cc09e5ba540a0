import { describe, expect, test } from 'vitest'
import { ScimError } from './errors.ts'
import { parseFilter, parsePaging } from './filter.ts'

const USERS = ['userName', 'externalId'] as const
const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error instanceof ScimError ? [error.status, error.scimType] : error
  }
  return 'accepted'
}

describe('filters', () => {
  test('the lookups identity systems send', () => {
    expect(parseFilter('userName eq "Anna@Noord.example"', USERS)).toEqual([
      { attribute: 'userName', value: 'Anna@Noord.example' },
    ])
    // Attribute names are case-insensitive (RFC 7643 §2.1); Entra filters on externalId.
    expect(parseFilter('externalid EQ "5f1c-9a"', USERS)).toEqual([
      { attribute: 'externalId', value: '5f1c-9a' },
    ])
    expect(parseFilter('userName eq "a@b.nl" and externalId eq "x"', USERS)).toHaveLength(2)
    expect(parseFilter('userName eq "say \\"hi\\""', USERS)[0]!.value).toBe('say "hi"')
    expect(parseFilter(null, USERS)).toEqual([])
  })

  test('anything else is refused as invalidFilter, not half-understood', () => {
    expect(refusal(() => parseFilter('userName co "anna"', USERS))).toEqual([400, 'invalidFilter'])
    expect(refusal(() => parseFilter('userName eq anna', USERS))).toEqual([400, 'invalidFilter'])
    expect(refusal(() => parseFilter('title eq "boss"', USERS))).toEqual([400, 'invalidFilter'])
    expect(refusal(() => parseFilter('userName eq "a" or userName eq "b"', USERS))).toEqual([
      400,
      'invalidFilter',
    ])
  })

  test('paging is 1-based and bounded', () => {
    expect(parsePaging(new URLSearchParams(''))).toEqual({ startIndex: 1, count: 100 })
    expect(parsePaging(new URLSearchParams('startIndex=0&count=5000'))).toEqual({
      startIndex: 1,
      count: 200,
    })
    expect(refusal(() => parsePaging(new URLSearchParams('count=ten')))).toEqual([
      400,
      'invalidValue',
    ])
  })
})
