import { describe, expect, test } from 'vitest'
import { formatAmsterdam, fromAmsterdamLocal, toAmsterdamLocal } from './amsterdam-date.ts'

describe('formatAmsterdam', () => {
  test('a date in Dutch and in English', () => {
    expect(formatAmsterdam(new Date('2026-12-01T12:00:00Z'), 'nl')).toBe('1 december 2026')
    expect(formatAmsterdam(new Date('2026-12-01T12:00:00Z'), 'en')).toBe('1 December 2026')
    expect(formatAmsterdam('2026-12-01T12:00:00Z', 'nl')).toBe('1 december 2026')
  })

  test('just after midnight in Amsterdam is already the next day, in summer and in winter', () => {
    // 22:30 UTC is 00:30 in summer time (UTC+2), 23:30 UTC is 00:30 in winter time (UTC+1).
    expect(formatAmsterdam(new Date('2026-10-24T22:30:00Z'), 'nl')).toBe('25 oktober 2026')
    expect(formatAmsterdam(new Date('2026-12-31T23:30:00Z'), 'nl')).toBe('1 januari 2027')
    expect(formatAmsterdam(new Date('2026-12-31T22:30:00Z'), 'en')).toBe('31 December 2026')
  })

  test('the clock jumps from 02:00 to 03:00 on the last Sunday of March', () => {
    expect(formatAmsterdam(new Date('2026-03-29T00:59:00Z'), 'nl', 'dateTime')).toBe(
      '29 mrt 2026, 01:59',
    )
    expect(formatAmsterdam(new Date('2026-03-29T01:00:00Z'), 'nl', 'dateTime')).toBe(
      '29 mrt 2026, 03:00',
    )
    expect(formatAmsterdam(new Date('2026-03-29T01:00:00Z'), 'en', 'dateTime')).toBe(
      '29 Mar 2026, 03:00',
    )
  })

  test('on the last Sunday of October 02:30 happens twice, an hour apart', () => {
    expect(formatAmsterdam(new Date('2026-10-25T00:30:00Z'), 'nl', 'compactDateTime')).toBe(
      '25-10-2026, 02:30',
    )
    expect(formatAmsterdam(new Date('2026-10-25T01:30:00Z'), 'nl', 'compactDateTime')).toBe(
      '25-10-2026, 02:30',
    )
    expect(formatAmsterdam(new Date('2026-10-25T01:30:00Z'), 'en', 'compactDateTime')).toBe(
      '25/10/2026, 02:30',
    )
  })
})

describe('Amsterdam wall-clock input', () => {
  test('winter and summer time both round-trip', () => {
    expect(fromAmsterdamLocal('2026-12-01T14:30')?.toISOString()).toBe('2026-12-01T13:30:00.000Z')
    expect(fromAmsterdamLocal('2026-07-01T14:30')?.toISOString()).toBe('2026-07-01T12:30:00.000Z')
    expect(toAmsterdamLocal(new Date('2026-07-01T12:30:00Z'))).toBe('2026-07-01T14:30')
  })
  test('anything else is refused', () => {
    expect(fromAmsterdamLocal('1 december')).toBeNull()
    expect(fromAmsterdamLocal('2026-13-45T99:99')).toBeNull()
  })
})
