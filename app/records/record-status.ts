export type RecordStatus = 'valid' | 'revoked' | 'suspended' | 'expired'

/**
 * Whether an issued record still counts. Revocation wins over everything (a revoked record
 * stays revoked after its date passes, and the page must say why); a suspension holds while
 * something is looked into and can be lifted; `validUntil` is the first moment it no longer
 * counts. The record page, verification, exports, the API and issuing all ask this one
 * function, so they never disagree about a record.
 */
export function recordStatus(
  record: {
    revocation: object | null | undefined
    suspension: object | null | undefined
    validUntil: Date | null
  },
  now: Date,
): RecordStatus {
  if (record.revocation) return 'revoked'
  if (record.suspension) return 'suspended'
  if (record.validUntil && record.validUntil <= now) return 'expired'
  return 'valid'
}
