import { Form, Link } from 'react-router'
import type { Route } from './+types/records'
import { requireUser } from '#app/auth/authorize.server.ts'
import { env } from '#app/env.server.ts'
import { formatDate } from '#app/i18n/i18n.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { RECORD_LEVEL_LABEL, textFor, VERIFICATION_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { badgePath } from '#app/records/achievement-badge.ts'
import { listRecords } from '#app/records/record-view.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { ShareLink } from '#app/components/learner/share-link.tsx'
import learnerStyles from '#app/styles/learner.css?url'

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: learnerStyles }]

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'records.title')

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  // Share links are built from the configured public address, never from a fixed host.
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
        <ul className="record-list">
          {records.map((r) => (
            <li key={r.id} className="card" data-record={r.code}>
              <img
                className="record-badge"
                src={badgePath(r.dossierSlug, r.code)}
                alt={t('learner.records.badgeAlt', { code: r.code })}
                width={80}
                height={80}
              />
              <div>
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
              </div>
              <div className="record-extra">
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
                <ShareLink label={t('records.shareLink')} url={`${publicUrl}/records/${r.id}`} />
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
