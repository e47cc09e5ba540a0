import { describe, expect, test } from 'vitest'
import { recordStatus } from './record-status.ts'

const now = new Date('2026-12-01T12:00:00Z')
const revocation = { revokedAt: new Date('2026-11-01T00:00:00Z'), reason: 'Fraude' }

describe('recordStatus', () => {
  test('a record without revocation or expiry is valid', () => {
    expect(recordStatus({ suspension: null, revocation: null, validUntil: null }, now)).toBe(
      'valid',
    )
    expect(recordStatus({ suspension: null, revocation: undefined, validUntil: null }, now)).toBe(
      'valid',
    )
  })

  test('a record is valid until the moment of validUntil, and expired from that moment', () => {
    const later = new Date(+now + 1)
    expect(recordStatus({ suspension: null, revocation: null, validUntil: later }, now)).toBe(
      'valid',
    )
    expect(recordStatus({ suspension: null, revocation: null, validUntil: now }, now)).toBe(
      'expired',
    )
    expect(
      recordStatus({ suspension: null, revocation: null, validUntil: new Date(+now - 1) }, now),
    ).toBe('expired')
  })

  test('revocation wins over expiry and over a future validUntil', () => {
    expect(recordStatus({ suspension: null, revocation, validUntil: null }, now)).toBe('revoked')
    expect(
      recordStatus({ suspension: null, revocation, validUntil: new Date('2020-01-01') }, now),
    ).toBe('revoked')
    expect(
      recordStatus({ suspension: null, revocation, validUntil: new Date('2030-01-01') }, now),
    ).toBe('revoked')
  })
})

describe('suspension', () => {
  const suspension = { suspendedAt: new Date('2026-11-20T00:00:00Z'), reason: 'Onderzoek' }
  test('a suspended record does not count, also before its expiry', () => {
    expect(recordStatus({ suspension, revocation: null, validUntil: null }, now)).toBe('suspended')
    expect(
      recordStatus({ suspension, revocation: null, validUntil: new Date('2030-01-01') }, now),
    ).toBe('suspended')
  })
  test('revocation wins over a suspension, a suspension over expiry', () => {
    expect(recordStatus({ suspension, revocation, validUntil: null }, now)).toBe('revoked')
    expect(
      recordStatus({ suspension, revocation: null, validUntil: new Date('2020-01-01') }, now),
    ).toBe('suspended')
  })
})
