import { describe, expect, test } from 'vitest'
import {
  guessColumn,
  mondayOfIsoWeek,
  readChannel,
  readDateTime,
  readDuration,
  readItemValue,
  readNumber,
} from './import-values.ts'

describe('reading export cells', () => {
  test('dates: Dutch day-first and ISO, Amsterdam summer and winter time, impossible days refused', () => {
    expect(readDateTime('01-07-2026 14:05')?.toISOString()).toBe('2026-07-01T12:05:00.000Z')
    expect(readDateTime('1/12/2026 14:05:30')?.toISOString()).toBe('2026-12-01T13:05:30.000Z')
    expect(readDateTime('2026-12-01T14:05:00+02:00')?.toISOString()).toBe(
      '2026-12-01T12:05:00.000Z',
    )
    expect(readDateTime('2026-12-01')?.toISOString()).toBe('2026-12-01T11:00:00.000Z')
    for (const bad of ['31-02-2026', '2026-13-01', '12/31/2026', 'gisteren', '2026-12-01 25:00'])
      expect(readDateTime(bad), bad).toBeUndefined()
  })

  test('ISO weeks: week 1 holds 4 January; week 53 only in long years', () => {
    expect(mondayOfIsoWeek('2026-W48')).toBe('2026-11-23')
    expect(mondayOfIsoWeek('2026-W01')).toBe('2025-12-29')
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28')
    expect(mondayOfIsoWeek('2027-W53')).toBeUndefined()
  })

  test('durations, numbers, yes/no, scales and channels as exports write them', () => {
    expect([readDuration('275'), readDuration('4:35'), readDuration('1:04:35')]).toEqual([
      275, 275, 3875,
    ])
    expect(readDuration('4:75')).toBeUndefined()
    expect([readNumber('85,5'), readNumber('85.5 %'), readNumber('-12')]).toEqual([85.5, 85.5, -12])
    expect(readNumber('1.234,5')).toBeUndefined()
    expect(
      ['Ja', 'nee', 'YES', '0', 'n.v.t.', 'N/A', ''].map((t) => readItemValue('yes_no', t)),
    ).toEqual([1, 0, 1, 0, null, null, null])
    expect(readItemValue('yes_no', '3')).toBeUndefined()
    expect(['4', '6', 'n.a.'].map((t) => readItemValue('one_to_five', t))).toEqual([
      4,
      undefined,
      null,
    ])
    expect(['Telefoon', 'E-mail', 'WhatsApp', 'Webcare', 'fax'].map(readChannel)).toEqual([
      'phone',
      'email',
      'chat',
      'social',
      undefined,
    ])
    expect(guessColumn(['Interaction ID', 'Agent E-mail'], ['agent email'])).toBe(1)
  })
})
