import QRCode from 'qrcode'
import { Form, Link } from 'react-router'
import type { Route } from './+types/record-wallet'
import { requireUser } from '#app/auth/authorize.server.ts'
import { env } from '#app/env.server.ts'
import { RECORD_LEVEL_LABEL, textFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { makeWalletOffer, walletRecord } from '#app/integrations/openid4vci/wallet-offers.server.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'wallet.title')

// Only the learner who holds the record sees this page; for anyone else it does not exist.
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const record = await walletRecord({ recordId: params.recordId, userId: user.id })
  invariantResponse(record, 'Not found', { status: 404 })
  return { record, issuerName: env.ISSUER_NAME }
}

/** Making an offer is a write (a code that can be redeemed): a POST, never a GET. */
export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request)
  const offer = await makeWalletOffer({ recordId: params.recordId, userId: user.id })
  invariantResponse(offer, 'Not found', { status: 404 })
  // An image from our own link: the QR code's SVG is never put into the page as markup.
  const svg = await QRCode.toString(offer.offerLink, { type: 'svg', margin: 2 })
  return {
    offerLink: offer.offerLink,
    pin: offer.pin,
    expiresAt: offer.expiresAt.toISOString(),
    qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  }
}

export default function RecordWallet({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { record, issuerName } = loaderData
  return (
    <div className="page wallet-page">
      <h1>{t('wallet.title')}</h1>
      <p className="muted">
        {textFor(t, RECORD_LEVEL_LABEL, record.level)} ·{' '}
        {record.level === 'qualification' ? null : <span className="code">{record.code}</span>}{' '}
        {record.name}
      </p>
      <p className="lead">{t('wallet.intro')}</p>
      {record.status !== 'valid' ? (
        <p className="notice">{t('wallet.unavailable')}</p>
      ) : actionData ? (
        <section className="wallet-offer" aria-live="polite">
          <h2>{t('wallet.scan')}</h2>
          <img
            className="wallet-qr"
            src={actionData.qrDataUrl}
            alt={t('wallet.scan')}
            width={280}
            height={280}
          />
          <p>
            <a className="button" href={actionData.offerLink} data-offer-link>
              {t('wallet.sameDevice')}
            </a>
          </p>
          <h2>{t('wallet.pin')}</h2>
          <p className="wallet-pin" data-pin>
            {actionData.pin}
          </p>
          <p>{t('wallet.pinHint')}</p>
          <p className="notice">
            {t('wallet.expires', {
              time: formatAmsterdam(actionData.expiresAt, locale, 'dateTime'),
            })}
          </p>
        </section>
      ) : null}
      {record.status === 'valid' ? (
        <>
          <h2>{t('wallet.steps')}</h2>
          <ol>
            <li>{t('wallet.step1')}</li>
            <li>{t('wallet.step2', { issuer: issuerName })}</li>
            <li>{t('wallet.step3')}</li>
          </ol>
          <Form method="post">
            <button type="submit" className="button">
              {actionData ? t('wallet.again') : t('wallet.make')}
            </button>
          </Form>
        </>
      ) : null}
      <p>
        <Link to="/records">{t('wallet.back')}</Link>
      </p>
    </div>
  )
}
