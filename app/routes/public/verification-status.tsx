import type { VerificationStatus } from '#app/records/verify.server.ts'
import { formatDate } from '#app/i18n/i18n.ts'
import { labelFor, NOT_AUTHENTIC_LABEL, VERIFICATION_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/** The outcome of a verification, in words and colour, announced to screen readers. */
export function VerificationBanner({
  status,
  reason,
  revocation,
  suspension,
  validUntil,
  statusListRevoked,
  method,
  bundle = false,
}: {
  status: VerificationStatus
  reason?: string | null
  revocation?: { revokedAt: Date | string; reason: string } | null
  suspension?: { suspendedAt: Date | string } | null
  validUntil?: Date | string | null
  /** The published status list's bit for this record; null or absent: no status entry. */
  statusListRevoked?: boolean | null
  method?: 'jwt' | 'data_integrity' | 'register'
  /** A CLR: valid says the bundle is genuine; its records are judged one by one. */
  bundle?: boolean
}) {
  const { t, locale } = useTranslation()
  const reasonKey = reason ? labelFor(NOT_AUTHENTIC_LABEL, reason) : undefined
  return (
    <div role="status" className={`verification verification-${status}`} data-status={status}>
      <p className="verification-title">{t(VERIFICATION_LABEL[status])}</p>
      {status === 'revoked' && revocation ? (
        <p>
          {t('verify.revokedOn', { date: formatDate(revocation.revokedAt, locale) })}{' '}
          {t('verify.revokedReason', { reason: revocation.reason })}
        </p>
      ) : null}
      {status === 'suspended' && suspension ? (
        <p>{t('verify.suspendedOn', { date: formatDate(suspension.suspendedAt, locale) })}</p>
      ) : null}
      {status === 'expired' && validUntil ? (
        <p>{t('verify.expiredOn', { date: formatDate(validUntil, locale) })}</p>
      ) : null}
      {status === 'not_authentic' && reasonKey ? <p>{t(reasonKey)}</p> : null}
      {status === 'valid' ? (
        <p>{t(bundle ? 'verify.validBundleExplained' : 'verify.validExplained')}</p>
      ) : null}
      {method && status !== 'not_authentic' ? (
        <p className="muted">{t(`verify.method.${method}`)}</p>
      ) : null}
      {statusListRevoked === undefined || statusListRevoked === null ? null : (
        <p className="muted" data-status-list={statusListRevoked ? 'revoked' : 'clear'}>
          {t(statusListRevoked ? 'verify.statusList.revoked' : 'verify.statusList.clear')}
        </p>
      )}
    </div>
  )
}
