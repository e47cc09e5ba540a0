import { describe, expect, test } from 'vitest'
import { recordStatus } from './record-status.ts'

const now = new Date('2026-12-01T12:00:00Z')
const revocation = { revokedAt: new Date('2026-11-01T00:00:00Z'), reason: 'Fraude' }

describe('recordStatus', () => {
  test('a record without revocation or expiry is valid', () => {
    expect(recordStatus({ revocation: null, validUntil: null }, now)).toBe('valid')
    expect(recordStatus({ revocation: undefined, validUntil: null }, now)).toBe('valid')
  })

  test('a record is valid until the moment of validUntil, and expired from that moment', () => {
    const later = new Date(+now + 1)
    expect(recordStatus({ revocation: null, validUntil: later }, now)).toBe('valid')
    expect(recordStatus({ revocation: null, validUntil: now }, now)).toBe('expired')
    expect(recordStatus({ revocation: null, validUntil: new Date(+now - 1) }, now)).toBe('expired')
  })

  test('revocation wins over expiry and over a future validUntil', () => {
    expect(recordStatus({ revocation, validUntil: null }, now)).toBe('revoked')
    expect(recordStatus({ revocation, validUntil: new Date('2020-01-01') }, now)).toBe('revoked')
    expect(recordStatus({ revocation, validUntil: new Date('2030-01-01') }, now)).toBe('revoked')
  })
})
