import { Form, Link } from 'react-router'
import type { Route } from './+types/records'
import { requireUser } from '#app/auth/authorize.server.ts'
import { env } from '#app/env.server.ts'
import { formatDate } from '#app/i18n/i18n.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { RECORD_LEVEL_LABEL, textFor, VERIFICATION_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { listRecords } from '#app/records/record-view.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'records.title')

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  return { records: await listRecords(user.id, getLocale(request)), publicUrl: env.PUBLIC_URL }
}

export default function Records({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { records, publicUrl } = loaderData
  return (
    <div className="page">
      <h1>{t('records.title')}</h1>
      <p className="lead">{t('records.intro')}</p>
      {records.length === 0 ? (
        <p>
          {t('records.none')} <Link to="/evidence">{t('evidence.title')}</Link>
        </p>
      ) : (
        <ul className="cards records">
          {records.map((r) => (
            <li key={r.id} className="card" data-record={r.code}>
              <p className="muted">
                {textFor(t, RECORD_LEVEL_LABEL, r.level)} ·{' '}
                <span className={`record-status record-${r.status}`}>
                  {t(VERIFICATION_LABEL[r.status])}
                </span>
              </p>
              <h2>
                <Link to={`/records/${r.id}`}>
                  {r.level === 'qualification' ? null : <span className="code">{r.code}</span>}{' '}
                  {r.title}
                </Link>
              </h2>
              <p className="muted">
                {t('records.issuedOn')} {formatDate(r.issuedAt, locale)}
                {r.validUntil
                  ? ` · ${t('records.validUntil')} ${formatDate(r.validUntil, locale)}`
                  : ''}
              </p>
              <ul className="inline-list">
                <li>
                  <a href={`/records/${r.id}/credential.jwt`} download>
                    {t('records.downloadJwtShort')}
                  </a>
                </li>
                <li>
                  <a href={`/records/${r.id}/credential.json`} download>
                    {t('records.downloadJsonShort')}
                  </a>
                </li>
                {r.status !== 'revoked' ? (
                  <>
                    <li>
                      <a href={`/records/${r.id}/certificate.pdf?lang=nl`} download>
                        {t('records.pdfNl')}
                      </a>
                    </li>
                    <li>
                      <a href={`/records/${r.id}/certificate.pdf?lang=en`} download>
                        {t('records.pdfEn')}
                      </a>
                    </li>
                  </>
                ) : null}
              </ul>
              {r.status === 'valid' ? (
                // A POST: making an offer writes a code; the wallet page then shows it.
                <Form method="post" action={`/records/${r.id}/wallet`} className="card-action">
                  <button type="submit" className="button small">
                    {t('records.addToWallet')}
                  </button>
                </Form>
              ) : null}
              <div className="field">
                <label htmlFor={`share-${r.id}`}>{t('records.shareLink')}</label>
                <input
                  id={`share-${r.id}`}
                  readOnly
                  value={`${publicUrl}/records/${r.id}`}
                  onFocus={(e) => e.currentTarget.select()}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {records.some((r) => r.status === 'valid') ? (
        <section aria-labelledby="all-records" className="narrow-section">
          <h2 id="all-records">{t('records.allTitle')}</h2>
          <p>{t('records.allExplained')}</p>
          <ul className="inline-list">
            <li>
              <a href="/records/clr.json" download>
                {t('records.allJson')}
              </a>
            </li>
            <li>
              <a href="/records/clr.jwt" download>
                {t('records.allJwt')}
              </a>
            </li>
          </ul>
        </section>
      ) : null}
    </div>
  )
}
