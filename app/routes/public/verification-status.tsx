import type { VerificationStatus } from '#app/records/verify.server.ts'
import { formatDate } from '#app/i18n/i18n.ts'
import { labelFor, NOT_AUTHENTIC_LABEL, VERIFICATION_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/** The outcome of a verification, in words and colour, announced to screen readers. */
export function VerificationBanner({
  status,
  reason,
  revocation,
  validUntil,
}: {
  status: VerificationStatus
  reason?: string | null
  revocation?: { revokedAt: Date | string; reason: string } | null
  validUntil?: Date | string | null
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
      {status === 'expired' && validUntil ? (
        <p>{t('verify.expiredOn', { date: formatDate(validUntil, locale) })}</p>
      ) : null}
      {status === 'not_authentic' && reasonKey ? <p>{t(reasonKey)}</p> : null}
      {status === 'valid' ? <p>{t('verify.validExplained')}</p> : null}
    </div>
  )
}
