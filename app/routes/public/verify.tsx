import { data, Form, Link } from 'react-router'
import type { Route } from './+types/verify'
import { ErrorList } from '#app/components/forms.tsx'
import { AchievementDetails, type Alignment } from '#app/components/learner/achievement-details.tsx'
import { VerificationBanner } from './verification-status.tsx'
import { VERIFICATION_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { env } from '#app/env.server.ts'
import { verifyText } from '#app/records/verify.server.ts'
import learnerStyles from '#app/styles/learner.css?url'

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: learnerStyles }]
import { pageTitle } from '#app/utils/meta.ts'
import { assertBodyWithin, fileField } from '#app/utils/upload.server.ts'

const MAX_CREDENTIAL_BYTES = 512 * 1024

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'verify.title')

/**
 * Anyone verifies a credential here: paste the JWT or JSON, or upload the downloaded file. The
 * VC-JWT signature or the Data Integrity proof is checked against our published keys, then
 * revocation (our register and the public status list), suspension and expiry.
 */
export async function action({ request }: Route.ActionArgs) {
  assertBodyWithin(request, MAX_CREDENTIAL_BYTES + 16 * 1024)
  const form = await request.formData()
  const file = fileField(form, 'file')
  const pasted = String(form.get('credential') ?? '').trim()
  const text = file ? await file.text() : pasted
  if (!text) {
    return data({ error: 'verify.empty' as const, result: null }, { status: 400 })
  }
  const v = await verifyText(text)
  const credential = v.credential
  const achievement = credential?.credentialSubject.achievement as
    | {
        name?: string
        humanCode?: string
        criteria?: { narrative?: string }
        alignment?: Alignment[]
        image?: { id?: string }
      }
    | undefined
  const genuine = v.status !== 'not_authentic' && !!achievement
  return {
    error: null,
    result: {
      status: v.status,
      reason: v.reason ?? null,
      method: v.method,
      revocation: v.revocation ?? null,
      suspension: v.suspension ?? null,
      statusListRevoked: v.statusListRevoked ?? null,
      parts: v.status === 'not_authentic' ? null : (v.parts ?? null),
      validUntil: credential?.validUntil ?? null,
      recordId: v.status === 'not_authentic' ? null : (v.recordId ?? null),
      achievement: genuine
        ? `${achievement.humanCode ?? ''} ${achievement.name ?? ''}`.trim()
        : null,
      // What it certifies, read from the verified credential itself (a bundle has none).
      details: genuine
        ? {
            criteria: achievement.criteria?.narrative ?? '',
            alignment: (achievement.alignment ?? []).map((a) => ({
              targetCode: String(a.targetCode ?? ''),
              targetName: String(a.targetName ?? ''),
              targetType: String(a.targetType ?? ''),
            })),
            // Only our own badges: the image URL is shown, so it must be one we serve.
            image: achievement.image?.id?.startsWith(`${env.PUBLIC_URL}/achievements/`)
              ? new URL(achievement.image.id).pathname
              : null,
          }
        : null,
    },
  }
}

export default function Verify({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const result = actionData?.result
  return (
    <div className="page">
      <h1>{t('verify.title')}</h1>
      <p className="lead">{t('verify.intro')}</p>
      {result ? (
        <section aria-labelledby="verify-result">
          <h2 id="verify-result">{t('verify.result')}</h2>
          <VerificationBanner
            status={result.status}
            reason={result.reason}
            revocation={result.revocation}
            suspension={result.suspension}
            validUntil={result.validUntil}
            statusListRevoked={result.statusListRevoked}
            method={result.method}
            bundle={!!result.parts}
          />
          {result.achievement ? (
            <div className="record-heading">
              {result.details?.image ? (
                <img src={result.details.image} alt="" width={80} height={80} />
              ) : null}
              <p className="verified-achievement">{result.achievement}</p>
            </div>
          ) : null}
          {result.details && (result.details.criteria || result.details.alignment.length > 0) ? (
            <AchievementDetails
              criteria={result.details.criteria}
              alignment={result.details.alignment}
              headingLevel={3}
            />
          ) : null}
          {result.parts ? (
            <>
              <h3>{t('verify.clrParts', { count: result.parts.length })}</h3>
              <ul className="clr-parts">
                {result.parts.map((part, i) => (
                  <li key={part.recordId ?? i} data-status={part.status}>
                    {part.recordId ? (
                      <Link to={`/records/${part.recordId}`}>{part.name}</Link>
                    ) : (
                      part.name
                    )}{' '}
                    <span className={`record-status record-${part.status}`}>
                      {t(VERIFICATION_LABEL[part.status])}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {result.method === 'register' && result.status !== 'not_authentic' ? (
            <p className="muted">{t('verify.registerNote')}</p>
          ) : null}
          {result.recordId ? (
            <p>
              <Link to={`/records/${result.recordId}`}>{t('verify.openRecord')}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack narrow-section">
        <div className="field">
          <label htmlFor="credential">{t('verify.paste')}</label>
          <textarea id="credential" name="credential" rows={8} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="file">{t('verify.upload')}</label>
          <input id="file" name="file" type="file" accept=".jwt,.json,application/json" />
        </div>
        <ErrorList errors={actionData?.error ? [actionData.error] : null} />
        <button type="submit" className="button">
          {t('verify.submit')}
        </button>
      </Form>
    </div>
  )
}
